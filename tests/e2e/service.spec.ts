/**
 * Harbour run as a service, against the built app as an operator runs it: a stop (SIGTERM) in
 * the middle of a burst of reports loses nothing that was acknowledged and ends within
 * SHUTDOWN_TIMEOUT on both engines; live streams are told to reconnect; the JSON log and
 * /metrics say what an operator needs and nothing a child wrote.
 */
import { expect, test } from '@playwright/test';
import {
	METRICS_TOKEN,
	emptyPostgres,
	enrolledTablet,
	freshSqlite,
	logLines,
	openStream,
	portAt,
	postgresUrl,
	pressEvent,
	sendBatch,
	signedInStaff,
	startServer,
	stopAllServers,
	stopServer,
	storedEvents,
	trickle,
	type DatabaseChoice
} from './service-helpers';

test.describe.configure({ mode: 'serial' });
test.afterEach(() => stopAllServers());

for (const engine of ['sqlite', 'postgres'] as const) {
	test(`on ${engine}, SIGTERM during a burst of reports: every acknowledged report is stored, live streams are told to reconnect, and the server is gone within SHUTDOWN_TIMEOUT`, async () => {
		test.setTimeout(300_000);
		let db: DatabaseChoice = freshSqlite();
		if (engine === 'postgres') {
			const url = await postgresUrl();
			await emptyPostgres(url);
			db = { engine, where: url };
		}
		const server = await startServer(portAt(0), db);
		const tablet = await enrolledTablet(server.url);
		const dsl = await signedInStaff(server.url, 'dsl@demo.harbour');
		const stream = openStream(`${server.url}/api/live`, dsl.cookie);
		await stream.opened;

		const burst = trickle(tablet, server.url, 4);
		await expect.poll(() => burst.acked.size, { timeout: 60_000 }).toBeGreaterThan(20);
		const stopped = stopServer(server);
		const { ms, code } = await stopped;
		await burst.stop();

		expect(code, server.stdout()).toBe(0);
		expect(ms).toBeLessThan(10_000);
		// The staff screen's stream ended with a hint to come back soon (to another server).
		await stream.ended;
		expect(stream.text()).toContain('retry: 1000');
		const acked = [...burst.acked];
		expect(acked.length).toBeGreaterThan(20);
		const stored = await storedEvents(db, acked);
		expect(acked.filter((id) => !stored.has(id))).toEqual([]);

		const lines = logLines(server.stdout());
		expect(lines.some((l) => l.msg === 'Shutting down: finishing the requests in progress.')).toBe(true);
		expect(lines.at(-1)?.msg).toBe('Harbour stopped.');
		await tablet.dispose();
		await dsl.context.dispose();
	});
}

test('each request is one JSON log line with its id, route, status and time, and never its query, cookies or a child’s words; /metrics counts the traffic for the token holder only', async () => {
	test.setTimeout(240_000);
	const server = await startServer(portAt(0), freshSqlite());
	// A search query in a URL and in a report, a cookie: none may reach the log.
	const secret = 'my-secret-is-tiger-lily';
	try {
		const tablet = await enrolledTablet(server.url);
		const dsl = await signedInStaff(server.url, 'dsl@demo.harbour');
		const stream = openStream(`${server.url}/api/live`, dsl.cookie);
		await stream.opened;

		const ready = await tablet.get(`/api/ready?q=${secret}`, {
			headers: { 'x-request-id': 'proxy-id-1234' }
		});
		expect(ready.status()).toBe(200);
		expect(ready.headers()['x-request-id']).toBe('proxy-id-1234');
		const press = pressEvent();
		const words = await tablet.post('/api/events', {
			headers: { origin: server.url },
			data: {
				events: [
					// A press with the words searched for, and a malformed one carrying words.
					{
						...press,
						payload: { ...press.payload, context: { screen: '/class/search', searchQuery: secret } }
					},
					{ ...pressEvent(), payload: { words: secret } }
				]
			}
		});
		expect(words.status()).toBe(200);
		const acked = await sendBatch(tablet, server.url, 3);
		expect(acked).toHaveLength(3);
		// The DSL's screen hears the press (the banner the metrics time).
		await expect.poll(() => stream.text(), { timeout: 20_000 }).toContain('incident.new');

		// Metrics: refused without the token, with a wrong one, and counted with the right one.
		expect((await tablet.get('/metrics')).status()).toBe(401);
		expect(
			(
				await tablet.get('/metrics', { headers: { authorization: 'Bearer wrong-token-wrong-token' } })
			).status()
		).toBe(401);
		const metrics = await tablet.get('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
		expect(metrics.status()).toBe(200);
		const text = await metrics.text();
		expect(text).toMatch(/harbour_events_ingested_total\{kind="report.opened"\} 4\b/);
		expect(text).toMatch(/harbour_events_rejected_total \d+/);
		expect(text).not.toMatch(/harbour_events_rejected_total 0\b/);
		expect(text).toMatch(/harbour_outbox_lag_seconds_count [1-9]/);
		expect(text).toMatch(
			/harbour_http_request_duration_seconds_count\{route="\/api\/events",method="POST",status="200"\} [1-9]/
		);
		expect(text).toMatch(/harbour_alert_delivered_seconds_count\{channel="banner"\} [1-9]/);
		expect(text).toMatch(/harbour_live_connections 1\b/);
		expect(text).toMatch(/harbour_duty_runs_total\{duty="Sending alerts"\} [1-9]/);
		expect(text).not.toContain(secret);

		stream.close();
		await tablet.dispose();
		await dsl.context.dispose();
	} finally {
		await stopServer(server);
	}
	const out = server.stdout();
	const lines = logLines(out);
	const readyLine = lines.find((l) => l.route === '/api/ready' && l.requestId === 'proxy-id-1234');
	expect(readyLine).toMatchObject({ level: 'info', method: 'GET', status: 200, msg: 'request' });
	expect(typeof readyLine!.ms).toBe('number');
	const ingest = lines.find((l) => l.route === '/api/events');
	expect(ingest).toMatchObject({ method: 'POST', status: 200 });
	expect(String(ingest!.requestId)).toMatch(/^[0-9a-f-]{36}$/);
	expect(lines.some((l) => l.msg === 'Events rejected' && l.rejected === 1)).toBe(true);
	expect(out).not.toContain(secret);
	// Neither cookies nor passwords (the demo school's sign-in help is printed once, as plain text).
	const json = JSON.stringify(lines);
	expect(json).not.toMatch(/harbour_(device|staff|class)/i);
	expect(json).not.toContain('harbour-demo');
});
