/**
 * The alert chime, made to work with browsers' autoplay rule: sound can only start after a person
 * touches the page, so the staff layout asks once ("Turn alert sound on") and shows whether it is
 * on. The choice is remembered on this device; on later visits the sound comes back at the first
 * click or key press anywhere. After that every alert chimes (at most one chime every few seconds,
 * however many arrive at once).
 */
const KEY = 'harbour.alertSound';
const GAP_MS = 3_000;

export type SoundState = 'off' | 'on' | 'waiting';

export class AlertSound {
	/** This device's choice. */
	wanted = $state(false);
	/** The browser let sound start (the AudioContext is running). */
	running = $state(false);
	/** Chimes played since the page opened (shown as data-chimes, for tests). */
	chimes = $state(0);
	#ctx: AudioContext | null = null;
	#last = 0;

	get state(): SoundState {
		if (!this.wanted) return 'off';
		return this.running ? 'on' : 'waiting';
	}

	/** On page start: the remembered choice, and the first-click unlock it needs. */
	start(): () => void {
		try {
			this.wanted = localStorage.getItem(KEY) === 'on';
		} catch {
			this.wanted = false;
		}
		const unlock = () => {
			if (this.wanted && !this.running) void this.#unlock();
		};
		document.addEventListener('pointerdown', unlock, true);
		document.addEventListener('keydown', unlock, true);
		return () => {
			document.removeEventListener('pointerdown', unlock, true);
			document.removeEventListener('keydown', unlock, true);
		};
	}

	/** "Turn alert sound on": must run inside the click. */
	async turnOn(): Promise<void> {
		this.wanted = true;
		this.#remember('on');
		await this.#unlock();
	}

	turnOff(): void {
		this.wanted = false;
		this.#remember('off');
	}

	#remember(value: string) {
		try {
			localStorage.setItem(KEY, value);
		} catch {
			// Private mode: the choice lasts for this page only.
		}
	}

	async #unlock(): Promise<void> {
		try {
			this.#ctx ??= new AudioContext();
			const ctx = this.#ctx;
			ctx.onstatechange = () => {
				this.running = ctx.state === 'running';
			};
			if (ctx.state !== 'running') await ctx.resume();
			this.running = ctx.state === 'running';
		} catch {
			this.running = false;
		}
	}

	/** Two soft notes, if sound is on. */
	chime(): void {
		const ctx = this.#ctx;
		if (!this.wanted || !ctx || ctx.state !== 'running') return;
		const now = Date.now();
		if (now - this.#last < GAP_MS) return;
		this.#last = now;
		const t = ctx.currentTime;
		for (const [i, freq] of [660, 880].entries()) {
			const osc = ctx.createOscillator();
			const gain = ctx.createGain();
			osc.frequency.value = freq;
			gain.gain.setValueAtTime(0.0001, t + i * 0.25);
			gain.gain.exponentialRampToValueAtTime(0.3, t + i * 0.25 + 0.02);
			gain.gain.exponentialRampToValueAtTime(0.0001, t + i * 0.25 + 0.4);
			osc.connect(gain).connect(ctx.destination);
			osc.start(t + i * 0.25);
			osc.stop(t + i * 0.25 + 0.45);
		}
		this.chimes++;
	}
}

/** One per page: the layout's control and the live alerts share it. */
export const alertSound = new AlertSound();
