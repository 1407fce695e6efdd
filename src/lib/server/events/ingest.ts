/**
 * Stores pupil events sent from a tablet's outbox. Each event carries a client-generated UUID;
 * the primary key makes a resend a no-op, so the tablet may retry freely and nothing doubles.
 */
import * as v from 'valibot';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { DevicePrincipal } from '../auth/devices';
import { EVENT_HANDLERS, HANDLER_ORDER, type LiveChange, type StoredEvent } from './handlers';
import { checkEvent, isReportKind, type EventKind } from '../../events/catalogue';
import { eventsIngested, eventsRejected, outboxLagSeconds, secondsSince } from '../ops/metrics';

export const MAX_EVENTS_PER_BATCH = 200;
/** A whole batch from a tablet; the tablet's outbox keeps its batches under this. */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;

/**
 * The envelope only: each event's kind and payload are checked one by one afterwards, so one
 * bad event is set aside on its own instead of refusing the reports sent with it.
 */
const EventEnvelope = v.object({
	id: v.pipe(v.string(), v.uuid('Each event needs a UUID id.')),
	kind: v.pipe(v.string(), v.maxLength(60, 'Event kind is too long.')),
	clientTime: v.pipe(v.string(), v.maxLength(40), v.isoTimestamp('clientTime must be an ISO timestamp.')),
	payload: v.unknown()
});

export const BatchSchema = v.object({
	events: v.pipe(
		// The length is checked before any item is: a million items cost one issue, not a million.
		v.array(v.unknown()),
		v.minLength(1, 'Send at least one event.'),
		v.maxLength(MAX_EVENTS_PER_BATCH, `Send at most ${MAX_EVENTS_PER_BATCH} events at a time.`),
		v.array(v.unknown())
	)
});
export type EventBatch = v.InferOutput<typeof BatchSchema>;

export interface Rejected {
	/** The event's id as sent (may be missing or malformed when the envelope itself is bad). */
	id: string;
	reason: string;
}

type Accepted = StoredEvent<unknown> & { kind: EventKind };

/** Splits a batch into events the catalogue accepts and the rest, each with its reason. */
function sortOut(batch: EventBatch): { accepted: Accepted[]; rejected: Rejected[] } {
	const accepted = new Map<string, Accepted>();
	const rejected: Rejected[] = [];
	batch.events.forEach((raw, i) => {
		const env = v.safeParse(EventEnvelope, raw, { abortEarly: true });
		if (!env.success) {
			const id = (raw as { id?: unknown } | null)?.id;
			rejected.push({
				id: typeof id === 'string' ? id.slice(0, 60) : `#${i}`,
				reason: `events.${i}: ${env.issues[0].message}`
			});
			return;
		}
		const e = env.output;
		const checked = checkEvent(e.kind, e.payload);
		if (!checked.ok) {
			rejected.push({ id: e.id, reason: checked.reason });
			return;
		}
		// The same event twice in one batch is still one event.
		accepted.set(e.id, { id: e.id, kind: checked.kind, clientTime: e.clientTime, payload: checked.payload });
	});
	return { accepted: [...accepted.values()], rejected };
}

const order = (kind: EventKind) => HANDLER_ORDER.indexOf(kind);

function reportIdOf(e: Accepted): string | null {
	if (!isReportKind(e.kind) && e.kind !== 'report.attachment') return null;
	return (e.payload as { reportId: string }).reportId;
}

/**
 * Report ids belong to the class whose tablet first sent them: an event from another class's
 * tablet naming one is refused (it cannot add answers or pictures to another class's report).
 */
async function foreignReports(
	db: Kysely<Database>,
	device: DevicePrincipal,
	events: Accepted[]
): Promise<Set<string>> {
	const ids = [...new Set(events.map(reportIdOf).filter((r): r is string => r !== null))];
	if (ids.length === 0) return new Set();
	const incidents = await db
		.selectFrom('incidents')
		.select('report_id')
		.where('report_id', 'in', ids)
		.where('class_id', '!=', device.classId)
		.execute();
	const pictures = await db
		.selectFrom('attachments')
		.innerJoin('pupil_events', 'pupil_events.id', 'attachments.id')
		.select('attachments.report_id')
		.where('attachments.report_id', 'in', ids)
		.where('pupil_events.class_id', '!=', device.classId)
		.execute();
	return new Set([...incidents, ...pictures].map((r) => r.report_id).filter((r): r is string => r !== null));
}

