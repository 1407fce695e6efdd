import { app } from '$lib/server/app';
import { trainingExport } from '$lib/server/search-admin/missed';
import type { RequestHandler } from './$types';

/**
 * The training export (DSL and admins only, by the access matrix): searches marked "should have
 * been caught" and approved exceptions, in the training corpus's format. Safeguarding data, so
 * a download that is never cached.
 */
export const GET: RequestHandler = async () => {
	const today = new Date().toISOString().slice(0, 10);
	return new Response(await trainingExport(app().db), {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'content-disposition': `attachment; filename="harbour-safe-search-training-${today}.txt"`,
			'cache-control': 'no-store'
		}
	});
};
