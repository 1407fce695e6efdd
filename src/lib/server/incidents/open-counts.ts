/**
 * The counts a staff dashboard leads with: incidents still open, and those nobody has
 * acknowledged yet, each by kind, within the classes this person may see.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { incidentKind, KIND_ORDER, type IncidentKind } from '../../incidents/kinds';

export interface KindCount {
	kind: IncidentKind;
	open: number;
	unacknowledged: number;
}

export interface OpenCounts {
	open: number;
	unacknowledged: number;
	urgent: number;
	byKind: KindCount[];
}

export async function openIncidentCounts(db: Kysely<Database>, scope: string[] | null): Promise<OpenCounts> {
	const counts: OpenCounts = { open: 0, unacknowledged: 0, urgent: 0, byKind: [] };
	if (scope && scope.length === 0) return counts;
	let q = db
		.selectFrom('incidents')
		.select(['source', 'categories', 'status', 'urgent', (eb) => eb.fn.countAll().as('n')])
		.where('status', '!=', 'closed')
		.groupBy(['source', 'categories', 'status', 'urgent']);
	if (scope) q = q.where('class_id', 'in', scope);
	const byKind = new Map<IncidentKind, KindCount>();
	for (const row of await q.execute()) {
		const n = Number(row.n);
		const kind = incidentKind(row.source, JSON.parse(row.categories) as string[]);
		const entry = byKind.get(kind) ?? { kind, open: 0, unacknowledged: 0 };
		entry.open += n;
		counts.open += n;
		if (row.status === 'new') {
			entry.unacknowledged += n;
			counts.unacknowledged += n;
		}
		if (row.urgent) counts.urgent += n;
		byKind.set(kind, entry);
	}
	counts.byKind = KIND_ORDER.flatMap((k) => byKind.get(k) ?? []);
	return counts;
}
