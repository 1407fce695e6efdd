import { app } from '$lib/server/app';
import { listIncidents } from '$lib/server/incidents/incident-log';
import { incidentScope } from '$lib/server/incidents/visibility';
import { INCIDENT_STATUSES } from '$lib/incidents/incident-machine';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url, parent }) => {
	const staff = locals.who.staff!;
	const statusParam = url.searchParams.get('status') ?? 'open';
	const status =
		statusParam === 'all'
			? undefined
			: statusParam === 'open' || (INCIDENT_STATUSES as readonly string[]).includes(statusParam)
				? statusParam
				: 'open';
	const { classes } = await parent();
	const classParam = url.searchParams.get('class') ?? '';
	const classId = classes.some((c) => c.id === classParam) ? classParam : undefined;
	return {
		incidents: await listIncidents(app().db, incidentScope(staff), { status, classId, limit: 200 }),
		filter: { status: statusParam, classId: classId ?? '' }
	};
}) satisfies PageServerLoad;
