/**
 * New reports on every staff screen while online: an EventSource on /api/live, a banner per
 * unacknowledged report, and a chime (once sound is on: alert-sound.svelte.ts). Acknowledging ("I'm with the child") clears it everywhere.
 */
import type { AlertSummary } from '../incidents/alert-summary';
import { alertSound } from './alert-sound.svelte';

/** Banners shown at once; the rest are counted ("and 12 more") and wait in the incident log. */
export const BANNER_LIMIT = 5;

export class LiveAlerts {
	alerts = $state.raw<AlertSummary[]>([]);
	connected = $state(false);
	#seededAt = Date.now();

	/**
	 * A report waiting to be acknowledged stays until someone does. A new concern that is already
	 * in hand (the DSL recorded it; a teacher marked one as illegal content) is shown once, as news,
	 * until this person dismisses it.
	 */
	#upsert(incident: AlertSummary, ring: boolean) {
		const others = this.alerts.filter((a) => a.id !== incident.id);
		if (incident.status === 'new' || ring) {
			this.alerts = [incident, ...others];
			if (ring) alertSound.chime();
		} else {
			this.alerts = others;
		}
	}

	/**
	 * Listens for alerts, and keeps listening: when the stream drops (network, server restart)
	 * it reconnects with backoff, and each reopening reloads the reports still waiting, so an
	 * alert sent while the stream was down is shown. `reload` re-reads the page's data.
	 */
	start(reload: () => Promise<void> = async () => {}, onSignedOut: () => void = () => {}): () => void {
		let source: EventSource | null = null;
		let timer: ReturnType<typeof setTimeout> | undefined;
		let stopped = false;
		let opened = 0;
		let failures = 0;
		const handle = (ring: boolean) => (e: MessageEvent<string>) =>
			this.#upsert(JSON.parse(e.data) as AlertSummary, ring);
		const connect = () => {
			if (stopped) return;
			const s = new EventSource('/api/live');
			source = s;
			s.onopen = () => {
				this.connected = true;
				failures = 0;
				// Reopened, or opened well after the page's data was read: something may have been
				// sent in between, so the reports still waiting are read again.
				if (opened++ > 0 || Date.now() - this.#seededAt > 2_000) void reload();
			};
			s.onerror = () => {
				this.connected = false;
				// The browser retries by itself unless the stream is closed for good (a refusal or a
				// non-stream answer): then retry here, waiting longer each time, up to 30 s.
				if (s.readyState === EventSource.CLOSED) {
					s.close();
					timer = setTimeout(connect, Math.min(30_000, 1000 * 2 ** failures++));
				}
			};
			s.addEventListener('incident.new', handle(true));
			s.addEventListener('incident.urgent', handle(true));
			s.addEventListener('incident.updated', handle(false));
			s.addEventListener('resync', () => void reload());
			s.addEventListener('session.ended', () => {
				stopped = true;
				s.close();
				this.connected = false;
				onSignedOut();
			});
		};
		connect();
		return () => {
			stopped = true;
			clearTimeout(timer);
			source?.close();
		};
	}

	/** Starts from the unacknowledged reports already waiting (the page's load data). */
	seed(waiting: AlertSummary[]): void {
		this.#seededAt = Date.now();
		this.alerts = waiting;
	}

	/** Hides a news banner on this screen (nothing to acknowledge: someone has it in hand). */
	dismiss(id: string): void {
		this.alerts = this.alerts.filter((a) => a.id !== id);
	}

	async acknowledge(id: string): Promise<string | null> {
		const res = await fetch(`/api/incidents/${id}/acknowledge`, { method: 'POST' });
		if (!res.ok) return ((await res.json()) as { message?: string }).message ?? 'That did not work.';
		this.alerts = this.alerts.filter((a) => a.id !== id);
		return null;
	}
}
