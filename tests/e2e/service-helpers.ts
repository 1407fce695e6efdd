/**
 * Running the built app as an operator does, for the service tests: app servers spawned from
 * `build/index.js` on loopback ports with their JSON log captured, a tablet and a DSL talking
 * to them over HTTP, and the database read directly afterwards.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { PASSWORD, TEACHER } from './helpers';

export const METRICS_TOKEN = 'metrics-token-for-the-service-tests';
const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);
/** Ports for the servers these tests start (the two Playwright servers use E2E_PORT and +1). */
export const portAt = (offset: number) => E2E_PORT + 5 + offset;

export type Engine = 'sqlite' | 'postgres';

/** PostgreSQL for these tests: TEST_DATABASE_URL, or the local one `npm test` sets up. */
export async function postgresUrl(): Promise<string> {
	if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
	const { ensurePostgres } = (await import('../../scripts/lib/system-deps.js')) as {
		ensurePostgres: () => string;
	};
	return ensurePostgres();
}

/** Empties a PostgreSQL database the test owns (its public schema), so a server starts afresh. */
export async function emptyPostgres(url: string): Promise<void> {
	const c = new pg.Client({ connectionString: url });
	await c.connect();
	try {
		await c.query('drop schema public cascade; create schema public');
	} finally {
		await c.end();
	}
}

/** Every server a test started, so none outlives a failed test (see `stopAllServers`). */
const started = new Set<ChildProcess>();

/** For afterEach: ends (SIGKILL) any server a test left running. */
export function stopAllServers(): void {
	for (const child of started)
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	started.clear();
}

export interface Server {
	port: number;
	url: string;
	child: ChildProcess;
	/** Everything the server wrote to stdout (its JSON log) so far. */
	stdout(): string;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface DatabaseChoice {
	engine: Engine;
	/** A SQLite file path or a PostgreSQL URL. */
	where: string;
}

export function freshSqlite(): DatabaseChoice {
	return { engine: 'sqlite', where: join(mkdtempSync(join(tmpdir(), 'harbour-service-')), 'harbour.db') };
}

/**
 * Starts `node build/index.js` (the demo school) and waits until it says it is ready. A null
 * `publicUrl` leaves ORIGIN unset (many schools: each has its own address).
 */
export async function startServer(
	port: number,
	db: DatabaseChoice,
	extraEnv: Record<string, string> = {},
	publicUrl: string | null = `http://127.0.0.1:${port}`
): Promise<Server> {
	let out = '';
	const child = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			...(publicUrl ? { ORIGIN: publicUrl } : {}),
			BODY_SIZE_LIMIT: '10M',
			DATABASE_URL: db.engine === 'postgres' ? db.where : '',
			DATABASE_PATH: db.engine === 'sqlite' ? db.where : '',
			HARBOUR_DEMO: '1',
			LOG_LEVEL: 'info',
			METRICS_TOKEN,
			SHUTDOWN_TIMEOUT: '10',
			...extraEnv
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	started.add(child);
	child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
	child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal }))
	);
	const server: Server = { port, url: `http://127.0.0.1:${port}`, child, stdout: () => out, exited };
	// A port still taken (by a server some earlier run left) would answer for this one.
	void exited.then(({ code }) => {
		if (code !== 0 && code !== null) out += `\n(exited with code ${code})`;
	});
	await Promise.race([
		waitReady(server.url, () => out),
		exited.then(({ code }) => {
			throw new Error(`The server on port ${port} exited (code ${code}) before it was ready:\n${out}`);
		})
	]);
	return server;
}

export async function waitReady(url: string, log: () => string = () => ''): Promise<void> {
	await expect
		.poll(
			async () => {
				try {
					return (await fetch(`${url}/api/ready`)).status;
				} catch {
					return 0;
				}
			},
			{ timeout: 120_000, intervals: [250, 500, 1000], message: `ready at ${url}\n${log()}` }
		)
		.toBe(200);
}

/** SIGTERM, then how long the process took to go and how it went. */
export async function stopServer(
	server: Server
): Promise<{ ms: number; code: number | null; signal: NodeJS.Signals | null }> {
	const t = Date.now();
	server.child.kill('SIGTERM');
	const how = await server.exited;
	return { ms: Date.now() - t, ...how };
}

/** A Robins tablet set up by its teacher with their own sign-in (the device cookie is kept). */
export async function enrolledTablet(baseURL: string): Promise<APIRequestContext> {
	const tablet = await playwrightRequest.newContext({ baseURL });
	const res = await tablet.post('/enrol?/staff', {
		headers: { origin: baseURL, accept: 'text/html' },
		form: { email: TEACHER.Robins, password: PASSWORD },
		maxRedirects: 0
	});
	expect(res.status(), await res.text()).toBe(303);
	return tablet;
}

