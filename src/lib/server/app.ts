/**
 * The running app's shared handles: configuration, database and the live-alert hub, opened once
 * at start-up by the `init` hook, plus the background duties (raising unacknowledged reports,
 * purging old attachments). The server is otherwise stateless, so many can run behind a load
 * balancer on PostgreSQL.
 */
import { readConfig, type Config } from './config/config';
import { openDatabase, type DatabaseHandle } from './db/connect';
import { countStaff } from './school/staff';
import { getSettings } from './school/settings';
import { describeDemoSchool, seedDemoSchool } from './demo/seed';
import { LiveHub } from './live/live-hub';
import { raiseOverdueReports } from './incidents/escalation';
import { purgeOldAttachments } from './incidents/retention';
import { publishIncidentChanges } from './incidents/publish';
import { purgeExpiredSearchLog } from './search-admin/retention';
import { schoolAnchorPath, writeAnchor } from './audit/anchor';
import { urgentAfterMinutes } from './alerts/chain';
import { planAlerts } from './alerts/dispatch';
import { sendDueDeliveries, type Senders } from './alerts/deliveries';
import { emailSender } from './alerts/email';
import { pushSender, vapidKeys } from './alerts/push';
import { log } from './logger';
import { dutyFailures, dutyRuns } from './ops/metrics';
import { SchoolDirectory, type School } from './tenancy/directory';
import { FIRST_SCHOOL_ID, withSchool } from './tenancy/context';
import { allSchoolIds } from './tenancy/directory';
import { seedDemoTrust } from './demo/trust';

interface AppState {
	config: Config;
	handle: DatabaseHandle;
	live: LiveHub;
	senders: Senders;
	schools: SchoolDirectory;
}

let state: AppState | null = null;

export const ESCALATION_CHECK_MS = 15_000;
const DAY_MS = 86_400_000;

/**
 * The alert duty, every 15 s and soon after any new report: raise unacknowledged reports as
 * urgent (on screen), take the escalation chain's due steps (queueing email and push), then send
 * what is due. All of it works from the database, so several servers can run it at once.
 */
async function alertDuty(school: School): Promise<void> {
	const { db, config, schools } = app();
	const senders = state!.senders;
	const settings = await getSettings(db);
	const raised = await raiseOverdueReports(db, urgentAfterMinutes(settings));
	await publishIncidentChanges(
		raised.map((incidentId) => ({ type: 'incident.urgent' as const, incidentId }))
	);
	const planned = await planAlerts(db, settings, {
		origin: schools.originOf(school, config.origin),
		email: settings.alertEmail && Boolean(senders.email),
		push: settings.alertPush
	});
	if (planned) log.info({ steps: planned }, 'Escalation chain: alert steps taken.');
	const { sent, failed } = await sendDueDeliveries(db, senders);
	// Said once when sending starts failing and once when it recovers, not every 15 seconds.
	if (failed && !alertsFailing)
		log.error({ failed }, 'Alerts: some email or push alerts could not be sent; retrying.');
	if (sent && !failed && alertsFailing) log.info({ sent }, 'Alerts: sending again.');
	if (raised.length) log.info({ raised: raised.length }, 'Reports raised as urgent (unacknowledged).');
	if (failed || sent) alertsFailing = failed > 0;
}
let alertsFailing = false;

/**
 * Runs the alert duty now (also after "Try again now" on Settings), or once more right after the
 * run in progress (never two at once).
 */
let alertRun: Promise<void> | null = null;
let alertAgain = false;
export function runAlerts(): Promise<void> {
	if (alertRun) {
		alertAgain = true;
		return alertRun;
	}
	alertRun = (async () => {
		do {
			alertAgain = false;
			await eachSchool(alertDuty);
		} while (alertAgain);
	})().finally(() => {
		alertRun = null;
	});
	return alertRun;
}

/**
 * Runs a duty once for every school, each inside its own school (so on PostgreSQL it sees and
 * writes only that school's rows). One school's failure does not stop the others'; the first
 * failure is reported after all have run.
 */
async function eachSchool(duty: (school: School) => Promise<void>): Promise<void> {
	let failure: unknown = null;
	for (const school of await state!.schools.all()) {
		if (stopped) return;
		try {
			await withSchool(school.id, () => duty(school));
		} catch (e) {
			failure ??= e;
		}
	}
	if (failure) throw failure;
}

async function purge(): Promise<void> {
	const { db } = app();
	await purgeOldAttachments(db, (await getSettings(db)).attachmentRetentionDays);
}

/** Timers of the background duties and the runs in progress: stopped and awaited at shutdown. */
const timers = new Set<ReturnType<typeof setTimeout>>();
const running = new Set<Promise<void>>();
let stopped = false;

/** Runs a duty once, counted and logged (never a child's words: the error message only). */
function runDuty(name: string, duty: () => Promise<void>): void {
	if (stopped) return;
	dutyRuns.inc({ duty: name });
	const run = duty()
		.catch((e: unknown) => {
			dutyFailures.inc({ duty: name });
			log.error({ duty: name, err: (e as Error).message }, `${name} failed`);
		})
		.finally(() => running.delete(run));
	running.add(run);
}

function every(ms: number, duty: () => Promise<void>, name: string): void {
	runDuty(name, duty);
	const t = setInterval(() => runDuty(name, duty), ms);
	t.unref();
	timers.add(t);
}

