/**
 * Service worker registration and the update policy: a new version installs in the background
 * and waits. It is applied only on the class home (between activities) or by a teacher from
 * the grown-ups screen, so a pupil is never interrupted mid-activity.
 */
export const SW_URL = '/service-worker.js';

class AppUpdates {
	waiting = $state(false);
	#registration: ServiceWorkerRegistration | null = null;
	#applying = false;

	async register(): Promise<void> {
		if (!('serviceWorker' in navigator) || this.#registration) return;
		try {
			const reg = await navigator.serviceWorker.register(SW_URL, { scope: '/' });
			this.#registration = reg;
			const check = () => {
				this.waiting = Boolean(reg.waiting && navigator.serviceWorker.controller);
			};
			check();
			reg.addEventListener('updatefound', () => {
				reg.installing?.addEventListener('statechange', check);
			});
			navigator.serviceWorker.addEventListener('controllerchange', () => {
				if (this.#applying) location.reload();
			});
			// Tablets stay open all day: look for a new version every 30 minutes.
			setInterval(() => void reg.update().catch(() => undefined), 30 * 60_000);
		} catch {
			// No service worker (private mode, old browser): the app still works online.
		}
	}

	/** Activates the waiting version and reloads into it. */
	apply(): void {
		const waiting = this.#registration?.waiting;
		if (!waiting) return;
		this.#applying = true;
		waiting.postMessage({ type: 'SKIP_WAITING' });
	}

	/** Ask the worker to keep this pupil page for offline use (it fetches a fresh copy). */
	async rememberPage(path: string): Promise<void> {
		if (!('serviceWorker' in navigator)) return;
		const reg = await navigator.serviceWorker.ready;
		reg.active?.postMessage({ type: 'REMEMBER_PAGE', path });
	}

	/** Forget cached pupil pages (class signed out, tablet removed). */
	async forgetPages(): Promise<void> {
		navigator.serviceWorker?.controller?.postMessage({ type: 'FORGET_PAGES' });
	}
}

export const appUpdates = new AppUpdates();
