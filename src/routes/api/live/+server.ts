import { app } from '$lib/server/app';
import { canSeeIncidentsOf } from '$lib/server/incidents/visibility';
import type { LiveEvent } from '$lib/server/live/live-hub';
import type { RequestHandler } from './$types';

const HEARTBEAT_MS = 20_000;

/**
 * Server-Sent Events for staff screens: new reports, changes, and reports raised as urgent, for
 * the incidents this person may see. Urgent ones also reach every DSL and admin.
 */
export const GET: RequestHandler = ({ locals, request }) => {
	const staff = locals.who.staff!;
	const encoder = new TextEncoder();
	let stop = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					stop();
				}
			};
			const unsubscribe = app().live.subscribe((event: LiveEvent) => {
				if (canSeeIncidentsOf(staff, event.incident.classId)) {
					send(`event: ${event.type}\ndata: ${JSON.stringify(event.incident)}\n\n`);
				}
			});
			const heartbeat = setInterval(() => send(': still here\n\n'), HEARTBEAT_MS);
			stop = () => {
				clearInterval(heartbeat);
				unsubscribe();
			};
			request.signal.addEventListener('abort', () => {
				stop();
				try {
					controller.close();
				} catch {
					// already closed
				}
			});
			send('retry: 3000\n: connected\n\n');
		},
		cancel() {
			stop();
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
};
