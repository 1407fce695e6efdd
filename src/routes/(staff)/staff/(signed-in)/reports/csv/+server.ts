import { app } from '$lib/server/app';
import { incidentStatistics, statisticsCsv } from '$lib/server/incidents/statistics';
import { findPeriod } from '$lib/incidents/periods';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const period = findPeriod(url.searchParams.get('period'));
	const csv = statisticsCsv(await incidentStatistics(app().db, period.from, period.to), period.label);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="harbour-report-${period.id}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
