import { app } from '$lib/server/app';
import { listIncidents } from '$lib/server/incidents/incident-log';
import { withSchool } from '$lib/server/tenancy/context';
import { trustSchool } from '$lib/server/trust/trust-scope';
import type { PageServerLoad } from './$types';

/** One school's open concerns, for the trust's safeguarding lead (read inside that school). */
export const load = (async ({ locals, params }) => {
	const { db } = app();
	const { school } = await trustSchool(db, locals.school, params.schoolId);
	const incidents = await withSchool(school.id, () =>
		listIncidents(db, null, { status: 'open', limit: 200 })
	);
	return { school: { id: school.id, name: school.name }, incidents };
}) satisfies PageServerLoad;
