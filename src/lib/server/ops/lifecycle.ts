/**
 * Where this server is in its life: serving, or draining after SIGTERM/SIGINT. While draining it
 * is not ready (`/api/ready` answers 503, so a load balancer sends new work elsewhere), its live
 * streams are ended with a short `retry:` hint (browsers reconnect at once, through the proxy,
 * to a server that is staying), and no new stream is opened here.
 */
import { liveConnections } from './metrics';

let draining = false;
const streams = new Set<() => void>();

export function isDraining(): boolean {
	return draining;
}

/** Registers an open live stream's closer; returns what unregisters it. */
export function trackStream(close: () => void): () => void {
	streams.add(close);
	liveConnections.set(streams.size);
	return () => {
		streams.delete(close);
		liveConnections.set(streams.size);
	};
}

/** Stops taking live streams and ends the open ones. Safe to call twice. */
export function beginDraining(): number {
	const ended = streams.size;
	draining = true;
	for (const close of [...streams]) close();
	return ended;
}

/** For tests that run the app in-process more than once. */
export function resetLifecycle(): void {
	draining = false;
	streams.clear();
	liveConnections.set(0);
}
