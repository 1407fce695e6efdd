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

interface AppState {
	config: Config;
	handle: DatabaseHandle;
	live: LiveHub;
}

let state: AppState | null = null;

export const ESCALATION_CHECK_MS = 15_000;
const DAY_MS = 86_400_000;

async function raiseOverdue(): Promise<void> {
	const { db } = app();
	const minutes = (await getSettings(db)).alertEscalationMinutes;
	const raised = await raiseOverdueReports(db, minutes);
	await publishIncidentChanges(
		raised.map((incidentId) => ({ type: 'incident.urgent' as const, incidentId }))
	);
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
	state = { config, handle, live };
	if (config.demo && (await countStaff(handle.db)) === 0) {
		const demo = await seedDemoSchool(handle.db);
		const origin = env.ORIGIN ?? `http://localhost:${env.PORT ?? '3000'}`;
		console.log(describeDemoSchool(demo, origin));
	}
	every(ESCALATION_CHECK_MS, raiseOverdue, 'Raising unacknowledged reports');
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
