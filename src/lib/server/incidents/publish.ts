/** Tells connected staff screens about new or changed incidents, after they are committed. */
import { app } from '../app';
import type { LiveChange } from '../events/handlers';
import { incidentSummary } from './summaries';

export type PublishedChange = (LiveChange | { type: 'incident.urgent'; incidentId: string }) & {
	/** The member of staff who made the change sees it already: their own screens are not alerted. */
	exceptStaffId?: string;
};

export async function publishIncidentChanges(changes: PublishedChange[]): Promise<void> {
	const { db, live } = app();
	for (const change of changes) {
		const incident = await incidentSummary(db, change.incidentId);
		if (incident)
			await live.publish({
				type: change.type,
				incident,
				...(change.exceptStaffId ? { exceptStaffId: change.exceptStaffId } : {})
			});
	}
}
