/**
 * The one Server-Sent Events writer, for staff alerts and class tablets alike: it frames events,
 * keeps the connection warm with a heartbeat, and tears everything down once, whether the
 * browser hung up, the server closed it, or a write failed.
 */
const HEARTBEAT_MS = 20_000;

export interface EventSink {
	/** Sends one event (its data as JSON; `id` lets a browser say `Last-Event-ID` on reconnect). */
	send(type: string, data: unknown, id?: string | number): void;
	/** Sends raw SSE text (comments, `retry:`). */
	raw(text: string): void;
	close(): void;
	readonly closed: boolean;
}

/**
 * Opens a stream; `start` wires its subscriptions and returns what undoes them (called once,
 * when the stream ends for any reason).
 */
export function eventStream(request: Request, start: (sink: EventSink) => () => void): Response {
	const encoder = new TextEncoder();
	let stop = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			let closed = false;
			let cleanup = () => {};
			const sink: EventSink = {
				get closed() {
					return closed;
				},
				raw(text) {
					if (closed) return;
					try {
						controller.enqueue(encoder.encode(text));
					} catch {
						sink.close();
					}
				},
				send(type, data, id) {
					sink.raw(
						`${id === undefined ? '' : `id: ${id}\n`}event: ${type}\ndata: ${JSON.stringify(data)}\n\n`
					);
				},
				close() {
					if (closed) return;
					closed = true;
					stop();
					try {
						controller.close();
					} catch {
						// already closed
					}
				}
			};
			const heartbeat = setInterval(() => sink.raw(': still here\n\n'), HEARTBEAT_MS);
			stop = () => {
				stop = () => {};
				clearInterval(heartbeat);
				cleanup();
			};
			request.signal.addEventListener('abort', () => sink.close());
			sink.raw('retry: 3000\n: connected\n\n');
			cleanup = start(sink);
			if (closed) cleanup();
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
}
