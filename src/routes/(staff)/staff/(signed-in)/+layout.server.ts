import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { getSettings } from '$lib/server/school/settings';
import { listClasses } from '$lib/server/school/classes';
import { storageWarnings } from '$lib/server/school/devices-admin';
import { listIncidents } from '$lib/server/incidents/incident-log';
import { incidentScope } from '$lib/server/incidents/visibility';
import type { LayoutServerLoad } from './$types';

/** Every staff screen: the signed-in person, their classes and any tablet needing attention. */
export const load = (async ({ locals }) => {
	const staff = locals.who.staff;
	if (!staff) redirect(303, '/staff/sign-in');
	const { db } = app();
	const all = await listClasses(db);
	const classes =
		staff.role === 'teacher'
			? all.filter((c) => c.id === staff.classId)
			: staff.role === 'governor'
				? []
				: all;
	const warnings =
		staff.role === 'governor'
			? []
			: await storageWarnings(db, staff.role === 'teacher' ? (staff.classId ?? 'none') : null);
	// Reports nobody has acknowledged yet: the live banner starts from these.
	const waiting =
		staff.role === 'governor'
			? []
			: await listIncidents(db, incidentScope(staff), { status: 'new', notRecordedBy: staff.id });
	return {
		waiting,
		staff: {
			displayName: staff.displayName,
			role: staff.role,
			classId: staff.classId,
			trustRole: staff.trustRole ?? null
		},
		schoolName: (await getSettings(db)).schoolName,
		classes,
		warnings
	};
}) satisfies LayoutServerLoad;
