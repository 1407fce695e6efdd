import { catalogue, curriculum } from 'virtual:harbour-lessons';
import { coverage, programmeByYear } from '$lib/lessons/programme';
import type { PageServerLoad } from './$types';

/** The planned programme and its coverage of the strands: no class data (governors see it too). */
export const load = (async ({ locals }) => ({
	programme: programmeByYear(curriculum, catalogue),
	coverage: coverage(curriculum, catalogue),
	strands: curriculum.strands.map((s) => ({ id: s.id, name: s.name })),
	canOpenPlans: locals.who.staff?.role !== 'governor'
})) satisfies PageServerLoad;
