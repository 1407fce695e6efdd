import { app } from '$lib/server/app';
import { schoolAtAGlance } from '$lib/server/school/at-a-glance';
import type { PageServerLoad } from './$types';

export const load = (async () => {
	return { glance: await schoolAtAGlance(app().db) };
}) satisfies PageServerLoad;
