/**
 * The search log is kept for the school's retention period (settings: searchLogRetentionDays,
 * default 90 days), then deleted. Runs at start-up and daily; each purge that deletes anything
 * is written to the audit log with how many searches went. The DSL's "should have been caught"
 * marks on those searches go with them.
 */
import type { Kysely } from 'kysely';
import { SEARCH_LOGGED } from '$lib/search/search-log-event';
import { appendAudit } from '../audit/audit-log';
import type { Database } from '../db/schema';
import { getSettings } from '../school/settings';

const DAY_MS = 86_400_000;

/** Deletes logged searches older than `days`; returns how many went. */
export async function purgeSearchLog(db: Kysely<Database>, days: number, now = new Date()): Promise<number> {
	const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
	return db.transaction().execute(async (trx) => {
		const result = await trx.deleteFrom('search_log').where('searched_at', '<', cutoff).executeTakeFirst();
		// The delivery ledger's rows for those searches carry no query; they go too.
		await trx
			.deleteFrom('pupil_events')
			.where('kind', '=', SEARCH_LOGGED)
			.where('server_time', '<', cutoff)
			.execute();
		// A "should have been caught" mark copies its search's words: it goes with the search.
		await trx.deleteFrom('search_missed').where('searched_at', '<', cutoff).execute();
		const count = Number(result.numDeletedRows);
		if (count > 0) {
			await appendAudit(
				trx,
				{
					actor: 'system',
					action: 'search-log.purged',
					target: 'search-log',
					detail: { count, days, cutoff }
				},
				now
			);
		}
		return count;
	});
}

/** The daily duty: purge with the school's current retention setting. */
export async function purgeExpiredSearchLog(db: Kysely<Database>): Promise<void> {
	await purgeSearchLog(db, (await getSettings(db)).searchLogRetentionDays);
}
