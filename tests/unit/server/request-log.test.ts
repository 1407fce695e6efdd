import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Handle } from '@sveltejs/kit';
import { createLogger, log, setLogger } from '../../../src/lib/server/logger';
import { withRequestLog } from '../../../src/lib/server/ops/request-log';
import { metricsAllowed } from '../../../src/lib/server/ops/metrics';

/** Captures the JSON lines a logger writes. */
function capture(): { lines: () => Record<string, unknown>[]; raw: () => string } {
	let raw = '';
	const sink = new Writable({
		write(chunk: Buffer, _enc, done) {
			raw += chunk.toString();
			done();
		}
	});
	setLogger(createLogger('info', sink));
	return {
		raw: () => raw,
		lines: () =>
			raw
				.split('\n')
				.filter(Boolean)
				.map((l) => JSON.parse(l) as Record<string, unknown>)
	};
}

/** What the request handler is given for one request (the parts the wrapper reads). */
function input(request: Request, routeId: string | null): Parameters<Handle>[0] {
	return {
		event: { request, route: { id: routeId }, url: new URL(request.url) },
		resolve: () => Promise.resolve(new Response('ok'))
	} as unknown as Parameters<Handle>[0];
}

const original = log;
afterEach(() => setLogger(original));

describe('the request log', () => {
	it('writes one line per request with its id, route, status and time, never the query or a cookie', async () => {
		const out = capture();
		const handle = withRequestLog(async () => new Response('done', { status: 201 }));
		const request = new Request('http://harbour.test/class/search?q=where-do-i-live', {
			headers: { cookie: 'harbour_staff=session-secret', authorization: 'Bearer token-secret' }
		});
		const response = await handle(input(request, '/(pupil)/class/(signed-in)/search'));
		expect(response.status).toBe(201);
		const [line] = out.lines();
		expect(line).toMatchObject({
			level: 'info',
			msg: 'request',
			method: 'GET',
			route: '/(pupil)/class/(signed-in)/search',
			status: 201
		});
		expect(typeof line!.ms).toBe('number');
		expect(line!.requestId).toBe(response.headers.get('x-request-id'));
		expect(out.raw()).not.toMatch(/where-do-i-live|session-secret|token-secret|harbour\.test/);
	});

	it("keeps a proxy's plain request id and replaces one that is not", async () => {
		const out = capture();
		const handle = withRequestLog(async () => new Response('ok'));
		await handle(input(new Request('http://h.test/', { headers: { 'x-request-id': 'abc12345def' } }), '/'));
		await handle(
			input(new Request('http://h.test/', { headers: { 'x-request-id': 'bad id {"forged":1}' } }), '/')
		);
		const [kept, replaced] = out.lines();
		expect(kept!.requestId).toBe('abc12345def');
		expect(replaced!.requestId).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('logs the status of a refusal thrown by the handler', async () => {
		const out = capture();
		const { error } = await import('@sveltejs/kit');
		const handle = withRequestLog(async () => error(403, 'No.'));
		await expect(handle(input(new Request('http://h.test/staff'), '/staff'))).rejects.toMatchObject({
			status: 403
		});
		expect(out.lines()[0]).toMatchObject({ status: 403, route: '/staff' });
	});
});

describe('the metrics token', () => {
	it('opens /metrics only with the exact bearer token, and never when none is set', () => {
		const token = 'a-long-metrics-token-123';
		expect(metricsAllowed(`Bearer ${token}`, token)).toBe(true);
		expect(metricsAllowed(`Bearer ${token}x`, token)).toBe(false);
		expect(metricsAllowed(token, token)).toBe(false);
		expect(metricsAllowed(null, token)).toBe(false);
		expect(metricsAllowed('Bearer ', undefined)).toBe(false);
		expect(metricsAllowed(`Bearer ${token}`, undefined)).toBe(false);
	});
});
