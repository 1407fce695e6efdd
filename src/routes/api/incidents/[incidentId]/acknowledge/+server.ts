import { json } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { acknowledgeIncident, IncidentProblem } from '$lib/server/incidents/incident-log';
import { canSeeIncidentsOf } from '$lib/server/incidents/visibility';
import { publishIncidentChanges } from '$lib/server/incidents/publish';
import type { RequestHandler } from './$types';

/** "I'm with the child": acknowledges a report from the live banner. */
export const POST: RequestHandler = async ({ params, locals }) => {
	const staff = locals.who.staff!;
	const { db } = app();
	const row = await db
		.selectFrom('incidents')
		.select('class_id')
		.where('id', '=', params.incidentId)
		.executeTakeFirst();
	if (!row || !canSeeIncidentsOf(staff, row.class_id)) {
		return json({ message: 'You do not have access to this report.' }, { status: 403 });
	}
	try {
		const changed = await acknowledgeIncident(db, staff, params.incidentId);
		if (changed) await publishIncidentChanges([{ type: 'incident.updated', incidentId: params.incidentId }]);
		return json({ ok: true, alreadyAcknowledged: !changed });
	} catch (e) {
		if (e instanceof IncidentProblem) return json({ message: e.message }, { status: 409 });
		throw e;
	}
};
