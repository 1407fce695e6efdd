/**
 * A report nobody has acknowledged within the school's time (default 5 minutes) is raised to the
 * DSL and admins as urgent. The update only matches incidents not yet raised, so with several
 * app servers each incident is raised exactly once.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { appendAudit } from '../audit/audit-log';
import { addEntry } from './entries';

export async function raiseOverdueReports(
	db: Kysely<Database>,
	minutes: number,
	now = new Date()
): Promise<string[]> {
	const cutoff = new Date(now.getTime() - minutes * 60_000).toISOString();
	const overdue = await db
		.selectFrom('incidents')
		.select('id')
		.where('status', '=', 'new')
		.where('urgent', '=', 0)
		.where('source', '!=', 'staff')
		.where('opened_at', '<=', cutoff)
		.execute();
	const raised: string[] = [];
	for (const { id } of overdue) {
		const won = await db.transaction().execute(async (trx) => {
			const res = await trx
				.updateTable('incidents')
				.set({ urgent: 1, updated_at: now.toISOString() })
				.where('id', '=', id)
				.where('urgent', '=', 0)
				.where('status', '=', 'new')
				.executeTakeFirst();
			if (Number(res.numUpdatedRows) === 0) return false;
			await addEntry(
				trx,
				id,
				'system',
				'status',
				`Not acknowledged within ${minutes} minutes: raised to the DSL and admins as urgent.`,
				now
			);
			await appendAudit(
				trx,
				{ actor: 'system', action: 'incident.raised-urgent', target: `incident:${id}` },
				now
			);
			return true;
		});
		if (won) raised.push(id);
	}
	return raised;
}
