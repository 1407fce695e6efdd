import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { curriculum, loadLesson } from 'virtual:harbour-lessons';
import { HALF_TERMS, YEARS } from '$lib/content/curriculum-schema';
import type { PageServerLoad } from './$types';

/**
 * The half-term's "talk at home" sheet: the cards of every lesson taught that half-term, in every
 * year (Reception, Year 1, Year 2), to print on one page for families.
 */
export const load = (async ({ params }) => {
	const halfTerm = v.safeParse(v.picklist(HALF_TERMS), params.halfTerm);
	if (!halfTerm.success) error(404, 'There is no half-term with that name.');
	const years = await Promise.all(
		YEARS.map(async (year) => ({
			year,
			lessons: (
				await Promise.all(curriculum.years[year][halfTerm.output].map((id) => loadLesson(id)))
			).flatMap((found) => (found ? [found] : []))
		}))
	);
	return { halfTerm: halfTerm.output, years };
}) satisfies PageServerLoad;
