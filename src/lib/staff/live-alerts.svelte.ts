/**
 * New reports on every staff screen while online: an EventSource on /api/live, a banner per
 * unacknowledged report, and a chime. Acknowledging ("I'm with the child") clears it everywhere.
 */
import type { AlertSummary } from '../incidents/alert-summary';

let audio: AudioContext | null = null;
let lastChime = 0;

/** Two soft notes; at most one chime every few seconds, however many reports arrive at once. */
function chime(): void {
	const now = Date.now();
	if (now - lastChime < 3_000) return;
	lastChime = now;
	try {
		audio ??= new AudioContext();
		const ctx = audio;
		const now = ctx.currentTime;
		for (const [i, freq] of [660, 880].entries()) {
			const osc = ctx.createOscillator();
			const gain = ctx.createGain();
			osc.frequency.value = freq;
			gain.gain.setValueAtTime(0.0001, now + i * 0.25);
			gain.gain.exponentialRampToValueAtTime(0.3, now + i * 0.25 + 0.02);
			gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.25 + 0.4);
			osc.connect(gain).connect(ctx.destination);
			osc.start(now + i * 0.25);
			osc.stop(now + i * 0.25 + 0.45);
		}
	} catch {
		// No sound available: the banner still shows.
	}
}

/** Banners shown at once; the rest are counted ("and 12 more") and wait in the incident log. */
export const BANNER_LIMIT = 5;

export class LiveAlerts {
	alerts = $state.raw<AlertSummary[]>([]);
	connected = $state(false);

	#upsert(incident: AlertSummary, ring: boolean) {
		const others = this.alerts.filter((a) => a.id !== incident.id);
		if (incident.status === 'new') {
			this.alerts = [incident, ...others];
			if (ring) chime();
		} else {
			this.alerts = others;
		}
	}

	start(): () => void {
		const source = new EventSource('/api/live');
		source.onopen = () => (this.connected = true);
		source.onerror = () => (this.connected = false);
		const handle = (ring: boolean) => (e: MessageEvent<string>) =>
			this.#upsert(JSON.parse(e.data) as AlertSummary, ring);
		source.addEventListener('incident.new', handle(true));
		source.addEventListener('incident.urgent', handle(true));
		source.addEventListener('incident.updated', handle(false));
		return () => {
			source.close();
		};
	}

	/** Starts from the unacknowledged reports already waiting (the page's load data). */
	seed(waiting: AlertSummary[]): void {
		this.alerts = waiting;
	}

	async acknowledge(id: string): Promise<string | null> {
		const res = await fetch(`/api/incidents/${id}/acknowledge`, { method: 'POST' });
		if (!res.ok) return ((await res.json()) as { message?: string }).message ?? 'That did not work.';
		this.alerts = this.alerts.filter((a) => a.id !== id);
		return null;
	}
}