/**
 * Row-level security keeps schools apart only for a role it holds. A superuser or BYPASSRLS role
 * reads every school: with several schools Harbour refuses to start on one. A role that owns the
 * tables is held (FORCE), but could turn that off: Harbour says so, once, at start.
 */
async function checkDatabaseRole(handle: DatabaseHandle): Promise<void> {
	const role = handle.role;
	if (!role || (!role.bypassesRls && !role.ownsTables)) return;
	const several = (await allSchoolIds(handle.db)).length > 1;
	if (role.bypassesRls && several) {
		await handle.close();
		throw new Error(
			`the database role ${role.name} is a superuser or has BYPASSRLS, so row-level security cannot keep this deployment's schools apart. Connect DATABASE_URL as an ordinary role (see README, "Many schools on one deployment").`
		);
	}
	log.warn(
		{ role: role.name, bypassesRls: role.bypassesRls, ownsTables: role.ownsTables },
		'Harbour connects to PostgreSQL as a role that owns its tables or bypasses row-level security; set DATABASE_OWNER_URL to the owner and DATABASE_URL to a role that owns nothing.'
	);
}

export async function startApp(env: Record<string, string | undefined> = process.env): Promise<void> {
	const config = readConfig(env);
	const handle = await openDatabase(config.database);
	await checkDatabaseRole(handle);
	const live = new LiveHub();
	if (config.database.engine === 'postgres') await live.bridgeToPostgres(config.database.url);
	// The deployment's own settings (push keys) and the demo live with its first school: on a
	// restart of many schools, work outside a school sees (and may write) nothing.
	const keys = await withSchool(FIRST_SCHOOL_ID, () => vapidKeys(handle.db));
	const subject = `mailto:${config.smtp?.from ?? `harbour@${new URL(config.origin).hostname}`}`;
	const senders: Senders = {
		email: config.smtp ? emailSender(config.smtp) : undefined,
		push: pushSender(keys, subject)
	};
	const schools = new SchoolDirectory(handle.db, config.domain);
	state = { config, handle, live, senders, schools };
	stopped = false;
	const firstHasStaff = (await withSchool(FIRST_SCHOOL_ID, () => countStaff(handle.db))) > 0;
	const several = (await schools.all()).length > 1;
	if (config.demoTrust && !several && !firstHasStaff) {
		console.log(await seedDemoTrust(handle.db, schools, config.origin));
		log.info({ demo: 'trust' }, 'Created the demo trust.');
	} else if (config.demo && !several && !firstHasStaff) {
		const demo = await seedDemoSchool(handle.db);
		const origin = env.ORIGIN ?? `http://localhost:${env.PORT ?? '3000'}`;
		log.info({ demo: true }, 'Created the demo school.');
		// The sign-in instructions are for the person at the terminal: plain text, not a log line.
		console.log(describeDemoSchool(demo, origin));
	}
	every(ESCALATION_CHECK_MS, runAlerts, 'Sending alerts');
	// A new report is alerted within a second or two, not at the next 15-second check.
	live.subscribeAnySchool((event) => {
		if (event.type === 'incident.new' && !stopped) {
			const t = setTimeout(() => {
				timers.delete(t);
				runDuty('Sending alerts', runAlerts);
			}, 500);
			timers.add(t);
		}
	});
	every(DAY_MS, () => eachSchool(purge), 'Purging old attachments');
	every(DAY_MS, () => eachSchool(() => purgeExpiredSearchLog(handle.db)), 'Purging old search log entries');
	// The audit chain's head, written outside the database at start and daily.
	every(
		DAY_MS,
		() =>
			eachSchool(
				async (school) =>
					void (await writeAnchor(handle.db, schoolAnchorPath(config.auditAnchorPath, school.id)))
			),
		'Anchoring the audit log'
	);
	log.info(
		{ engine: handle.engine, where: handle.where },
		`Harbour database: ${handle.engine} (${handle.where})`
	);
}

/**
 * Stops the background duties, waits (up to `waitMs`) for the runs in progress, then closes the
 * live channel (the PostgreSQL LISTEN client and its publishing pool) and the database. What
 * keeps a process alive after SIGTERM is all here, so once it resolves the process can exit.
 */
export async function stopApp(waitMs = 5_000): Promise<void> {
	if (!state || stopped) return;
	stopped = true;
	for (const t of timers) clearTimeout(t);
	timers.clear();
	let waited: ReturnType<typeof setTimeout> | undefined;
	await Promise.race([
		Promise.allSettled([...running, alertRun ?? Promise.resolve()]),
		new Promise((r) => (waited = setTimeout(r, waitMs)))
	]);
	clearTimeout(waited);
	await state.live.close();
	await state.handle.close();
	state = null;
}

/** For `/api/ready`: the engine, and whether the live channel is connected (PostgreSQL only). */
export function appStatus(): { started: boolean; engine: string | null; liveConnected: boolean } {
	if (!state) return { started: false, engine: null, liveConnected: false };
	const pg = state.handle.engine === 'postgres';
	return { started: true, engine: state.handle.engine, liveConnected: !pg || state.live.listening };
}

export function app(): {
	config: Config;
	db: DatabaseHandle['db'];
	engine: DatabaseHandle['engine'];
	live: LiveHub;
	schools: SchoolDirectory;
} {
	if (!state) throw new Error('Harbour has not started: startApp() must run first.');
	return {
		config: state.config,
		db: state.handle.db,
		engine: state.handle.engine,
		live: state.live,
		schools: state.schools
	};
}
