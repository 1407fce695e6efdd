import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { changesSince, latestVersion } from '$lib/server/search-admin/list-versions';
import type { ListUpdates } from '$lib/search/list-changes';
import type { RequestHandler } from './$types';

const Since = v.pipe(
	v.optional(v.string(), '0'),
	v.regex(/^\d{1,9}$/u, 'since must be a list version number, e.g. ?since=0.'),
	v.transform(Number)
);

/** The approved list changes a tablet lacks: everything published after its version. */
export const GET: RequestHandler = async ({ url }) => {
	const since = v.safeParse(Since, url.searchParams.get('since') ?? undefined);
	if (!since.success) return json({ message: since.issues[0].message }, { status: 400 });
	const { db } = app();
	const body: ListUpdates = {
		latest: await latestVersion(db),
		changes: await changesSince(db, since.output)
	};
	return json(body, { headers: { 'cache-control': 'no-store' } });
};
