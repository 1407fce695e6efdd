/**
 * A trust's safe-search list (issue 16): changes its admin publishes for every school of the
 * trust, numbered per trust (version 1, 2, …). Each school takes them under its own changes.
 *
 * What a school may do to the trust's list (decided here, and in validate-change.ts):
 * - a school may add anything of its own (sites, blocked and alert words, exceptions);
 * - a school may remove a trust SITE for itself, or list it differently: once a school has
 *   decided about a site address itself, the trust's changes about that address stop applying
 *   to that school (the school wins);
 * - a school may NOT weaken the trust's blocked or alert words: there is no change that removes a
 *   word, and an exception that would let one of the trust's words through is refused
 *   (`trustWordProblem`). A trust DSL can rely on the trust's words holding in every school.
 *
 * The table belongs to the trust, not a school (no row-level security): it is only ever read for
 * the trust of the school in scope.
 */
import type { Kysely } from 'kysely';
import { changedSite, parseChange, type ListChange } from '$lib/search/list-changes';
import type { Database } from '../db/schema';
import type { PublishedEntry } from './list-versions';

export interface TrustEntry {
	readonly version: number;
	readonly change: ListChange;
	readonly reason: string;
	/** The trust admin's name when they published it. */
	readonly publishedBy: string;
	readonly publishedAt: string;
}

/** The trust a school belongs to, or null (a school in no trust, every embedded deployment). */
export async function trustIdOf(db: Kysely<Database>, schoolId: string): Promise<string | null> {
	const row = await db.selectFrom('schools').select('trust_id').where('id', '=', schoolId).executeTakeFirst();
	return row?.trust_id ?? null;
}

export async function trustLatestVersion(db: Kysely<Database>, trustId: string): Promise<number> {
	const row = await db
		.selectFrom('trust_search_versions')
		.select((eb) => eb.fn.max('version').as('latest'))
		.where('trust_id', '=', trustId)
		.executeTakeFirst();
	return Number(row?.latest ?? 0);
}

/** Every version the trust has published, oldest first. */
export async function trustEntries(db: Kysely<Database>, trustId: string): Promise<TrustEntry[]> {
	const rows = await db
		.selectFrom('trust_search_versions')
		.select(['version', 'change', 'reason', 'published_by_name', 'published_at'])
		.where('trust_id', '=', trustId)
		.orderBy('version')
		.execute();
	return rows.map((row) => ({
		version: Number(row.version),
		change: parseChange(row.change),
		reason: row.reason,
		publishedBy: row.published_by_name,
		publishedAt: row.published_at
	}));
}

/**
 * The trust's changes a school takes: all of them but those about a site address the school has
 * decided about itself (added, re-described or removed), since the school wins for its sites.
 * Words and exceptions only ever add, so every school takes all of the trust's.
 */
export function takenBySchool<T extends { change: ListChange }>(
	trust: readonly T[],
	school: readonly ListChange[]
): T[] {
	const ownSites = new Set(school.map(changedSite).filter((url) => url !== null));
	return trust.filter((entry) => {
		const url = changedSite(entry.change);
		return url === null || !ownSites.has(url);
	});
}

/** Trust entries as the list's provenance reads them: approved by the trust's admin. */
export function asPublished(entries: readonly TrustEntry[]): PublishedEntry[] {
	return entries.map((t) => ({
		list: 'trust',
		version: t.version,
		change: t.change,
		reason: t.reason,
		proposedBy: t.publishedBy,
		approvedBy: t.publishedBy,
		approvedAt: t.publishedAt,
		decisionReason: ''
	}));
}