/** A signed-in member of staff; `cookie` is their Cookie header, for a live stream by fetch. */
export async function signedInStaff(
	baseURL: string,
	email: string
): Promise<{ context: APIRequestContext; cookie: string }> {
	const context = await playwrightRequest.newContext({ baseURL });
	const res = await context.post('/staff/sign-in', {
		headers: { origin: baseURL, accept: 'text/html' },
		form: { email, password: PASSWORD },
		maxRedirects: 0
	});
	expect(res.status()).toBe(303);
	const { cookies } = await context.storageState();
	return { context, cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
}

/** A press of "Tell a grown-up", as the outbox sends it. */
export function pressEvent(): {
	id: string;
	kind: string;
	clientTime: string;
	payload: { reportId: string; practice: boolean; source: string; context: { screen: string } };
} {
	return {
		id: crypto.randomUUID(),
		kind: 'report.opened',
		clientTime: new Date().toISOString(),
		payload: {
			reportId: crypto.randomUUID(),
			practice: false,
			source: 'button',
			context: { screen: '/class' }
		}
	};
}

/** Sends one batch; returns the ids the server acknowledged (none when it did not answer 2xx). */
export async function sendBatch(tablet: APIRequestContext, baseURL: string, size = 3): Promise<string[]> {
	const events = Array.from({ length: size }, pressEvent);
	try {
		const res = await tablet.post('/api/events', {
			headers: { origin: baseURL },
			data: { events },
			timeout: 30_000
		});
		if (!res.ok()) return [];
		return ((await res.json()) as { acked: string[] }).acked;
	} catch {
		return []; // refused or cut off: not acknowledged, so the tablet keeps it and sends again
	}
}

/**
 * A steady stream of presses from `workers` tablets-in-parallel until `stop()`; every id the
 * server acknowledged is collected (the outbox would delete those rows).
 */
export function trickle(
	tablet: APIRequestContext,
	baseURL: string,
	workers = 3,
	pauseMs = 0
): { acked: Set<string>; attempts: () => number; stop: () => Promise<void> } {
	const acked = new Set<string>();
	let running = true;
	let attempts = 0;
	const loops = Array.from({ length: workers }, async () => {
		while (running) {
			attempts++;
			for (const id of await sendBatch(tablet, baseURL)) acked.add(id);
			if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
		}
	});
	return {
		acked,
		attempts: () => attempts,
		stop: async () => {
			running = false;
			await Promise.all(loops);
		}
	};
}

/** Which of `ids` are stored in the database as pupil events. */
export async function storedEvents(db: DatabaseChoice, ids: string[]): Promise<Set<string>> {
	if (db.engine === 'sqlite') {
		const file = new SQLite(db.where, { readonly: true, fileMustExist: true });
		try {
			const rows = file.prepare('select id from pupil_events').all() as { id: string }[];
			const all = new Set(rows.map((r) => r.id));
			return new Set(ids.filter((id) => all.has(id)));
		} finally {
			file.close();
		}
	}
	const c = new pg.Client({ connectionString: db.where });
	await c.connect();
	try {
		// Row-level security shows a connection only the schools it names: here, every school.
		await c.query(`select set_config('harbour.schools', (select string_agg(id, ',') from schools), false)`);
		const { rows } = await c.query<{ id: string }>('select id from pupil_events where id = any($1)', [ids]);
		return new Set(rows.map((r) => r.id));
	} finally {
		await c.end();
	}
}

/** Reads a live stream with fetch; `text()` is what has arrived, `ended` settles when it closes. */
export function openStream(
	url: string,
	cookie: string
): { text: () => string; opened: Promise<void>; ended: Promise<void>; close: () => void } {
	const abort = new AbortController();
	let text = '';
	let opened!: () => void;
	const openedP = new Promise<void>((r) => (opened = r));
	const ended = (async () => {
		try {
			const res = await fetch(url, { headers: { cookie }, signal: abort.signal });
			expect(res.status).toBe(200);
			const reader = res.body!.getReader();
			const decoder = new TextDecoder();
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				text += decoder.decode(value);
				if (text.includes(': connected')) opened();
			}
		} catch {
			// aborted by the test, or the server went away
		}
		opened();
	})();
	return { text: () => text, opened: openedP, ended, close: () => abort.abort() };
}

/** The JSON lines of a server's log. */
export function logLines(stdout: string): Record<string, unknown>[] {
	return stdout
		.split('\n')
		.filter((l) => l.startsWith('{'))
		.map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Whether Debian's nginx is installed (installed with apt-get when missing, as chromium is). */
export function ensureNginxInstalled(): string {
	execFileSync(
		process.execPath,
		['-e', "import('./scripts/lib/system-deps.js').then(m => m.ensureNginx())"],
		{
			stdio: 'inherit'
		}
	);
	return '/usr/sbin/nginx';
}
