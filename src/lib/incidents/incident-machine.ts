/**
 * The life of an incident in the school's e-safeguarding log, as an XState machine shared by the
 * server (which refuses any other move) and the staff screens (which offer only allowed moves).
 *
 * new → acknowledged → in progress → (escalated) → closed; a closed incident can be reopened.
 */
import { setup, transition } from 'xstate';

export const INCIDENT_STATUSES = ['new', 'acknowledged', 'in-progress', 'escalated', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export type IncidentEvent =
	{ type: 'ACKNOWLEDGE' } | { type: 'START' } | { type: 'ESCALATE' } | { type: 'CLOSE' } | { type: 'REOPEN' };
export type IncidentEventType = IncidentEvent['type'];

export const incidentMachine = setup({ types: { events: {} as IncidentEvent } }).createMachine({
	id: 'incident',
	initial: 'new',
	states: {
		new: {
			on: { ACKNOWLEDGE: 'acknowledged', START: 'in-progress', ESCALATE: 'escalated', CLOSE: 'closed' }
		},
		acknowledged: { on: { START: 'in-progress', ESCALATE: 'escalated', CLOSE: 'closed' } },
		'in-progress': { on: { ESCALATE: 'escalated', CLOSE: 'closed' } },
		escalated: { on: { START: 'in-progress', CLOSE: 'closed' } },
		closed: { on: { REOPEN: 'in-progress' } }
	}
});

/** The status after `event`, or null when that move is not allowed from `status`. */
export function nextStatus(status: IncidentStatus, event: IncidentEventType): IncidentStatus | null {
	const snapshot = incidentMachine.resolveState({ value: status });
	if (!snapshot.can({ type: event })) return null;
	const [next] = transition(incidentMachine, snapshot, { type: event });
	return next.value as IncidentStatus;
}

export function allowedMoves(status: IncidentStatus): IncidentEventType[] {
	return (['ACKNOWLEDGE', 'START', 'ESCALATE', 'CLOSE', 'REOPEN'] as const).filter(
		(e) => nextStatus(status, e) !== null
	);
}

export const STATUS_LABELS: Record<IncidentStatus, string> = {
	new: 'New',
	acknowledged: 'Acknowledged',
	'in-progress': 'In progress',
	escalated: 'Escalated',
	closed: 'Closed'
};

export const MOVE_LABELS: Record<IncidentEventType, string> = {
	ACKNOWLEDGE: 'Acknowledge',
	START: 'Start working on it',
	ESCALATE: 'Mark as escalated',
	CLOSE: 'Close',
	REOPEN: 'Reopen'
};
