import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

/** Pupil screens exist only on an enrolled tablet. */
export const load = (async ({ locals }) => {
	const device = locals.who.device;
	if (!device) redirect(303, '/');
	return { device: { label: device.label } };
}) satisfies LayoutServerLoad;
