/** Reads incidents as the short summaries live alerts and lists show. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { AlertSummary } from '../../incidents/alert-summary';
import { incidentKind } from '../../incidents/kinds';

export function summaryQuery(db: Kysely<Database> | Transaction<Database>) {
	return db
		.selectFrom('incidents')
		.innerJoin('classes', 'classes.id', 'incidents.class_id')
		.leftJoin('devices', 'devices.id', 'incidents.device_id')
		.select([
			'incidents.id',
			'incidents.class_id',
			'classes.name as class_name',
			'devices.label as device_label',
			'incidents.opened_at',
			'incidents.source',
			'incidents.status',
			'incidents.urgent',
			'incidents.feeling',
			'incidents.what',
			'incidents.context',
			'incidents.categories'
		]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

export function toSummary(r: SummaryRow): AlertSummary {
	const categories = JSON.parse(r.categories) as string[];
	return {
		id: r.id,
		classId: r.class_id,
		className: r.class_name,
		deviceLabel: r.device_label,
		openedAt: r.opened_at,
		source: r.source,
		status: r.status,
		urgent: Boolean(r.urgent),
		feeling: r.feeling,
		what: r.what,
		context: JSON.parse(r.context) as AlertSummary['context'],
		category: categories[0] ?? null,
		kind: incidentKind(r.source, categories)
	};
}

export async function incidentSummary(
	db: Kysely<Database> | Transaction<Database>,
	id: string
): Promise<AlertSummary | null> {
	const row = await summaryQuery(db).where('incidents.id', '=', id).executeTakeFirst();
	return row ? toSummary(row) : null;
}
