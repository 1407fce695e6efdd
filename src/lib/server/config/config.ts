/**
 * Harbour's configuration, read from the environment once and validated. Every variable is
 * documented in README.md ("Configuration").
 */
import * as v from 'valibot';
import { anchorPath } from '../audit/anchor';
import type { DatabaseTarget } from '../db/connect';

const minutes = (fallback: string) =>
	v.pipe(
		v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'must be a whole number')), fallback),
		v.transform(Number)
	);

const EnvSchema = v.object({
	DATABASE_URL: v.optional(v.string()),
	// The role that owns the tables, for migrations only; DATABASE_URL's role then owns nothing.
	DATABASE_OWNER_URL: v.optional(v.string()),
	DATABASE_PATH: v.optional(v.string(), './data/harbour.db'),
	// 1: one demo school. trust: a demo trust of three schools (PostgreSQL, HARBOUR_DOMAIN).
	HARBOUR_DEMO: v.optional(v.picklist(['0', '1', 'true', 'false', 'trust'], 'must be 0, 1 or trust'), '1'),
	// Many schools: each answers at <slug>.<HARBOUR_DOMAIN>. Unset: one school, any address.
	HARBOUR_DOMAIN: v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.toLowerCase(),
			v.regex(
				/^(?=.{1,200}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/,
				'must be a domain name such as harbour.trust.org.uk'
			)
		)
	),
	STAFF_IDLE_MINUTES: minutes('30'),
	STAFF_MAX_HOURS: minutes('10'),
	CLASS_SESSION_DAYS: minutes('7'),
	AUDIT_ANCHOR_PATH: v.optional(v.string(), ''),
	// Operations: seconds a stop may take before a hard exit; the level of the JSON log; the
	// bearer token /metrics asks for (unset: metrics are off).
	SHUTDOWN_TIMEOUT: v.pipe(
		v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/, 'must be a whole number of seconds')), '10'),
		v.transform(Number),
		v.minValue(1, 'must be at least 1 second')
	),
	LOG_LEVEL: v.optional(
		v.picklist(
			['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
			'must be one of fatal, error, warn, info, debug, trace, silent'
		),
		'info'
	),
	METRICS_TOKEN: v.optional(
		v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters'), v.maxLength(512))
	),
	PORT: v.optional(v.string()),
	// The port people reach Harbour on when a proxy on this machine listens for it (npm start's
	// demo trust); links in alerts use it.
	PUBLIC_PORT: v.optional(v.pipe(v.string(), v.regex(/^\d{1,5}$/, 'must be a port number'))),
	ORIGIN: v.optional(v.pipe(v.string(), v.url('must be a URL such as https://harbour.example.sch.uk'))),
	// Email alerts (SMTP). Unset SMTP_HOST turns email alerts off.
	SMTP_HOST: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(253))),
	SMTP_PORT: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^\d{1,5}$/, 'must be a port number'),
			v.transform(Number),
			v.minValue(1, 'must be a port number'),
			v.maxValue(65535, 'must be a port number')
		)
	),
	SMTP_USER: v.optional(v.pipe(v.string(), v.maxLength(320))),
	SMTP_PASSWORD: v.optional(v.pipe(v.string(), v.maxLength(1000))),
	SMTP_FROM: v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.maxLength(320),
			v.regex(/@/, 'must be an email address such as harbour@school.sch.uk')
		)
	),
	SMTP_SECURE: v.pipe(
		v.optional(v.picklist(['0', '1', 'true', 'false'], 'must be 0 or 1'), '0'),
		v.transform((s) => s === '1' || s === 'true')
	),
	SMTP_REQUIRE_TLS: v.pipe(
		v.optional(v.picklist(['0', '1', 'true', 'false'], 'must be 0 or 1'), '1'),
		v.transform((s) => s === '1' || s === 'true')
	)
});

/** How Harbour sends email alerts; null when SMTP_HOST is unset (email alerts off). */
export interface SmtpConfig {
	host: string;
	port: number;
	/** Implicit TLS from the first byte (port 465). */
	secure: boolean;
	/** Refuse to send unless the server upgrades the connection with STARTTLS. */
	requireTLS: boolean;
	user: string | null;
	password: string | null;
	from: string;
}

