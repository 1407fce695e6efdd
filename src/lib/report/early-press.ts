/**
 * The hand-over from static/early-press.js: a "Tell a grown-up" press made before the app had
 * started (the cover is already showing). Called once the button is live; from then on the
 * button's own handler takes every press.
 */
interface EarlyPress {
	at: number;
	screen: string;
}

type EarlyWindow = Window & { __harbourStarted?: boolean; __harbourEarlyPress?: EarlyPress };

export function takeEarlyPress(): EarlyPress | null {
	const w = window as EarlyWindow;
	w.__harbourStarted = true;
	const early = w.__harbourEarlyPress ?? null;
	delete w.__harbourEarlyPress;
	return early;
}

/** Once the app has the press, it draws the cover itself: the page-level mark comes off. */
export function releaseEarlyCover(): void {
	document.documentElement.removeAttribute('data-early-press');
}
