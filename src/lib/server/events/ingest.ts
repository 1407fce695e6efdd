/**
 * Stores pupil events sent from a tablet's outbox. Each event carries a client-generated UUID;
 * the primary key makes a resend a no-op, so the tablet may retry freely and nothing doubles.
 */
import * as v from 'valibot';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { DevicePrincipal } from '../auth/devices';
import { EVENT_HANDLERS, HANDLER_ORDER, type LiveChange } from './handlers';

export const MAX_EVENTS_PER_BATCH = 200;
export const MAX_PAYLOAD_BYTES = 64 * 1024;
/** A whole batch from a tablet; the tablet's outbox keeps its batches under this. */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;

const EventSchema = v.object({
	id: v.pipe(v.string(), v.uuid('Each event needs a UUID id.')),
	kind: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9.-]{1,40}$/, 'Event kind must be a short lower-case name.')),
	clientTime: v.pipe(v.string(), v.isoTimestamp('clientTime must be an ISO timestamp.')),
	payload: v.record(v.string(), v.unknown())
});

export const BatchSchema = v.object({
	events: v.pipe(
		v.array(EventSchema),
		v.minLength(1, 'Send at least one event.'),
		v.maxLength(MAX_EVENTS_PER_BATCH, `Send at most ${MAX_EVENTS_PER_BATCH} events at a time.`)
	)
});
export type EventBatch = v.InferOutput<typeof BatchSchema>;

export class EventRejected extends Error {
	constructor(
		message: string,
		readonly status: 400 | 413
	) {
		super(message);
	}
}

/** Checks every event's payload against its kind's schema and size before anything is stored. */
function validatePayloads(batch: EventBatch): void {
	batch.events.forEach((e, i) => {
		const handler = EVENT_HANDLERS[e.kind];
		const bytes = JSON.stringify(e.payload).length;
		const max = handler?.maxBytes ?? MAX_PAYLOAD_BYTES;
		if (bytes > max)
			throw new EventRejected(`events.${i}: event ${e.id} is larger than ${Math.round(max / 1024)} KB.`, 413);
		if (!handler) return;
		const parsed = v.safeParse(handler.schema, e.payload);
		if (!parsed.success) {
			const where = v.getDotPath(parsed.issues[0]);
			throw new EventRejected(
				`events.${i}.payload${where ? `.${where}` : ''}: ${parsed.issues[0].message}`,
				400
			);
		}
	});
}

const order = (kind: string) => {
	const i = HANDLER_ORDER.indexOf(kind as (typeof HANDLER_ORDER)[number]);
	return i === -1 ? HANDLER_ORDER.length : i;
};

/**
 * Stores the batch and applies each new event's handler in one transaction; returns the ids now
 * safely stored (new or already there) and the incidents staff should hear about.
 */
export async function ingestEvents(
	db: Kysely<Database>,
	device: DevicePrincipal,
	batch: EventBatch,
	now = new Date()
): Promise<{ acked: string[]; changes: LiveChange[] }> {
	validatePayloads(batch);
	// The same event twice in one batch is still one event.
	const events = [...new Map(batch.events.map((e) => [e.id, e])).values()];
	const rows = events.map((e) => ({
		id: e.id,
		kind: e.kind,
		class_id: device.classId,
		device_id: device.id,
		client_time: e.clientTime,
		server_time: now.toISOString(),
		payload: JSON.stringify(e.payload)
	}));
	const changes = await db.transaction().execute(async (trx) => {
		const inserted = await trx
			.insertInto('pupil_events')
			.values(rows)
			.onConflict((oc) => oc.column('id').doNothing())
			.returning('id')
			.execute();
		const fresh = new Set(inserted.map((r) => r.id));
		const out: LiveChange[] = [];
		const handled = events.filter((e) => fresh.has(e.id) && EVENT_HANDLERS[e.kind]);
		const kinds = [...new Set(handled.map((e) => e.kind))].sort((a, b) => order(a) - order(b));
		for (const kind of kinds) {
			const handler = EVENT_HANDLERS[kind]!;
			const ofKind = handled.filter((e) => e.kind === kind);
			if (handler.applyBatch) {
				out.push(...(await handler.applyBatch(trx, device, ofKind, now)));
				continue;
			}
			for (const e of ofKind) {
				const change = await handler.apply(trx, device, e, now);
				if (change) out.push(change);
			}
		}
		return out;
	});
	return { acked: rows.map((r) => r.id), changes };
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
