/**
 * Voice messages and drawings are kept only as long as the school says (default 30 days), then
 * their content is deleted; the fact that there was one stays in the chronology. Logged.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { appendAudit } from '../audit/audit-log';

export async function purgeOldAttachments(
	db: Kysely<Database>,
	days: number,
	now = new Date()
): Promise<number> {
	const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
	// The purge and its audit row are one transaction: never content gone without the record of it.
	return db.transaction().execute(async (trx) => {
		const res = await trx
			.updateTable('attachments')
			.set({ data: '', purged_at: now.toISOString() })
			.where('purged_at', 'is', null)
			.where('created_at', '<', cutoff)
			.executeTakeFirst();
		const count = Number(res.numUpdatedRows);
		if (count > 0) {
			await appendAudit(
				trx,
				{ actor: 'system', action: 'attachments.purged', target: 'attachments', detail: { count, days } },
				now
			);
		}
		return count;
	});
}
