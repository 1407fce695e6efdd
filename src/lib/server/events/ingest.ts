/**
 * Stores pupil events sent from a tablet's outbox. Each event carries a client-generated UUID;
 * the primary key makes a resend a no-op, so the tablet may retry freely and nothing doubles.
 */
import * as v from 'valibot';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { DevicePrincipal } from '../auth/devices';

export const MAX_EVENTS_PER_BATCH = 200;
export const MAX_PAYLOAD_BYTES = 64 * 1024;

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

/** Inserts the batch in one transaction; returns the ids now safely stored (new or already there). */
export async function ingestEvents(
	db: Kysely<Database>,
	device: DevicePrincipal,
	batch: EventBatch,
	now = new Date()
): Promise<string[]> {
	const rows = batch.events.map((e) => ({
		id: e.id,
		kind: e.kind,
		class_id: device.classId,
		device_id: device.id,
		client_time: e.clientTime,
		server_time: now.toISOString(),
		payload: JSON.stringify(e.payload)
	}));
	for (const r of rows) {
		if (r.payload.length > MAX_PAYLOAD_BYTES) {
			throw new RangeError(`Event ${r.id} is larger than ${MAX_PAYLOAD_BYTES / 1024} KB.`);
		}
	}
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('pupil_events')
			.values(rows)
			.onConflict((oc) => oc.column('id').doNothing())
			.execute();
	});
	return rows.map((r) => r.id);
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
