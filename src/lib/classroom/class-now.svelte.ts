/**
 * The class tablet's view of its class's "lesson now": one Server-Sent Events connection that
 * gets the current state at once and every change after, reconnecting by itself with backoff
 * when the network drops, and re-reading the state on `online` and when the tablet is shown
 * again. The last state is kept in localStorage, so the class home shows the lesson offline, and
 * the launches already opened (and ended) are remembered, so none opens twice.
 */
import type { ClassNowState } from './class-now';
import { retryDelay } from '../local-db/backoff';

const STATE_KEY = 'harbour-class-now';
const HANDLED_KEY = 'harbour-class-now-handled';
const KEEP_HANDLED = 30;
/** What a tablet does once per launch: open it, start the lesson afresh, go home at its end. */
type Handling = 'opened' | 'started' | 'ended';

function readJson<T>(key: string, fallback: T): T {
	try {
		return (JSON.parse(localStorage.getItem(key) ?? 'null') as T | null) ?? fallback;
	} catch {
		return fallback;
	}
}
function writeJson(key: string, value: unknown): void {
	try {
		localStorage.setItem(key, JSON.stringify(value));
	} catch {
		// Storage full: the state still works for this visit.
	}
}

class ClassNow {
	state = $state.raw<ClassNowState | null>(null);
	/** Connected to the server now (for the grown-ups and the tests). */
	live = $state(false);

	#source: EventSource | null = null;
	#retry: ReturnType<typeof setTimeout> | null = null;
	#failures = 0;
	#users = 0;

	/** Starts listening (once, however many screens ask); returns what stops it. */
	start(): () => void {
		if (this.#users++ === 0) {
			this.state = readJson<ClassNowState | null>(STATE_KEY, null);
			this.#connect();
			window.addEventListener('online', this.#wake);
			document.addEventListener('visibilitychange', this.#wake);
		}
		return () => {
			if (--this.#users > 0) return;
			window.removeEventListener('online', this.#wake);
			document.removeEventListener('visibilitychange', this.#wake);
			if (this.#retry) clearTimeout(this.#retry);
			this.#retry = null;
			this.#source?.close();
			this.#source = null;
			this.live = false;
		};
	}

	/** Takes a state if it is newer than the one held (another launch, or a higher version). */
	apply(next: ClassNowState | null): void {
		if (!next || typeof next.launchId !== 'string') return;
		const now = this.state;
		if (now && now.launchId === next.launchId && now.version >= next.version) return;
		this.state = next;
		writeJson(STATE_KEY, next);
	}

	/** Whether this tablet has already done `what` for this launch. */
	handled(launchId: string, what: Handling): boolean {
		return readJson<string[]>(HANDLED_KEY, []).includes(`${what}:${launchId}`);
	}
	markHandled(launchId: string, what: Handling): void {
		const list = readJson<string[]>(HANDLED_KEY, []).filter((x) => x !== `${what}:${launchId}`);
		writeJson(HANDLED_KEY, [...list, `${what}:${launchId}`].slice(-KEEP_HANDLED));
	}

	/** Reads the state once (on `online`, when shown again) and reconnects if the stream is down. */
	#wake = () => {
		if (document.visibilityState === 'hidden') return;
		void this.refresh();
		if (!this.#source || this.#source.readyState === EventSource.CLOSED) {
			this.#failures = 0;
			this.#connect();
		}
	};

	async refresh(): Promise<void> {
		try {
			const res = await fetch('/api/class/now', { cache: 'no-store' });
			if (res.ok) this.apply(((await res.json()) as { state: ClassNowState | null }).state);
		} catch {
			// Offline: the kept state stands until the next sync.
		}
	}

	#connect(): void {
		if (this.#retry) clearTimeout(this.#retry);
		this.#retry = null;
		this.#source?.close();
		const source = new EventSource('/api/class/now/stream');
		this.#source = source;
		source.addEventListener('open', () => {
			this.#failures = 0;
			this.live = true;
		});
		source.addEventListener('class.now', (e) => {
			try {
				this.apply(JSON.parse((e as MessageEvent<string>).data) as ClassNowState);
			} catch {
				// Not ours: ignored.
			}
		});
		source.addEventListener('error', () => {
			this.live = false;
			// The browser retries by itself while it can; once it gives up, we retry, backing off.
			if (source.readyState !== EventSource.CLOSED || this.#source !== source) return;
			this.#retry = setTimeout(() => this.#connect(), retryDelay(++this.#failures));
		});
	}
}

export const classNow = new ClassNow();
