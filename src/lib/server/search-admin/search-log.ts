/**
 * The search log staff read: every `search.logged` event from the class tablets, newest first,
 * filtered by verdict and category, a page at a time. Teachers see their own class; the DSL and
 * admins see every class; governors see none (the access matrix keeps them out).
 *
 * Each search is a row of its own table (search_log), ordered by the server's clock when it
 * arrived: a tablet whose clock says 9999 cannot float to the top.
 */
import type { Kysely } from 'kysely';
import type { SearchLogged } from '$lib/search/search-log-event';
import type { Database } from '../db/schema';

export const SEARCH_LOG_PAGE_SIZE = 50;

export interface SearchLogFilters {
	readonly verdict: SearchLogged['verdict'] | null;
	/** A category id from terms.yaml (lower-case words and hyphens only). */
	readonly category: string | null;
	/** 1-based. */
	readonly page: number;
}

export interface SearchLogRow extends SearchLogged {
	readonly id: string;
	readonly classId: string;
	readonly className: string;
	readonly deviceLabel: string;
	readonly searchedAt: string;
}

/** Which classes a member of staff may see: one class, or every class (null). */
export type ClassScope = { readonly classId: string | null };

function logQuery(db: Kysely<Database>, scope: ClassScope, filters: Omit<SearchLogFilters, 'page'>) {
	let query = db
		.selectFrom('search_log as e')
		.innerJoin('classes as c', 'c.id', 'e.class_id')
		.innerJoin('devices as d', 'd.id', 'e.device_id')
		.select([
			'e.id',
			'e.class_id',
			'c.name as class_name',
			'd.label',
			'e.searched_at',
			'e.query',
			'e.verdict',
			'e.category',
			'e.result_count'
		]);
	if (scope.classId !== null) query = query.where('e.class_id', '=', scope.classId);
	if (filters.verdict !== null) query = query.where('e.verdict', '=', filters.verdict);
	if (filters.category !== null) query = query.where('e.category', '=', filters.category);
	return query;
}

function toRow(row: {
	id: string;
	class_id: string;
	class_name: string;
	label: string;
	searched_at: string;
	query: string;
	verdict: SearchLogged['verdict'];
	category: string | null;
	result_count: number;
}): SearchLogRow {
	return {
		query: row.query,
		verdict: row.verdict,
		category: row.category,
		resultCount: Number(row.result_count),
		id: row.id,
		classId: row.class_id,
		className: row.class_name,
		deviceLabel: row.label,
		searchedAt: row.searched_at
	};
}

export async function searchLog(
	db: Kysely<Database>,
	scope: ClassScope,
	filters: SearchLogFilters
): Promise<{ rows: SearchLogRow[]; hasMore: boolean }> {
	const found = await logQuery(db, scope, filters)
		.orderBy('e.searched_at', 'desc')
		.orderBy('e.client_time', 'desc')
		.orderBy('e.id')
		.limit(SEARCH_LOG_PAGE_SIZE + 1)
		.offset((filters.page - 1) * SEARCH_LOG_PAGE_SIZE)
		.execute();
	const rows = found.slice(0, SEARCH_LOG_PAGE_SIZE).map(toRow);
	return { rows, hasMore: found.length > SEARCH_LOG_PAGE_SIZE };
}

/** One logged search, if the member of staff may see it (for "This was wrongly blocked"). */
export async function searchLogEntry(
	db: Kysely<Database>,
	scope: ClassScope,
	id: string
): Promise<SearchLogRow | null> {
	const row = await logQuery(db, scope, { verdict: null, category: null })
		.where('e.id', '=', id)
		.executeTakeFirst();
	return row ? toRow(row) : null;
}
