import { app } from '$lib/server/app';
import { canDecide } from '$lib/server/search-admin/proposals';
import { reviewStatus } from '$lib/server/search-admin/review';
import { signedInStaff } from '$lib/server/search-admin/staff-scope';
import type { LayoutServerLoad } from './$types';

/** Every safe-search staff screen shows the yearly review reminder when it is due. */
export const load = (async ({ locals }) => {
	const staff = signedInStaff(locals.who);
	return { listReview: await reviewStatus(app().db), canDecide: canDecide(staff), staffId: staff.id };
}) satisfies LayoutServerLoad;
