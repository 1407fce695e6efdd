/// <reference lib="webworker" />
/**
 * Harbour's service worker (Workbox, injectManifest via @vite-pwa/sveltekit).
 * - Precaches the app shell and compiled content, so an enrolled tablet works offline.
 * - Pupil pages (/class…) are network-first with a short timeout and kept in a cache, so the
 *   class home opens offline as it was at the last sync. Staff pages are never cached.
 * - Flushes the outbox on Background Sync, even with every Harbour tab closed.
 * - Waits to activate until the page says so (see src/lib/pwa/updates.svelte.ts).
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { NetworkFirst, NetworkOnly } from 'workbox-strategies';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { flushOutbox } from '$lib/local-db/outbox';
import { HarbourLocalDb } from '$lib/local-db/db';

declare const self: ServiceWorkerGlobalScope;

const PAGES = 'harbour-pupil-pages';

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Take control as soon as this version activates. A first install activates at once; an update
// activates only when a page asks (SKIP_WAITING), and that page then reloads into it.
clientsClaim();

const isPupilPath = (path: string) => path === '/class' || path.startsWith('/class/');

registerRoute(
	({ request, url }) =>
		url.origin === self.location.origin &&
		request.method === 'GET' &&
		isPupilPath(url.pathname) &&
		(request.mode === 'navigate' || url.pathname.endsWith('/__data.json')),
	new NetworkFirst({
		cacheName: PAGES,
		networkTimeoutSeconds: 4,
		plugins: [new CacheableResponsePlugin({ statuses: [200] })]
	})
);

// The front door, offline, falls through to the catch handler below.
registerRoute(({ request, url }) => request.mode === 'navigate' && url.pathname === '/', new NetworkOnly());

// The start page of an enrolled tablet, offline: its cached class home.
setCatchHandler(async ({ request }) => {
	if (request.mode === 'navigate') {
		const cache = await caches.open(PAGES);
		const home = await cache.match('/class');
		if (home) return home;
	}
	return Response.error();
});

self.addEventListener('message', (event) => {
	const type = (event.data as { type?: string } | null)?.type;
	if (type === 'SKIP_WAITING') void self.skipWaiting();
	if (type === 'FORGET_PAGES') event.waitUntil(caches.delete(PAGES));
	if (type === 'REMEMBER_PAGE') event.waitUntil(rememberPage((event.data as { path: string }).path));
});

/** Keeps a pupil page (the class home) for offline use, right after the first online visit. */
async function rememberPage(path: string): Promise<void> {
	if (!isPupilPath(path)) return;
	const res = await fetch(path, { credentials: 'same-origin' });
	// A redirect means the class is not signed in: keep nothing rather than the wrong page.
	if (res.ok && !res.redirected) await (await caches.open(PAGES)).put(path, res);
}

interface SyncEvent extends ExtendableEvent {
	tag: string;
}
self.addEventListener('sync', ((event: SyncEvent) => {
	if (event.tag === 'harbour-outbox') {
		event.waitUntil(
			flushOutbox(new HarbourLocalDb(), { force: true }).then((r) => {
				// Throwing asks the browser to retry the sync later.
				if (r.status === 'failed') throw new Error(r.reason);
			})
		);
	}
}) as EventListener);

/**
 * Push alerts for staff who turned them on ("Get alerts on this device" on My account). The
 * payload says only which class, how urgent and when, and where the incident is
 * (src/lib/server/alerts/push.ts); tapping the notification opens that incident.
 */
interface AlertPush {
	title: string;
	body: string;
	url: string;
	tag: string;
	urgency: 'urgent' | 'routine';
}

self.addEventListener('push', (event) => {
	let alert: AlertPush;
	try {
		alert = event.data?.json() as AlertPush;
	} catch {
		return;
	}
	if (!alert?.title) return;
	event.waitUntil(
		self.registration.showNotification(alert.title, {
			body: alert.body,
			tag: alert.tag,
			data: { url: alert.url },
			icon: '/icons/icon-192.png',
			requireInteraction: alert.urgency === 'urgent'
		})
	);
});

self.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const raw = (event.notification.data as { url?: string } | null)?.url ?? '/staff/incidents';
	// Only Harbour's own pages open from a notification.
	const url = new URL(raw, self.location.origin);
	const target = url.origin === self.location.origin ? url.href : `${self.location.origin}/staff/incidents`;
	event.waitUntil(
		(async () => {
			const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
			const same = open.find((c) => c.url === target);
			if (same) return void (await same.focus());
			await self.clients.openWindow(target);
		})()
	);
});
