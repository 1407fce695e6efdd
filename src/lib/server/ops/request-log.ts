/**
 * Wraps the request handler: a request id (a proxy's plain `X-Request-Id`, such as nginx's
 * `$request_id`, or a new one; sent back as `x-request-id`), one log line when the request is
 * answered (route id, method, status, ms: never the URL, its query, cookies or headers), its
 * time in the latency histogram, and `Connection: close` while the server is stopping, so a
 * proxy sends what comes next to another server.
 */
import { isHttpError, isRedirect, type Handle } from '@sveltejs/kit';
import { logRequest } from '../logger';
import { isDraining } from './lifecycle';
import { requestSeconds } from './metrics';

function requestIdFor(request: Request): string {
	const given = request.headers.get('x-request-id');
	return given && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : crypto.randomUUID();
}

export function withRequestLog(inner: Handle): Handle {
	return async (input) => {
		const started = performance.now();
		const requestId = requestIdFor(input.event.request);
		const route = input.event.route.id;
		const method = input.event.request.method;
		const done = (status: number) => {
			const ms = Math.round((performance.now() - started) * 10) / 10;
			logRequest({ requestId, method, route, status, ms });
			requestSeconds.observe({ route: route ?? 'none', method, status: String(status) }, ms / 1000);
		};
		let response: Response;
		try {
			response = await inner(input);
		} catch (e) {
			done(isRedirect(e) || isHttpError(e) ? e.status : 500);
			throw e;
		}
		done(response.status);
		try {
			response.headers.set('x-request-id', requestId);
			if (isDraining()) response.headers.set('connection', 'close');
		} catch {
			// A response with immutable headers keeps its own.
		}
		return response;
	};
}
