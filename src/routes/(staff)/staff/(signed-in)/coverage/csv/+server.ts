import { catalogue, curriculum } from 'virtual:harbour-lessons';
import { app } from '$lib/server/app';
import { coverageCsv, coverageFor } from '$lib/server/classroom/coverage';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const { classes } = await coverageFor(app().db, locals.who.staff!, curriculum, catalogue);
	return new Response(coverageCsv(classes), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="harbour-coverage.csv"',
			'cache-control': 'private, no-store'
		}
	});
};
