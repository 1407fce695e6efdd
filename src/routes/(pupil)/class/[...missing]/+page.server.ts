import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/**
 * Any address under /class that is not a pupil screen: a 404 in the pupil look (the pupil
 * error page, with Home and "Tell a grown-up"), not the bare site-wide one.
 */
export const load = (() => {
	error(404, 'There is nothing here.');
}) satisfies PageServerLoad;
