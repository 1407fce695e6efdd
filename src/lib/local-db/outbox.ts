/**
 * The generic outbox. Any pupil event is written to IndexedDB first (so it survives reloads,
 * closed tabs, flat batteries and being offline), then sent to the server. A row is deleted only
 * after the server acknowledged storing its id; the server ignores ids it already has, so a
 * resend never doubles anything.
 */
import type { HarbourLocalDb, OutboxRow } from './db';
import { retryDelay } from './backoff';

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
export function newEvent(kind: string, payload: Record<string, unknown>, now = Date.now()) {
	return { id: crypto.randomUUID(), kind, clientTime: new Date(now).toISOString(), payload };
}

/** Writes one event durably and returns its id. Throws StorageFullError when the disk is full. */
export async function enqueue(
	db: HarbourLocalDb,
	kind: string,
	payload: Record<string, unknown>,
	now = Date.now()
): Promise<string> {
	const row: OutboxRow = { ...newEvent(kind, payload, now), attempts: 0, nextAttemptAt: 0 };
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

export function flushOutbox(
	db: HarbourLocalDb,
	opts: { force?: boolean; fetchFn?: typeof fetch } = {}
): Promise<FlushResult> {
	running ??= doFlush(db, opts).finally(() => {
		running = null;
	});
	return running;
}

async function doFlush(
	db: HarbourLocalDb,
	{ force = false, fetchFn = fetch }: { force?: boolean; fetchFn?: typeof fetch }
): Promise<FlushResult> {
	let sent = 0;
	for (;;) {
		const now = Date.now();
		const due = force
			? await db.outbox.limit(BATCH_SIZE).toArray()
			: await db.outbox.where('nextAttemptAt').belowOrEqual(now).limit(BATCH_SIZE).toArray();
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
				const body = (await res.json()) as { acked?: unknown };
				const acked = Array.isArray(body.acked)
					? body.acked.filter((x): x is string => typeof x === 'string')
					: [];
				await db.outbox.bulkDelete(acked);
				sent += acked.length;
				if (acked.length === 0) reason = 'the server stored nothing';
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
