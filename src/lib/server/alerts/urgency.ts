/**
 * How urgent an incident is, read in one place so alerts follow however incidents come to carry
 * their priority (today the `urgent` flag: raised after the school's time, or set at once).
 */
import type { IncidentTable } from '../db/schema';

export type Urgency = 'urgent' | 'routine';

export function urgencyOf(incident: Pick<IncidentTable, 'urgent' | 'source'>): Urgency {
	return incident.urgent ? 'urgent' : 'routine';
}
