/**
 * What a pupil screen tells the "Tell a grown-up" button about itself, so the report says what
 * was showing: a lesson and its step, a game, a search. Screens set it on mount and clear it on
 * unmount.
 *
 * A screen can also arm a practice press (the charter's "Practise telling a grown-up", a
 * lesson's practice step). A real worry must never be taken for practice, so practice is armed
 * only for the screen that armed it, only for a short time, and is disarmed by any navigation
 * (the pupil layout does that); while armed, the button looks different ("Practice").
 */
import type { ReportContext } from './report-events';

/** How long a practice stays armed without a press. */
export const PRACTICE_MS = 120_000;

const here = () => (typeof location === 'undefined' ? '' : location.pathname);

class ReportContextState {
	extra = $state.raw<Omit<ReportContext, 'screen'>>({});
	#armed = $state.raw<{ screen: string; until: number } | null>(null);
	#timer: ReturnType<typeof setTimeout> | undefined;

	/** Sets the screen's context; returns the function that clears it again. */
	describe(extra: Omit<ReportContext, 'screen'>): () => void {
		this.extra = extra;
		return () => {
			if (this.extra === extra) this.extra = {};
		};
	}

	/** Arms a practice press for `screen` (this page) for a short time. */
	arm(screen = here(), now = Date.now()): void {
		clearTimeout(this.#timer);
		this.#armed = { screen, until: now + PRACTICE_MS };
		this.#timer = setTimeout(() => this.disarm(), PRACTICE_MS);
	}

	disarm(): void {
		clearTimeout(this.#timer);
		this.#armed = null;
	}

	/** Whether a press on `screen` now would be practice (the button's look follows this). */
	armedFor(screen: string, now = Date.now()): boolean {
		const a = this.#armed;
		return a !== null && a.screen === screen && a.until > now;
	}

	/** A press on `screen`: was it practice? Either way, practice is used up. */
	takePractice(screen: string, now = Date.now()): boolean {
		const practice = this.armedFor(screen, now);
		this.disarm();
		return practice;
	}

	/** Shorthand for screens: `practice = true` arms this page, `false` disarms. */
	get practice(): boolean {
		return this.armedFor(here());
	}
	set practice(on: boolean) {
		if (on) this.arm();
		else this.disarm();
	}
}

export const reportContext = new ReportContextState();
