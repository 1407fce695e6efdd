/**
 * Kiosk idle return: after `seconds` without a touch, key or pointer, call `onIdle` (the pupil
 * layout sends the tablet back to the class home; the class stays signed in).
 */
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function watchIdle(seconds: number, onIdle: () => void): () => void {
	let timer: ReturnType<typeof setTimeout>;
	const reset = () => {
		clearTimeout(timer);
		timer = setTimeout(onIdle, seconds * 1000);
	};
	for (const e of ACTIVITY) window.addEventListener(e, reset, { passive: true });
	reset();
	return () => {
		clearTimeout(timer);
		for (const e of ACTIVITY) window.removeEventListener(e, reset);
	};
}
