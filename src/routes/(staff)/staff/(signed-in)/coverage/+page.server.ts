import { catalogue, curriculum } from 'virtual:harbour-lessons';
import { app } from '$lib/server/app';
import { coverageFor } from '$lib/server/classroom/coverage';
import type { PageServerLoad } from './$types';

/** The programme taught this school year, per class and strand, against the plan. */
export const load = (async ({ locals }) => {
	return coverageFor(app().db, locals.who.staff!, curriculum, catalogue);
}) satisfies PageServerLoad;
