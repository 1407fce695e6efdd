import { app } from '$lib/server/app';
import { incidentStatistics } from '$lib/server/incidents/statistics';
import { findPeriod, recentPeriods } from '$lib/incidents/periods';
import type { PageServerLoad } from './$types';

export const load = (async ({ url }) => {
	const period = findPeriod(url.searchParams.get('period'));
	return {
		period,
		periods: recentPeriods(),
		stats: await incidentStatistics(app().db, period.from, period.to)
	};
}) satisfies PageServerLoad;
