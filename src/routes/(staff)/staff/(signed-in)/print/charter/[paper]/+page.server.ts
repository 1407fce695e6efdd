import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { PAPERS } from '$lib/print/paper';
import type { PageServerLoad } from './$types';

/** The class charter poster, on A4 or A3 (`a4` / `a3` in the address). */
export const load = (({ params }) => {
	const paper = v.safeParse(v.picklist(PAPERS), params.paper);
	if (!paper.success) error(404, 'The poster prints on A4 or A3 only.');
	return { paper: paper.output };
}) satisfies PageServerLoad;
