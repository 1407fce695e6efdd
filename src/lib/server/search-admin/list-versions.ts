/**
 * Published versions of a school's own safe-search list. Version 0 is the lists shipped in the
 * build; each approved proposal publishes the next version, holding its entries (the changes).
 * The current lists (school-lists.ts) are the shipped ones with the trust's changes and then
 * every published change laid over them in order, the same way a tablet lays the changes it
 * fetched over its own copy.
 */
import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import { parseChange, type ListChange, type PublishedChange } from '$lib/search/list-changes';
import type { Database } from '../db/schema';

export { parseChange };

export async function latestVersion(db: Kysely<Database>): Promise<number> {
	const row = await db
		.selectFrom('search_list_versions')
		.select((eb) => eb.fn.max('version').as('latest'))
		.executeTakeFirst();
	return Number(row?.latest ?? 0);
}

/** Every change published after `since`, oldest first: what a tablet at that version lacks. */
export async function changesSince(db: Kysely<Database>, since: number): Promise<PublishedChange[]> {
	const rows = await db
		.selectFrom('search_list_entries')
		.select(['version', 'change'])
		.where('version', '>', since)
		.orderBy('version')
		.orderBy('position')
		.execute();
	return rows.map((row) => ({ version: Number(row.version), change: parseChange(row.change) }));
}

/** Who proposed and who approved each published change, and why. */
export interface PublishedEntry {
	/** The school's own list, or its trust's (trust-list.ts). */
	readonly list: 'school' | 'trust';
	readonly version: number;
	readonly change: ListChange;
	readonly reason: string;
	readonly proposedBy: string;
	readonly approvedBy: string;
	readonly approvedAt: string;
	readonly decisionReason: string;
}

export async function publishedEntries(db: Kysely<Database>): Promise<PublishedEntry[]> {
	const rows = await db
		.selectFrom('search_list_entries as e')
		.innerJoin('search_list_versions as v', 'v.version', 'e.version')
		.innerJoin('search_proposals as p', 'p.id', 'v.proposal_id')
		.innerJoin('staff as proposer', 'proposer.id', 'p.proposed_by')
		.innerJoin('staff as approver', 'approver.id', 'v.published_by')
		.select([
			'e.version',
			'e.change',
			'p.reason',
			'p.decision_reason',
			'v.published_at',
			'proposer.display_name as proposer',
			'approver.display_name as approver'
		])
		.orderBy('e.version')
		.orderBy('e.position')
		.execute();
	return rows.map((row) => ({
		list: 'school' as const,
		version: Number(row.version),
		change: parseChange(row.change),
		reason: row.reason,
		proposedBy: row.proposer,
		approvedBy: row.approver,
		approvedAt: row.published_at,
		decisionReason: row.decision_reason ?? ''
	}));
}

/**
 * Publish one approved change as the next version, inside the caller's transaction. On
 * PostgreSQL several app servers may approve at once: they take turns on an advisory lock.
 */
export async function publishChange(
	trx: Transaction<Database>,
	entry: { proposalId: string; change: ListChange; staffId: string; now: Date }
): Promise<number> {
	if (trx.getExecutor().adapter instanceof PostgresAdapter) {
		await sql`select pg_advisory_xact_lock(4242003)`.execute(trx);
	}
	const latest = await trx
		.selectFrom('search_list_versions')
		.select((eb) => eb.fn.max('version').as('latest'))
		.executeTakeFirst();
	const version = Number(latest?.latest ?? 0) + 1;
	await trx
		.insertInto('search_list_versions')
		.values({
			version,
			proposal_id: entry.proposalId,
			published_by: entry.staffId,
			published_at: entry.now.toISOString()
		})
		.execute();
	await trx
		.insertInto('search_list_entries')
		.values({ version, position: 0, change: JSON.stringify(entry.change) })
		.execute();
	return version;
}
