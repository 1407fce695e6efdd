/**
 * Graceful shutdown on SIGTERM/SIGINT, for both engines. adapter-node stops accepting
 * connections and waits for the requests in progress (ingests included: a tablet is told
 * "acked" only once its events are committed), then emits `sveltekit:shutdown`. Harbour adds
 * what adapter-node cannot know about: live streams never end by themselves, so they are ended
 * at once with a reconnect hint; then the background duties stop and the LISTEN client, the pool
 * or the SQLite handle close, and the process exits. Whatever still hangs after SHUTDOWN_TIMEOUT
 * seconds is cut off by a hard exit.
 */
import { stopApp } from '../app';
import { log } from '../logger';
import { beginDraining } from './lifecycle';

let installed = false;

export function installShutdown(timeoutSeconds: number): void {
	if (installed) return;
	installed = true;
	let stopping = false;
	const onSignal = (signal: NodeJS.Signals) => {
		if (stopping) return;
		stopping = true;
		const streams = beginDraining();
		log.info({ signal, streams, timeoutSeconds }, 'Shutting down: finishing the requests in progress.');
		const hard = setTimeout(() => {
			log.error({ timeoutSeconds }, 'Shutdown took longer than SHUTDOWN_TIMEOUT; exiting now.');
			process.exit(1);
		}, timeoutSeconds * 1000);
		hard.unref();
	};
	process.on('SIGTERM', onSignal);
	process.on('SIGINT', onSignal);
	process.once('sveltekit:shutdown' as 'exit', () => {
		stopApp().then(
			() => {
				log.info('Harbour stopped.');
				process.exit(0);
			},
			(e: unknown) => {
				log.error({ err: (e as Error).message }, 'Harbour stopped with an error while closing.');
				process.exit(1);
			}
		);
	});
}
