import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { countStaff } from '$lib/server/school/staff';
import type { PageServerLoad } from './$types';

/** The front door sends each visitor to their own space. */
export const load = (async ({ locals }) => {
	const { who } = locals;
	if (who.device) redirect(303, who.classId ? '/class' : '/class/sign-in');
	if (who.staff) redirect(303, '/staff');
	if ((await countStaff(app().db)) === 0) redirect(303, '/setup');
	return {};
}) satisfies PageServerLoad;
