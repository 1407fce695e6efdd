import { error } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { auditView, getIncident } from '$lib/server/incidents/incident-log';
import { withSchool } from '$lib/server/tenancy/context';
import { trustSchool } from '$lib/server/trust/trust-scope';
import type { PageServerLoad } from './$types';

/**
 * One concern of one of the trust's schools, read-only for the trust's safeguarding lead. The
 * view is written to that school's audit chain, as the school's own views are.
 */
export const load = (async ({ locals, params }) => {
	const { db } = app();
	const staff = locals.who.staff!;
	const { school } = await trustSchool(db, locals.school, params.schoolId);
	const incident = await withSchool(school.id, async () => {
		const found = await getIncident(db, params.incidentId);
		if (found) await auditView(db, staff, found.id);
		return found;
	});
	if (!incident) error(404, 'There is no such concern at this school.');
	return { school: { id: school.id, name: school.name }, incident };
}) satisfies PageServerLoad;
