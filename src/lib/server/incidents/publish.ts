/** Tells connected staff screens about new or changed incidents, after they are committed. */
import { app } from '../app';
import type { LiveChange } from '../events/handlers';
import { incidentSummary } from './summaries';

export async function publishIncidentChanges(
	changes: (LiveChange | { type: 'incident.urgent'; incidentId: string })[]
): Promise<void> {
	const { db, live } = app();
	for (const change of changes) {
		const incident = await incidentSummary(db, change.incidentId);
		if (incident) await live.publish({ type: change.type, incident });
	}
}