/**
 * Stores the accepted events and applies each new one's handler in one transaction. Returns the
 * ids now safely stored (new, or already stored from this tablet), the events refused with
 * their reasons (the tablet sets those aside), and the incidents staff should hear about.
 */
export async function ingestEvents(
	db: Kysely<Database>,
	device: DevicePrincipal,
	batch: EventBatch,
	now = new Date()
): Promise<{ acked: string[]; rejected: Rejected[]; changes: LiveChange[] }> {
	const sorted = sortOut(batch);
	const rejected = sorted.rejected;
	const foreign = await foreignReports(db, device, sorted.accepted);
	const events = sorted.accepted.filter((e) => {
		const reportId = reportIdOf(e);
		if (reportId && foreign.has(reportId)) {
			rejected.push({ id: e.id, reason: 'That report belongs to another class.' });
			return false;
		}
		return true;
	});
	if (events.length === 0) {
		eventsRejected.inc(rejected.length);
		return { acked: [], rejected, changes: [] };
	}
	const rows = events.map((e) => ({
		id: e.id,
		kind: e.kind,
		class_id: device.classId,
		device_id: device.id,
		client_time: e.clientTime,
		server_time: now.toISOString(),
		// A search's words live in the search log alone; the ledger only proves delivery.
		payload: e.kind === 'search.logged' ? '{}' : JSON.stringify(e.payload)
	}));
	const { changes, acked, fresh } = await db.transaction().execute(async (trx) => {
		const inserted = await trx
			.insertInto('pupil_events')
			.values(rows)
			.onConflict((oc) => oc.columns(['school_id', 'id']).doNothing())
			.returning('id')
			.execute();
		const fresh = new Set(inserted.map((r) => r.id));
		// Ids already stored: a resend from this tablet is acknowledged again; the same id from
		// another tablet is refused, never silently dropped.
		const resent = events.filter((e) => !fresh.has(e.id)).map((e) => e.id);
		const owners = resent.length
			? await trx.selectFrom('pupil_events').select(['id', 'device_id']).where('id', 'in', resent).execute()
			: [];
		const ours = new Set(owners.filter((o) => o.device_id === device.id).map((o) => o.id));
		for (const id of resent)
			if (!ours.has(id)) rejected.push({ id, reason: 'That event id was already used by another tablet.' });
		const out: LiveChange[] = [];
		const handled = events.filter((e) => fresh.has(e.id));
		const kinds = [...new Set(handled.map((e) => e.kind))].sort((a, b) => order(a) - order(b));
		for (const kind of kinds) {
			// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind's payload was checked against its own schema
			const handler = EVENT_HANDLERS[kind] as any;
			const ofKind = handled.filter((e) => e.kind === kind);
			if (handler.applyBatch) {
				out.push(...((await handler.applyBatch(trx, device, ofKind, now)) as LiveChange[]));
				continue;
			}
			for (const e of ofKind) {
				const change = (await handler.apply(trx, device, e, now)) as LiveChange | null;
				if (change) out.push(change);
			}
		}
		return {
			changes: out,
			acked: events.filter((e) => fresh.has(e.id) || ours.has(e.id)).map((e) => e.id),
			fresh
		};
	});
	// Counted once committed: the metrics never claim an event the database does not hold.
	eventsRejected.inc(rejected.length);
	for (const e of events) {
		if (!fresh.has(e.id)) continue;
		eventsIngested.inc({ kind: e.kind });
		const lag = secondsSince(e.clientTime, now.getTime());
		if (lag !== null) outboxLagSeconds.observe(lag);
	}
	return { acked, rejected, changes };
}

export interface RecentEvent {
	id: string;
	kind: string;
	deviceLabel: string;
	serverTime: string;
}

export async function recentClassEvents(
	db: Kysely<Database>,
	classId: string,
	limit = 20
): Promise<RecentEvent[]> {
	const rows = await db
		.selectFrom('pupil_events')
		.innerJoin('devices', 'devices.id', 'pupil_events.device_id')
		.select(['pupil_events.id', 'pupil_events.kind', 'devices.label', 'pupil_events.server_time'])
		.where('pupil_events.class_id', '=', classId)
		.orderBy('pupil_events.server_time', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({ id: r.id, kind: r.kind, deviceLabel: r.label, serverTime: r.server_time }));
}
