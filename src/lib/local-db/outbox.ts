/**
 * The generic outbox. Any pupil event is written to IndexedDB first (so it survives reloads,
 * closed tabs, flat batteries and being offline), then sent to the server. A row is deleted only
 * after the server acknowledged storing its id; the server ignores ids it already has, so a
 * resend never doubles anything.
 */
import type { HarbourLocalDb, OutboxRow } from './db';
import { retryDelay } from './backoff';
import { priorityOf, type EventKind, type EventPayload } from '../events/catalogue';

export const BATCH_SIZE = 100;
/** Keep each request well under the server's 8 MB limit, even with drawings and voice messages. */
export const BATCH_BYTES = 3 * 1024 * 1024;
export const EVENTS_URL = '/api/events';

export class StorageFullError extends Error {
	constructor() {
		super('The tablet’s storage is full.');
		this.name = 'StorageFullError';
	}
}

function isQuotaError(e: unknown): boolean {
	const name = (e as { name?: string; inner?: { name?: string } })?.name;
	const inner = (e as { inner?: { name?: string } })?.inner?.name;
	return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

/** A pupil event as the server receives it: its own UUID, kind, the tablet's time and payload. */
export function newEvent<K extends EventKind>(kind: K, payload: EventPayload<K>, now = Date.now()) {
	return { id: crypto.randomUUID(), kind, clientTime: new Date(now).toISOString(), payload };
}

/**
 * Writes one event durably and returns its id. Only kinds of the event catalogue, with their
 * payload's type, can be recorded. Throws StorageFullError when the disk is full.
 */
export async function enqueue<K extends EventKind>(
	db: HarbourLocalDb,
	kind: K,
	payload: EventPayload<K>,
	now = Date.now()
): Promise<string> {
	const row: OutboxRow = {
		...newEvent(kind, payload, now),
		payload: payload as Record<string, unknown>,
		attempts: 0,
		nextAttemptAt: 0
	};
	try {
		await db.outbox.add(row);
	} catch (e) {
		if (isQuotaError(e)) throw new StorageFullError();
		throw e;
	}
	return row.id;
}

export async function pendingCount(db: HarbourLocalDb): Promise<number> {
	return db.outbox.count();
}

/** Events the server refused: kept on the tablet, counted, shown on the grown-ups screen. */
export async function setAsideCount(db: HarbourLocalDb): Promise<number> {
	return db.setAside.count();
}

/** Due rows, reports first, then the rest by the catalogue's priority and age. */
async function dueRows(db: HarbourLocalDb, force: boolean, now: number): Promise<OutboxRow[]> {
	const due = (r: OutboxRow) => force || r.nextAttemptAt <= now;
	const reports = await db.outbox.where('kind').startsWith('report.').filter(due).limit(BATCH_SIZE).toArray();
	const rest =
		reports.length < BATCH_SIZE
			? await db.outbox
					.filter((r) => due(r) && !r.kind.startsWith('report.'))
					.limit(BATCH_SIZE - reports.length)
					.toArray()
			: [];
	return [...reports, ...rest].sort(
		(a, b) => priorityOf(a.kind) - priorityOf(b.kind) || a.clientTime.localeCompare(b.clientTime)
	);
}

/** Moves refused rows out of the outbox, with the server's reason, in one transaction. */
async function setAsideRows(
	db: HarbourLocalDb,
	batch: OutboxRow[],
	rejected: Map<string, string>
): Promise<void> {
	if (rejected.size === 0) return;
	const at = Date.now();
	await db.transaction('rw', db.outbox, db.setAside, async () => {
		const rows = batch.filter((r) => rejected.has(r.id));
		await db.setAside.bulkPut(rows.map((r) => ({ ...r, reason: rejected.get(r.id) ?? '', setAsideAt: at })));
		await db.outbox.bulkDelete(rows.map((r) => r.id));
	});
}

export type FlushResult =
	| { status: 'empty' }
	| { status: 'sent'; sent: number; remaining: number }
	| { status: 'waiting'; remaining: number }
	| { status: 'failed'; remaining: number; reason: string };

/**
 * Sends due rows in batches until none are due. `force` ignores backoff (used when the network
 * has just come back). Only one flush runs at a time per page or worker.
 */
let running: Promise<FlushResult> | null = null;
/** One more pass asked for while a flush was running (it may already have read an empty outbox). */
let again: { promise: Promise<FlushResult>; force: boolean } | null = null;

export function flushOutbox(
	db: HarbourLocalDb,
	opts: { force?: boolean; fetchFn?: typeof fetch } = {}
): Promise<FlushResult> {
	if (!running) {
		running = doFlush(db, opts).finally(() => {
			running = null;
		});
		return running;
	}
	// A flush is running and may be past the point of reading the outbox: rows added now (the
	// network just came back, a press) would wait for the 30-second timer. Run once more after it.
	if (again) {
		again.force ||= opts.force === true;
		return again.promise;
	}
	const next = { force: opts.force === true, promise: null as unknown as Promise<FlushResult> };
	next.promise = running.then(
		() => {
			again = null;
			return flushOutbox(db, { ...opts, force: next.force });
		},
		() => {
			again = null;
			return flushOutbox(db, { ...opts, force: next.force });
		}
	);
	again = next;
	return next.promise;
}

async function doFlush(
	db: HarbourLocalDb,
	{ force = false, fetchFn = fetch }: { force?: boolean; fetchFn?: typeof fetch }
): Promise<FlushResult> {
	let sent = 0;
	for (;;) {
		const now = Date.now();
		const due = await dueRows(db, force, now);
		let bytes = 0;
		const batch = due.filter((r, i) => {
			bytes += JSON.stringify(r.payload).length;
			return i === 0 || bytes <= BATCH_BYTES;
		});
		const remainingBefore = await db.outbox.count();
		if (remainingBefore === 0) return sent ? { status: 'sent', sent, remaining: 0 } : { status: 'empty' };
		if (due.length === 0)
			return sent
				? { status: 'sent', sent, remaining: remainingBefore }
				: { status: 'waiting', remaining: remainingBefore };

		let reason: string | null = null;
		try {
			const res = await fetchFn(EVENTS_URL, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				credentials: 'same-origin',
				body: JSON.stringify({
					events: batch.map((r) => ({ id: r.id, kind: r.kind, clientTime: r.clientTime, payload: r.payload }))
				})
			});
			if (res.ok) {
				const body = (await res.json()) as { acked?: unknown; rejected?: unknown };
				const acked = Array.isArray(body.acked)
					? body.acked.filter((x): x is string => typeof x === 'string')
					: [];
				const rejected = new Map(
					(Array.isArray(body.rejected) ? body.rejected : [])
						.filter((x): x is { id: string; reason: unknown } => typeof x?.id === 'string')
						.map((x) => [x.id, String(x.reason ?? '')])
				);
				await db.outbox.bulkDelete(acked);
				await setAsideRows(db, batch, rejected);
				sent += acked.length;
				if (acked.length + rejected.size === 0) reason = 'the server stored nothing';
			} else {
				reason = `the server answered ${res.status}`;
			}
		} catch {
			reason = 'the network is unreachable';
		}
		if (reason) {
			// Keep every row; push each one's next try back with jittered exponential backoff.
			await db.transaction('rw', db.outbox, async () => {
				for (const r of batch) {
					const attempts = r.attempts + 1;
					await db.outbox.update(r.id, { attempts, nextAttemptAt: Date.now() + retryDelay(attempts) });
				}
			});
			return { status: 'failed', remaining: await db.outbox.count(), reason };
		}
		force = false;
	}
}
