import { lists as shipped } from 'virtual:harbour-safe-search';
import { app } from '$lib/server/app';
import { currentListRows, listCsv } from '$lib/server/search-admin/current-list';
import type { RequestHandler } from './$types';

/** The current list as a spreadsheet: every entry, who approved it and why. No pupil data. */
export const GET: RequestHandler = async () => {
	const csv = listCsv(await currentListRows(app().db, shipped));
	const today = new Date().toISOString().slice(0, 10);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="harbour-safe-search-list-${today}.csv"`
		}
	});
};
