import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { lists } from 'virtual:harbour-safe-search';
import { model } from 'virtual:harbour-safe-search-model';
import { compileExplainer, type Explainer } from '$lib/search/classify';
import { SafeSearchModel } from '$lib/search/model/model';
import { decidedLabel } from '$lib/search/staff/decided-label';
import { app } from '$lib/server/app';
import { parseForm } from '$lib/server/forms/parse-form';
import { canMarkMissed, listMissed, markMissed, markedSearchIds } from '$lib/server/search-admin/missed';
import { searchLog } from '$lib/server/search-admin/search-log';
import { searchLogScope, signedInStaff } from '$lib/server/search-admin/staff-scope';
import { VERDICTS } from '$lib/search/search-log-event';
import type { Actions, PageServerLoad } from './$types';

/** Unknown or blank filters mean "any"; a bad page number means the first page. */
const FiltersSchema = v.object({
	verdict: v.fallback(v.nullable(v.picklist(VERDICTS)), null),
	category: v.fallback(v.nullable(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,60}$/u))), null),
	page: v.fallback(v.pipe(v.string(), v.regex(/^\d{1,5}$/u), v.transform(Number), v.minValue(1)), 1)
});

let explain: Explainer | null = null;

/**
 * What decides this query now, for staff, in words (decided-label.ts): the word list, an
 * exception, or the model and how strongly it heard harm. Read from the shipped lists and model
 * (an approved change on the tablet may differ).
 */
function decidedBy(query: string): string {
	explain ??= compileExplainer(lists, new SafeSearchModel(model));
	const { decidedBy: by, verdict, score, matched } = explain(query);
	return decidedLabel({ by, verdict, score, ruleMatched: matched.some((m) => m.excusedBy === null) });
}

export const load = (async ({ locals, url }) => {
	const staff = signedInStaff(locals.who);
	const given = (name: string) => url.searchParams.get(name) || null;
	const filters = v.parse(FiltersSchema, {
		verdict: given('verdict'),
		category: given('category'),
		page: given('page') ?? undefined
	});
	const { db } = app();
	const { rows, hasMore } = await searchLog(db, searchLogScope(staff), filters);
	const canMark = canMarkMissed(staff);
	const marked = canMark
		? await markedSearchIds(
				db,
				rows.map((row) => row.id)
			)
		: new Set<string>();
	return {
		rows: rows.map((row) => ({ ...row, decided: decidedBy(row.query), marked: marked.has(row.id) })),
		hasMore,
		filters,
		categories: lists.terms.categories.map((c) => ({ id: c.id, label: c.label, action: c.action })),
		canMark,
		// The query text is safeguarding data: only the DSL and admins get the marks.
		missed: canMark ? await listMissed(db) : []
	};
}) satisfies PageServerLoad;

const MissedForm = v.object({
	searchId: v.pipe(v.string(), v.minLength(1, 'Choose a search.'), v.maxLength(100, 'Choose a search.')),
	category: v.pipe(
		v.string(),
		v.minLength(1, 'Choose the category the search belonged to.'),
		v.maxLength(60, 'Choose the category the search belonged to.')
	)
});

export const actions = {
	/** "This should have been caught": the DSL or an admin marks an allowed search. */
	missed: async ({ request, locals }) => {
		const staff = signedInStaff(locals.who);
		const parsed = await parseForm(request, MissedForm);
		if (!parsed.ok) return fail(parsed.status, { message: parsed.message });
		const result = await markMissed(app().db, lists, staff, parsed.data);
		if (!result.ok) return fail(400, { searchId: parsed.data.searchId, message: result.message });
		return {
			searchId: parsed.data.searchId,
			ok: 'Marked. It is in the training export for Harbour’s next release.'
		};
	}
} satisfies Actions;
