import { catalogue, curriculum } from 'virtual:harbour-lessons';
import { app } from '$lib/server/app';
import { trustDashboard } from '$lib/server/trust/dashboard';
import { trustOf } from '$lib/server/trust/trust-scope';
import type { PageServerLoad } from './$types';

/** Every school of the trust at a glance, for the trust's safeguarding lead, admin and governors. */
export const load = (async ({ locals }) => {
	const { db } = app();
	const trust = await trustOf(db, locals.school);
	return {
		trustName: trust.name,
		trustRole: locals.who.staff!.trustRole!,
		schools: await trustDashboard(db, trust, curriculum, catalogue)
	};
}) satisfies PageServerLoad;
