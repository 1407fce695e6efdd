/**
 * Keeps the outbox moving on a pupil tablet: flushes on start, when the network returns, when
 * the tablet is shown again, every 30 s while anything is pending, and asks for Background Sync
 * where the browser has it (the service worker then flushes even with the page closed).
 */
import {
	flushOutbox,
	pendingCount,
	setAsideCount,
	enqueue,
	StorageFullError,
	EVENTS_URL,
	newEvent,
	type FlushResult
} from './outbox';
import { localDb } from './db';
import type { EventKind, EventPayload } from '../events/catalogue';

/** Asks the browser not to evict our data under storage pressure. */
async function requestPersistentStorage(): Promise<boolean> {
	if (!navigator.storage?.persist) return false;
	return (await navigator.storage.persisted()) || navigator.storage.persist();
}

export const SYNC_TAG = 'harbour-outbox';
const TIMER_MS = 30_000;

interface SyncRegistration extends ServiceWorkerRegistration {
	sync?: { register(tag: string): Promise<void> };
}

export class OutboxSync {
	pending = $state(0);
	/** Events the server refused, kept on this tablet (shown on the grown-ups screen). */
	setAside = $state(0);
	lastResult = $state.raw<FlushResult | null>(null);
	/** A problem a grown-up should know about (storage full). Never hidden. */
	storageProblem = $state<string | null>(null);

	#timer: ReturnType<typeof setInterval> | null = null;

	/** Records a pupil event durably, then tries to send it. Resolves once it is on disk. */
	async record<K extends EventKind>(kind: K, payload: EventPayload<K>): Promise<string> {
		try {
			const id = await enqueue(localDb(), kind, payload);
			this.pending += 1;
			void this.flush();
			void this.#requestBackgroundSync();
			return id;
		} catch (e) {
			if (e instanceof StorageFullError) await this.#reportStorageFull();
			throw e;
		}
	}

	/**
	 * Last resort when the disk is full: hold the event in memory and send it straight to the
	 * server, retrying every few seconds for as long as the page lives. Resolves once stored.
	 */
	async keepInMemory<K extends EventKind>(kind: K, payload: EventPayload<K>): Promise<void> {
		const event = newEvent(kind, payload);
		this.pending += 1;
		for (;;) {
			try {
				const res = await fetch(EVENTS_URL, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ events: [event] })
				});
				// Stored, or refused for good (a 4xx other than a busy server): either way, stop.
				if (res.ok || (res.status >= 400 && res.status < 500 && res.status !== 429)) break;
			} catch {
				// offline: try again shortly
			}
			await new Promise((r) => setTimeout(r, 5_000));
		}
		this.pending -= 1;
	}

	async flush(force = false): Promise<void> {
		try {
			this.lastResult = await flushOutbox(localDb(), { force });
		} finally {
			this.pending = await pendingCount(localDb());
			const setAside = await setAsideCount(localDb());
			if (setAside !== this.setAside) void this.#tellStaff({ setAsideEvents: setAside });
			this.setAside = setAside;
		}
	}

	async #requestBackgroundSync(): Promise<void> {
		try {
			const reg = (await navigator.serviceWorker?.getRegistration()) as SyncRegistration | undefined;
			await reg?.sync?.register(SYNC_TAG);
		} catch {
			// Not every browser has Background Sync; the timers below cover for it.
		}
	}

	async #reportStorageFull(): Promise<void> {
		this.storageProblem = 'This tablet’s storage is full. Free some space so nothing is lost.';
		await this.#tellStaff({ storageWarning: 'Storage is full: new events cannot be saved on the tablet.' });
	}

	/** Tells staff screens about trouble on this tablet. */
	async #tellStaff(status: { storageWarning?: string; setAsideEvents?: number }): Promise<void> {
		try {
			await fetch('/api/device/status', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(status)
			});
		} catch {
			// Offline too: the warning stays on the tablet's grown-up corner until it can be sent.
		}
	}

	/** Starts every trigger; returns the teardown. */
	start(): () => void {
		void requestPersistentStorage();
		const onOnline = () => void this.flush(true);
		const onVisible = () => {
			if (document.visibilityState === 'visible') void this.flush();
		};
		window.addEventListener('online', onOnline);
		document.addEventListener('visibilitychange', onVisible);
		this.#timer = setInterval(() => {
			if (this.pending > 0) void this.flush();
		}, TIMER_MS);
		void this.flush(true);
		return () => {
			window.removeEventListener('online', onOnline);
			document.removeEventListener('visibilitychange', onVisible);
			if (this.#timer) clearInterval(this.#timer);
		};
	}
}

export const outboxSync = new OutboxSync();
