/**
 * The reference deployment (deploy/), run for real on loopback: Debian's nginx with Harbour's
 * own upstream and locations in front of two app servers on one PostgreSQL. A tablet reports
 * through the proxy and the DSL on the other server hears it; one server is stopped mid-session
 * and the other carries on; a rolling restart during a steady trickle of presses loses nothing
 * that was acknowledged.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import {
	emptyPostgres,
	enrolledTablet,
	ensureNginxInstalled,
	logLines,
	openStream,
	portAt,
	postgresUrl,
	signedInStaff,
	startServer,
	stopAllServers,
	stopServer,
	storedEvents,
	trickle,
	pressEvent,
	waitReady,
	type DatabaseChoice,
	type Server
} from './service-helpers';

/** As deploy/harbour.env.example sets them: the client's address from nginx's X-Forwarded-For. */
const BEHIND_PROXY = { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' };

let nginx: ChildProcess | null = null;
test.afterEach(() => {
	stopAllServers();
	if (nginx && nginx.exitCode === null) nginx.kill('SIGKILL');
});

/**
 * An nginx configuration for the test: deploy/nginx/harbour.conf's upstream block (pointed at
 * the test's ports) and deploy/nginx/harbour-locations.conf as shipped, in a plain-HTTP server on
 * loopback (the shipped server blocks need a certificate).
 */
function nginxConfig(dir: string, listen: number, upstreams: number[]): string {
	const site = readFileSync('deploy/nginx/harbour.conf', 'utf8');
	const upstream = /upstream harbour \{[\s\S]*?\n\}/.exec(site)?.[0];
	expect(upstream, 'deploy/nginx/harbour.conf declares the harbour upstream').toBeTruthy();
	const pointed = upstream!
		.split('\n')
		.filter((l) => !/^\s*server 127\.0\.0\.1:300\d/.test(l))
		.join('\n')
		.replace(
			'upstream harbour {',
			`upstream harbour {\n${upstreams.map((p) => `\tserver 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n')}`
		);
	for (const sub of ['logs', 'tmp']) mkdirSync(join(dir, sub), { recursive: true });
	const conf = join(dir, 'nginx.conf');
	writeFileSync(
		conf,
		`daemon off;
user root;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 256; }
http {
	access_log ${dir}/logs/access.log;
	client_body_temp_path ${dir}/tmp/body;
	proxy_temp_path ${dir}/tmp/proxy;
	fastcgi_temp_path ${dir}/tmp/fastcgi;
	uwsgi_temp_path ${dir}/tmp/uwsgi;
	scgi_temp_path ${dir}/tmp/scgi;
	${pointed}
	server {
		listen 127.0.0.1:${listen};
		server_name localhost;
		include ${resolve('deploy/nginx/harbour-locations.conf')};
	}
}
`
	);
	return conf;
}

/** Which app server answered a request through the proxy: the one whose log has its id. */
function servedBy(requestId: string, servers: Server[]): Server | undefined {
	return servers.find((s) => logLines(s.stdout()).some((l) => l.requestId === requestId));
}

test('nginx in front of two app servers: reports cross servers, a stopped server is not missed, and a rolling restart loses no report', async () => {
	test.setTimeout(600_000);
	const nginxBin = ensureNginxInstalled();
	const url = await postgresUrl();
	await emptyPostgres(url);
	const db: DatabaseChoice = { engine: 'postgres', where: url };
	const [portA, portB, proxyPort] = [portAt(1), portAt(2), portAt(3)];
	const proxy = `http://127.0.0.1:${proxyPort}`;
	// One after the other: the first creates the schema and the demo school.
	let a = await startServer(portA, db, BEHIND_PROXY, proxy);
	let b = await startServer(portB, db, BEHIND_PROXY, proxy);

	const dir = mkdtempSync(join(tmpdir(), 'harbour-nginx-'));
	const conf = nginxConfig(dir, proxyPort, [portA, portB]);
	nginx = spawn(nginxBin, ['-p', dir, '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
	let nginxOut = '';
	nginx.stderr!.on('data', (d: Buffer) => (nginxOut += d.toString()));
	await waitReady(proxy, () => nginxOut);

	// Through the proxy: a tablet is set up and the DSL signs in (the address is the public one).
	const tablet = await enrolledTablet(proxy);
	const dsl = await signedInStaff(proxy, 'dsl@demo.harbour');
	// The DSL's screen on each server, and one through the proxy (unbuffered, so it connects).
	const onA = openStream(`${a.url}/api/live`, dsl.cookie);
	const onB = openStream(`${b.url}/api/live`, dsl.cookie);
	const viaProxy = openStream(`${proxy}/api/live`, dsl.cookie);
	await Promise.all([onA.opened, onB.opened, viaProxy.opened]);
	expect(viaProxy.text()).toContain(': connected');

	// A press through the proxy is heard by the DSL on the server that did not take it.
	const press = pressEvent();
	const res = await tablet.post('/api/events', { headers: { origin: proxy }, data: { events: [press] } });
	expect(res.status()).toBe(200);
	expect((await res.json()).acked).toEqual([press.id]);
	const id = res.headers()['x-request-id']!;
	await expect.poll(() => servedBy(id, [a, b])?.port, { timeout: 10_000 }).toBeTruthy();
	const other = servedBy(id, [a, b]) === a ? onB : onA;
	await expect.poll(() => other.text(), { timeout: 20_000 }).toContain('incident.new');
	await expect.poll(() => viaProxy.text(), { timeout: 20_000 }).toContain('incident.new');

	// A steady trickle of presses through the proxy for the rest of the session.
	const flow = trickle(tablet, proxy, 2, 50);
	const ackedBy = async (more: number) => {
		const target = flow.acked.size + more;
		await expect.poll(() => flow.acked.size, { timeout: 60_000 }).toBeGreaterThanOrEqual(target);
	};
	await ackedBy(10);

	// A is stopped mid-session: its streams are told to reconnect, and the proxy carries on with B.
	const stopA = await stopServer(a);
	expect(stopA.code).toBe(0);
	expect(stopA.ms).toBeLessThan(10_000);
	await onA.ended;
	expect(onA.text()).toContain('retry: 1000');
	await ackedBy(10);
	const again = openStream(`${proxy}/api/live`, dsl.cookie);
	await again.opened;
	expect(again.text()).toContain(': connected');
	const pressed = await tablet.post('/api/events', {
		headers: { origin: proxy },
		data: { events: [pressEvent()] }
	});
	expect(pressed.status()).toBe(200);
	await expect.poll(() => again.text(), { timeout: 20_000 }).toContain('incident.new');
	again.close();

	// The rest of a rolling restart: A comes back, B goes, B comes back; presses never stop.
	a = await startServer(portA, db, BEHIND_PROXY, proxy);
	await ackedBy(5);
	const stopB = await stopServer(b);
	expect(stopB.code).toBe(0);
	expect(stopB.ms).toBeLessThan(10_000);
	await ackedBy(10);
	b = await startServer(portB, db, BEHIND_PROXY, proxy);
	await ackedBy(10);
	await flow.stop();

	// Nothing acknowledged is missing, and both servers (the restarted ones) took some of it.
	const acked = [...flow.acked];
	const stored = await storedEvents(db, acked);
	expect(acked.filter((e) => !stored.has(e))).toEqual([]);
	expect(acked.length).toBeGreaterThanOrEqual(45);
	viaProxy.close();
	onB.close();
	await tablet.dispose();
	await dsl.context.dispose();
	for (const s of [a, b]) expect((await stopServer(s)).code).toBe(0);
});