export interface Config {
	database: DatabaseTarget;
	demo: boolean;
	/** HARBOUR_DEMO=trust: the demo is a trust of three schools. */
	demoTrust: boolean;
	/** HARBOUR_DOMAIN: schools answer at `<slug>.<domain>`; null for a one-school deployment. */
	domain: string | null;
	staffIdleMinutes: number;
	staffMaxHours: number;
	classSessionDays: number;
	/** The audit chain's anchor file, outside the database. */
	auditAnchorPath: string;
	/** The public address, for links in email and push alerts. */
	origin: string;
	smtp: SmtpConfig | null;
	/** Seconds a graceful stop may take (SHUTDOWN_TIMEOUT, default 10). */
	shutdownTimeoutSeconds: number;
	/** The bearer token for /metrics; null turns metrics off. */
	metricsToken: string | null;
}

/**
 * The public address for links in alerts. One school: ORIGIN (or localhost). Many schools have
 * no one ORIGIN: links go to https://<slug>.<HARBOUR_DOMAIN> (http on the local demo trust).
 */
function publicOrigin(e: v.InferOutput<typeof EnvSchema>): string {
	const port = e.PUBLIC_PORT ?? e.PORT ?? '3000';
	if (e.ORIGIN) return e.ORIGIN.replace(/\/+$/, '');
	if (e.HARBOUR_DEMO === 'trust') return `http://localhost:${port}`;
	if (e.HARBOUR_DOMAIN) return e.PUBLIC_PORT ? `https://localhost:${e.PUBLIC_PORT}` : 'https://localhost';
	return `http://localhost:${port}`;
}

/** Reads the environment; throws one sentence naming the variable to fix. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
	const parsed = v.safeParse(EnvSchema, env);
	if (!parsed.success) {
		const issue = parsed.issues[0];
		const key = issue.path?.[0]?.key;
		throw new Error(`Environment variable ${String(key)} ${issue.message}.`);
	}
	const e = parsed.output;
	let database: DatabaseTarget = { engine: 'sqlite', path: e.DATABASE_PATH };
	if (e.DATABASE_URL) {
		if (!/^postgres(ql)?:\/\//.test(e.DATABASE_URL)) {
			throw new Error(
				'DATABASE_URL must start with postgres:// (leave it unset to use the embedded database in ./data).'
			);
		}
		try {
			new URL(e.DATABASE_URL);
		} catch {
			throw new Error(
				'DATABASE_URL is not a valid URL; expected postgres://user:password@host:5432/database.'
			);
		}
		database = { engine: 'postgres', url: e.DATABASE_URL };
		if (e.DATABASE_OWNER_URL) {
			if (!/^postgres(ql)?:\/\//.test(e.DATABASE_OWNER_URL) || !URL.canParse(e.DATABASE_OWNER_URL))
				throw new Error(
					'DATABASE_OWNER_URL is not a valid postgres:// URL; expected postgres://owner:password@host:5432/database.'
				);
			database.ownerUrl = e.DATABASE_OWNER_URL;
		}
	} else if (e.DATABASE_OWNER_URL) {
		throw new Error(
			'DATABASE_OWNER_URL needs DATABASE_URL (the app’s own role on the same PostgreSQL database).'
		);
	}
	if (e.HARBOUR_DEMO === 'trust' && database.engine !== 'postgres')
		throw new Error(
			'HARBOUR_DEMO=trust needs PostgreSQL: set DATABASE_URL (many schools share one database only there).'
		);
	return {
		database,
		demo: ['1', 'true', 'trust'].includes(e.HARBOUR_DEMO),
		demoTrust: e.HARBOUR_DEMO === 'trust',
		domain: e.HARBOUR_DOMAIN || (e.HARBOUR_DEMO === 'trust' ? 'localhost' : null),
		staffIdleMinutes: e.STAFF_IDLE_MINUTES,
		staffMaxHours: e.STAFF_MAX_HOURS,
		classSessionDays: e.CLASS_SESSION_DAYS,
		auditAnchorPath: anchorPath(database, { AUDIT_ANCHOR_PATH: e.AUDIT_ANCHOR_PATH }),
		origin: publicOrigin(e),
		shutdownTimeoutSeconds: e.SHUTDOWN_TIMEOUT,
		metricsToken: e.METRICS_TOKEN || null,
		smtp: e.SMTP_HOST
			? {
					host: e.SMTP_HOST,
					port: e.SMTP_PORT ?? (e.SMTP_SECURE ? 465 : 587),
					secure: e.SMTP_SECURE,
					requireTLS: e.SMTP_REQUIRE_TLS && !e.SMTP_SECURE,
					user: e.SMTP_USER || null,
					password: e.SMTP_PASSWORD || null,
					from: e.SMTP_FROM ?? `harbour@${new URL(e.ORIGIN ?? 'http://localhost').hostname}`
				}
			: null
	};
}
