/**
 * The search log staff read: every `search.logged` event from the class tablets, newest first,
 * filtered by verdict and category, a page at a time. Teachers see their own class; the DSL and
 * admins see every class; governors see none (the access matrix keeps them out).
 *
 * Events are stored as compact JSON text (JSON.stringify in ingest.ts), so the filters match
 * `"verdict":"block"` in that text: portable across SQLite and PostgreSQL, and safe because
 * quotes inside a child's query are always escaped (\") and cannot fake a field.
 */
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { SEARCH_LOGGED, SearchLoggedSchema, type SearchLogged } from '$lib/search/search-log-event';
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

function field(name: string, value: string): string {
	return `%${JSON.stringify(name)}:${JSON.stringify(value)}%`;
}

function logQuery(db: Kysely<Database>, scope: ClassScope, filters: Omit<SearchLogFilters, 'page'>) {
	let query = db
		.selectFrom('pupil_events as e')
		.innerJoin('classes as c', 'c.id', 'e.class_id')
		.innerJoin('devices as d', 'd.id', 'e.device_id')
		.where('e.kind', '=', SEARCH_LOGGED);
	if (scope.classId !== null) query = query.where('e.class_id', '=', scope.classId);
	if (filters.verdict !== null) query = query.where('e.payload', 'like', field('verdict', filters.verdict));
	if (filters.category !== null && /^[a-z0-9-]+$/u.test(filters.category)) {
		query = query.where('e.payload', 'like', field('category', filters.category));
	}
	return query;
}

function toRow(row: {
	id: string;
	class_id: string;
	class_name: string;
	label: string;
	client_time: string;
	payload: string;
}): SearchLogRow | null {
	const parsed = v.safeParse(SearchLoggedSchema, JSON.parse(row.payload));
	if (!parsed.success) return null;
	return {
		...parsed.output,
		id: row.id,
		classId: row.class_id,
		className: row.class_name,
		deviceLabel: row.label,
		searchedAt: row.client_time
	};
}

export async function searchLog(
	db: Kysely<Database>,
	scope: ClassScope,
	filters: SearchLogFilters
): Promise<{ rows: SearchLogRow[]; hasMore: boolean }> {
	const found = await logQuery(db, scope, filters)
		.select(['e.id', 'e.class_id', 'c.name as class_name', 'd.label', 'e.client_time', 'e.payload'])
		.orderBy('e.client_time', 'desc')
		.orderBy('e.id')
		.limit(SEARCH_LOG_PAGE_SIZE + 1)
		.offset((filters.page - 1) * SEARCH_LOG_PAGE_SIZE)
		.execute();
	const rows = found
		.slice(0, SEARCH_LOG_PAGE_SIZE)
		.map(toRow)
		.filter((row) => row !== null);
	return { rows, hasMore: found.length > SEARCH_LOG_PAGE_SIZE };
}

/** One logged search, if the member of staff may see it (for "This was wrongly blocked"). */
export async function searchLogEntry(
	db: Kysely<Database>,
	scope: ClassScope,
	id: string
): Promise<SearchLogRow | null> {
	const row = await logQuery(db, scope, { verdict: null, category: null })
		.select(['e.id', 'e.class_id', 'c.name as class_name', 'd.label', 'e.client_time', 'e.payload'])
		.where('e.id', '=', id)
		.executeTakeFirst();
	return row ? toRow(row) : null;
}
