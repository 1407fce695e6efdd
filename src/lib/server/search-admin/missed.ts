/**
 * "This should have been caught" and the training export (issue 12, item 6).
 *
 * The DSL or an admin marks a search the filter allowed with the category it belonged to; the
 * mark is audited (the search's id and the label, never the query) and listed for them. The
 * export gathers these marks and the approved exceptions (what "This was wrongly blocked" and
 * other exception proposals became) into the training corpus's own format, one `# label`
 * section per label, for Harbour's maintainers to add to `content/safe-search/training/`.
 * The query text is safeguarding data: only the DSL and admins see or export it.
 */
import type { Kysely } from 'kysely';
import type { SafeSearchLists } from '$lib/search';
import { appendAudit } from '../audit/audit-log';
import { newId } from '../auth/tokens';
import type { StaffPrincipal } from '../auth/sessions';
import type { Database } from '../db/schema';
import { searchLogEntry } from './search-log';
import { currentSchool } from '../tenancy/context';

export type Outcome = { ok: true } | { ok: false; message: string };

/** Who may mark searches and download the export: the DSL and admins. */
export function canMarkMissed(staff: Pick<StaffPrincipal, 'role'>): boolean {
	return staff.role === 'dsl' || staff.role === 'admin';
}

/** The training label a category id stands for (`block-drugs-…`, `alert-disclosure`), or null. */
export function missedLabel(lists: SafeSearchLists, categoryId: string): string | null {
	const category = lists.terms.categories.find((c) => c.id === categoryId);
	return category ? `${category.action}-${category.id}` : null;
}

export async function markMissed(
	db: Kysely<Database>,
	lists: SafeSearchLists,
	staff: StaffPrincipal,
	input: { searchId: string; category: string },
	now = new Date()
): Promise<Outcome> {
	if (!canMarkMissed(staff)) {
		return { ok: false, message: 'Only the designated safeguarding lead or an admin can mark a search.' };
	}
	const label = missedLabel(lists, input.category);
	if (label === null) return { ok: false, message: 'Choose the category the search belonged to.' };
	const row = await searchLogEntry(db, { classId: null }, input.searchId);
	if (!row) return { ok: false, message: 'That search is no longer in the log.' };
	if (row.verdict !== 'allow') {
		return { ok: false, message: 'Only an allowed search can be marked: this one was already stopped.' };
	}
	const id = newId();
	return db.transaction().execute(async (trx): Promise<Outcome> => {
		const already = await trx
			.selectFrom('search_missed')
			.select('id')
			.where('school_id', '=', currentSchool())
			.where('search_id', '=', row.id)
			.executeTakeFirst();
		if (already) return { ok: false, message: 'That search is already marked.' };
		await trx
			.insertInto('search_missed')
			.values({
				school_id: currentSchool(),
				id,
				search_id: row.id,
				searched_at: row.searchedAt,
				query: row.query,
				label,
				marked_by: staff.id,
				marked_at: now.toISOString()
			})
			.execute();
		await appendAudit(
			trx,
			{
				actor: `staff:${staff.id}`,
				action: 'search-log.should-have-been-caught',
				target: `search:${row.id}`,
				detail: { label }
			},
			now
		);
		return { ok: true };
	});
}

export interface MissedView {
	readonly searchId: string;
	readonly query: string;
	readonly label: string;
	readonly markedBy: string;
	readonly markedAt: string;
}

/** The marks, newest first (at most `limit`). */
export async function listMissed(db: Kysely<Database>, limit = 100): Promise<MissedView[]> {
	const rows = await db
		.selectFrom('search_missed as m')
		.innerJoin('staff as s', 's.id', 'm.marked_by')
		.select(['m.search_id', 'm.query', 'm.label', 's.display_name', 'm.marked_at'])
		.where('m.school_id', '=', currentSchool())
		.orderBy('m.marked_at', 'desc')
		.orderBy('m.id')
		.limit(limit)
		.execute();
	return rows.map((r) => ({
		searchId: r.search_id,
		query: r.query,
		label: r.label,
		markedBy: r.display_name,
		markedAt: r.marked_at
	}));
}

/** The ids of the searches already marked, of those given. */
export async function markedSearchIds(
	db: Kysely<Database>,
	searchIds: readonly string[]
): Promise<Set<string>> {
	if (searchIds.length === 0) return new Set();
	const rows = await db
		.selectFrom('search_missed')
		.select('search_id')
		.where('school_id', '=', currentSchool())
		.where('search_id', 'in', [...searchIds])
		.execute();
	return new Set(rows.map((r) => r.search_id));
}

/**
 * A query as one training line: no template braces or bars, no `#` (a comment), no line breaks
 * or control characters, spaces folded, lower case, at most 200 characters.
 */
export function trainingLine(query: string): string {
	return query
		.replace(/[\p{Cc}\p{Cf}{}|#]/gu, ' ')
		.replace(/\s+/gu, ' ')
		.trim()
		.toLowerCase()
		.slice(0, 200);
}

/** The export, in the training corpus's format: `# label` sections, sorted, no repeats. */
export async function trainingExport(db: Kysely<Database>, now = new Date()): Promise<string> {
	const byLabel = new Map<string, Set<string>>();
	const add = (label: string, query: string) => {
		const line = trainingLine(query);
		if (line === '') return;
		const lines = byLabel.get(label) ?? new Set<string>();
		lines.add(line);
		byLabel.set(label, lines);
	};
	const marks = await db
		.selectFrom('search_missed')
		.select(['query', 'label'])
		.where('school_id', '=', currentSchool())
		.execute();
	for (const m of marks) add(m.label, m.query);
	const exceptions = await db
		.selectFrom('search_proposals')
		.select('change')
		.where('status', '=', 'approved')
		.where('kind', '=', 'add-exception')
		.execute();
	for (const e of exceptions) {
		const change = JSON.parse(e.change) as { entry?: unknown };
		if (typeof change.entry === 'string') add('allow-traps', change.entry);
	}
	const out = [
		`# Harbour training export, ${now.toISOString().slice(0, 10)}: searches the DSL marked "should`,
		'# have been caught" and approved exceptions ("This was wrongly blocked"). Safeguarding data:',
		'# add each section to content/safe-search/training/<label>.txt, then delete this file.',
		''
	];
	for (const label of [...byLabel.keys()].sort()) {
		out.push(`# ${label}`, ...[...(byLabel.get(label) ?? [])].sort(), '');
	}
	return out.join('\n');
}
