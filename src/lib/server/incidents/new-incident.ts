/**
 * A new incident row: what every incident starts with, so each way of opening one (a press, a
 * batch of presses, a concern recorded by hand) names only what is its own.
 */
import type { IncidentTable } from '../db/schema';
import { urgentAtOnce } from '../../incidents/kinds';

/** An incident as written: its school is the database's to fill in (the one the work is for). */
export type NewIncident = Omit<IncidentTable, 'school_id'>;

type Own = Pick<IncidentTable, 'id' | 'class_id' | 'source'> & Partial<NewIncident>;

export function newIncident(own: Own, now: Date): NewIncident {
	const at = now.toISOString();
	const categories = own.categories ?? '[]';
	return {
		report_id: null,
		device_id: null,
		status: 'new',
		// Possible illegal content and disclosures are urgent from the start.
		urgent: urgentAtOnce(own.source, JSON.parse(categories) as string[]) ? 1 : 0,
		opened_at: at,
		client_time: null,
		context: JSON.stringify({}),
		feeling: null,
		what: null,
		categories,
		outcome: null,
		created_by: null,
		acknowledged_at: null,
		acknowledged_by: null,
		escalated_at: null,
		closed_at: null,
		updated_at: at,
		...own
	};
}
