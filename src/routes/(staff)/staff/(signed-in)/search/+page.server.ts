import * as v from 'valibot';
import { lists } from 'virtual:harbour-safe-search';
import { model } from 'virtual:harbour-safe-search-model';
import { compileExplainer, type Explainer } from '$lib/search/classify';
import { SafeSearchModel } from '$lib/search/model/model';
import { app } from '$lib/server/app';
import { searchLog } from '$lib/server/search-admin/search-log';
import { searchLogScope, signedInStaff } from '$lib/server/search-admin/staff-scope';
import { VERDICTS } from '$lib/search/search-log-event';
import type { PageServerLoad } from './$types';

/** Unknown or blank filters mean "any"; a bad page number means the first page. */
const FiltersSchema = v.object({
	verdict: v.fallback(v.nullable(v.picklist(VERDICTS)), null),
	category: v.fallback(v.nullable(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,60}$/u))), null),
	page: v.fallback(v.pipe(v.string(), v.regex(/^\d{1,5}$/u), v.transform(Number), v.minValue(1)), 1)
});

let explain: Explainer | null = null;

/**
 * What decides this query now, for staff: the rule's category, an exception, or the model and
 * its score. Read from the shipped lists and model (an approved change on the tablet may differ).
 */
function decidedBy(query: string): { by: 'rule' | 'model' | 'exception'; score: number | null } {
	explain ??= compileExplainer(lists, new SafeSearchModel(model));
	const { decidedBy: by, score } = explain(query);
	return { by, score: score === null ? null : Math.round(score * 100) / 100 };
}

export const load = (async ({ locals, url }) => {
	const staff = signedInStaff(locals.who);
	const given = (name: string) => url.searchParams.get(name) || null;
	const filters = v.parse(FiltersSchema, {
		verdict: given('verdict'),
		category: given('category'),
		page: given('page') ?? undefined
	});
	const { rows, hasMore } = await searchLog(app().db, searchLogScope(staff), filters);
	return {
		rows: rows.map((row) => ({ ...row, decided: decidedBy(row.query) })),
		hasMore,
		filters,
		categories: lists.terms.categories.map((c) => ({ id: c.id, label: c.label }))
	};
}) satisfies PageServerLoad;
