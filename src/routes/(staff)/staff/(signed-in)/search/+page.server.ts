import * as v from 'valibot';
import { lists } from 'virtual:harbour-safe-search';
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
		rows,
		hasMore,
		filters,
		categories: lists.terms.categories.map((c) => ({ id: c.id, label: c.label }))
	};
}) satisfies PageServerLoad;
