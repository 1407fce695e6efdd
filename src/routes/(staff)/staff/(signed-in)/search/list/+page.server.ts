import { fail } from '@sveltejs/kit';
import { lists as shipped } from 'virtual:harbour-safe-search';
import { app } from '$lib/server/app';
import { currentListRows } from '$lib/server/search-admin/current-list';
import { listVersions } from '$lib/server/search-admin/school-lists';
import { markReviewed } from '$lib/server/search-admin/review';
import { signedInStaff } from '$lib/server/search-admin/staff-scope';
import type { Actions, PageServerLoad } from './$types';

export const load = (async () => {
	const { db } = app();
	const versions = await listVersions(db);
	return { rows: await currentListRows(db, shipped), version: versions.school, trustVersion: versions.trust };
}) satisfies PageServerLoad;

export const actions = {
	/** The yearly review: the whole list has been read and still suits the school. */
	review: async ({ locals }) => {
		const result = await markReviewed(app().db, signedInStaff(locals.who));
		if (!result.ok) return fail(403, { message: result.message });
		return { ok: 'Marked as reviewed. The next review is due in a year.' };
	}
} satisfies Actions;
