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
import { writeAnchor } from './audit/anchor';
import { urgentAfterMinutes } from './alerts/chain';
import { planAlerts } from './alerts/dispatch';
import { sendDueDeliveries, type Senders } from './alerts/deliveries';
import { emailSender } from './alerts/email';
import { pushSender, vapidKeys } from './alerts/push';

interface AppState {
	config: Config;
	handle: DatabaseHandle;
	live: LiveHub;
	senders: Senders;
}

let state: AppState | null = null;

export const ESCALATION_CHECK_MS = 15_000;
const DAY_MS = 86_400_000;

/**
 * The alert duty, every 15 s and soon after any new report: raise unacknowledged reports as
 * urgent (on screen), take the escalation chain's due steps (queueing email and push), then send
 * what is due. All of it works from the database, so several servers can run it at once.
 */
async function alertDuty(): Promise<void> {
	const { db, config } = app();
	const senders = state!.senders;
	const settings = await getSettings(db);
	const raised = await raiseOverdueReports(db, urgentAfterMinutes(settings));
	await publishIncidentChanges(
		raised.map((incidentId) => ({ type: 'incident.urgent' as const, incidentId }))
	);
	await planAlerts(db, settings, {
		origin: config.origin,
		email: settings.alertEmail && Boolean(senders.email),
		push: settings.alertPush
	});
	const { sent, failed } = await sendDueDeliveries(db, senders);
	// Said once when sending starts failing and once when it recovers, not every 15 seconds.
	if (failed && !alertsFailing)
		console.error('Alerts: some email or push alerts could not be sent; retrying.');
	if (sent && !failed && alertsFailing) console.log('Alerts: sending again.');
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
			await alertDuty();
		} while (alertAgain);
	})().finally(() => {
		alertRun = null;
	});
	return alertRun;
}

async function purge(): Promise<void> {
	const { db } = app();
	await purgeOldAttachments(db, (await getSettings(db)).attachmentRetentionDays);
}

function every(ms: number, duty: () => Promise<void>, name: string): void {
	const run = () => {
		duty().catch((e: unknown) => console.error(`${name} failed: ${(e as Error).message}`));
	};
	run();
	setInterval(run, ms).unref();
}

export async function startApp(env: Record<string, string | undefined> = process.env): Promise<void> {
	const config = readConfig(env);
	const handle = await openDatabase(config.database);
	const live = new LiveHub();
	if (config.database.engine === 'postgres') await live.bridgeToPostgres(config.database.url);
	const keys = await vapidKeys(handle.db);
	const subject = `mailto:${config.smtp?.from ?? `harbour@${new URL(config.origin).hostname}`}`;
	const senders: Senders = {
		email: config.smtp ? emailSender(config.smtp) : undefined,
		push: pushSender(keys, subject)
	};
	state = { config, handle, live, senders };
	if (config.demo && (await countStaff(handle.db)) === 0) {
		const demo = await seedDemoSchool(handle.db);
		const origin = env.ORIGIN ?? `http://localhost:${env.PORT ?? '3000'}`;
		console.log(describeDemoSchool(demo, origin));
	}
	every(ESCALATION_CHECK_MS, runAlerts, 'Sending alerts');
	// A new report is alerted within a second or two, not at the next 15-second check.
	live.subscribe((event) => {
		if (event.type === 'incident.new')
			setTimeout(() => {
				runAlerts().catch((e: unknown) => console.error(`Sending alerts failed: ${(e as Error).message}`));
			}, 500);
	});
	every(DAY_MS, purge, 'Purging old attachments');
	every(DAY_MS, () => purgeExpiredSearchLog(handle.db), 'Purging old search log entries');
	// The audit chain's head, written outside the database at start and daily.
	every(
		DAY_MS,
		async () => void (await writeAnchor(handle.db, config.auditAnchorPath)),
		'Anchoring the audit log'
	);
	console.log(`Harbour database: ${handle.engine} (${handle.where})`);
}

export function app(): { config: Config; db: DatabaseHandle['db']; live: LiveHub } {
	if (!state) throw new Error('Harbour has not started: startApp() must run first.');
	return { config: state.config, db: state.handle.db, live: state.live };
}
