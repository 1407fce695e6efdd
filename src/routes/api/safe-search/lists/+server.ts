import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { listUpdates } from '$lib/server/search-admin/school-lists';
import type { RequestHandler } from './$types';

const Since = v.pipe(
	v.optional(v.string(), '0'),
	v.regex(/^\d{1,15}$/u, 'since must be a list version number, e.g. ?since=0.'),
	v.transform(Number)
);

/**
 * The approved list changes a tablet lacks: the trust's and the school's, everything published
 * after its version (a cursor over both, see search-admin/list-cursor.ts).
 */
export const GET: RequestHandler = async ({ url }) => {
	const since = v.safeParse(Since, url.searchParams.get('since') ?? undefined);
	if (!since.success) return json({ message: since.issues[0].message }, { status: 400 });
	const body = await listUpdates(app().db, since.output);
	return json(body, { headers: { 'cache-control': 'no-store' } });
};
