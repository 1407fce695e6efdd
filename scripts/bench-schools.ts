// Many schools on one deployment (issue 16), `npm run bench -- --only=schools`: 50 schools × 30
// tablets on one PostgreSQL database behind TWO app servers (two `node build/index.js`, as a load
// balancer would share them), sending a school day's events compressed into a couple of minutes.
// Measured: events per second sustained; press → DSL banner p95, the press sent to one server and
// the DSL listening on the other; and the database per school per year, projected from the run.
//
// The schools, classes, tablets and DSL sessions are made straight in the database with the
// features' own functions (as `npm run school:add`, the admin's classes screen and the enrol
// screen would leave them), so 1,500 tablets take seconds, not 1,500 browser walks.
//
// It EMPTIES the database it is given: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the
// local one `npm test` sets up.
import http from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { openSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/lib/server/db/connect';
import { addSchool } from '../src/lib/server/tenancy/schools';
import { FIRST_SCHOOL_ID, withSchool } from '../src/lib/server/tenancy/context';
import { createClass } from '../src/lib/server/school/classes';
import { createStaff } from '../src/lib/server/school/staff';
import { enrolDevice } from '../src/lib/server/auth/devices';
import { DEVICE_COOKIE, STAFF_COOKIE, createStaffSession } from '../src/lib/server/auth/sessions';
import { compileLessons } from '../tooling/compile-lessons';
import { SchoolClient } from '../tests/e2e/school-client';
import { emptyPostgres } from '../tests/e2e/service-helpers';
import { percentile, type BenchRow } from './lib/bench-row';
import { appRoleUrl } from './lib/system-deps.js';

/** Every row of this bench starts so (`--only=schools` replaces just these in results.json). */
export const SCHOOLS_ROWS = 'Many schools';
const SCHOOLS = 50;
const CLASSES = [
	{ name: 'Ladybirds', yearGroup: 'Reception', picture: 'ladybird' },
	{ name: 'Robins', yearGroup: 'Year 1', picture: 'robin' },
	{ name: 'Owls', yearGroup: 'Year 2', picture: 'owl' }
];
const TABLETS_PER_CLASS = 10; // 30 tablets a school
/** Schools whose DSL has the staff screen open (on the other server) while their tablets press. */
const LISTENING = 5;

// A school day on one tablet (what the outbox sends): two lessons (started, 12 steps, 2 choices,
// 2 answers, finished: 18 events each), 8 searches and a game = 45 events; and a school has a few
// reports a day (3 presses of "Tell a grown-up", 2 events each). So a school day is
// 30 × 45 + 3 × 2 = 1,356 events, and a school year 190 such days.
const LESSONS_A_DAY = 2;
const STEPS = 12;
const SEARCHES_A_DAY = 8;
const REPORTS_A_DAY = 3;
const EVENTS_PER_TABLET_DAY = LESSONS_A_DAY * (STEPS + 6) + SEARCHES_A_DAY + 1;
const EVENTS_PER_SCHOOL_DAY = TABLETS_PER_CLASS * CLASSES.length * EVENTS_PER_TABLET_DAY + REPORTS_A_DAY * 2;
const SCHOOL_DAYS = 190;
/** The outbox sends what has waited since its last flush: about a lesson's worth at a time. */
const BATCH = 15;
/** Requests in flight at once, per server (tablets of the whole deployment sending together). */
const IN_FLIGHT = 12;
/** A probe press into a listening school this often while the day's load runs. */
const PRESS_EVERY_MS = 400;
/** First half the day, as fast as the two servers take it: what the deployment sustains (cut here). */
const SATURATED_MS = 90_000;
/**
 * Then the other half of the day at the pace of a school day compressed into ten minutes (all 50
 * schools' 1,356 events a school in 600 s, about 113 events/s): the banner p95 under that load.
 */
const DAY_IN_MS = 600_000;
const PACED_MS = 60_000;

const SEARCH_WORDS = ['dinosaurs', 'how do bees make honey', 'rainbow', 'space rockets', 'frogs', 'castles'];

interface Tablet {
	school: number;
	cookie: string;
}

/** As a trust deploys it: the app connects as a role that owns nothing; the owner migrates. */
function startServer(port: number, url: string): ChildProcess {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		DATABASE_URL: appRoleUrl(url),
		DATABASE_OWNER_URL: url,
		DATABASE_PATH: '',
		HARBOUR_DEMO: '0',
		HARBOUR_DOMAIN: 'localhost',
		PROTOCOL_HEADER: 'x-forwarded-proto',
		LOG_LEVEL: 'warn'
	};
	delete env.ORIGIN;
	// Its JSON log (warnings and errors) is kept: a batch not acknowledged says why in it.
	const logFile = openSync(serverLog(port), 'w');
	return spawn(process.execPath, ['build/index.js'], { env, stdio: ['ignore', logFile, 'inherit'] });
}

async function ready(port: number): Promise<void> {
	for (let i = 0; i < 600; i++) {
		try {
			if ((await fetch(`http://127.0.0.1:${port}/api/ready`)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`The app server on port ${port} did not become ready for the schools bench.`);
}

const serverLog = (port: number) => join(tmpdir(), `harbour-bench-schools-${port}.log`);

const slugOf = (i: number) => `s${String(i + 1).padStart(2, '0')}`;

/** 50 schools, each with three classes of ten enrolled tablets and a DSL with a session. */
async function seed(url: string): Promise<{ tablets: Tablet[]; dslCookies: string[] }> {
	const h = await openDatabase({ engine: 'postgres', url });
	try {
		const ids = [FIRST_SCHOOL_ID];
		await h.db
			.updateTable('schools')
			.set({ slug: slugOf(0), name: 'Bench school 1' })
			.where('id', '=', FIRST_SCHOOL_ID)
			.execute();
		for (let i = 1; i < SCHOOLS; i++)
			ids.push((await addSchool(h.db, 'postgres', { slug: slugOf(i), name: `Bench school ${i + 1}` })).id);
		const tablets: Tablet[] = [];
		/** The listening schools' DSLs, by school: the stream of school i is DSL i's. */
		const dslCookies: string[] = [];
		// Several schools at once (each school's own rows in order): seconds, not minutes.
		let nextSchool = 0;
		const seedOne = async (i: number, id: string) =>
			withSchool(id, async () => {
				const dsl = await createStaff(h.db, {
					email: `dsl@${slugOf(i)}.bench`,
					displayName: 'Bench DSL',
					role: 'dsl',
					classId: null,
					password: randomUUID()
				});
				if (i < LISTENING) {
					const session = await createStaffSession(h.db, dsl, {
						staffIdleMinutes: 60,
						staffMaxHours: 8,
						classSessionDays: 1
					});
					dslCookies[i] = `${STAFF_COOKIE}=${session.token}`;
				}
				for (const c of CLASSES) {
					const info = await createClass(h.db, c);
					for (let t = 0; t < TABLETS_PER_CLASS; t++) {
						const { token } = await enrolDevice(h.db, info.id, dsl);
						tablets.push({ school: i, cookie: `${DEVICE_COOKIE}=${token}` });
					}
				}
			});
		await Promise.all(
			Array.from({ length: 6 }, async () => {
				while (nextSchool < ids.length) {
					const i = nextSchool++;
					await seedOne(i, ids[i]!);
				}
			})
		);
		return { tablets, dslCookies };
	} finally {
		await h.close();
	}
}

const ev = (kind: string, payload: unknown) => ({
	id: randomUUID(),
	kind,
	clientTime: new Date().toISOString(),
	payload
});

/** One tablet's school day, in the batches its outbox would send. */
function tabletDay(lessons: string[]): object[][] {
	const events: object[] = [];
	for (let l = 0; l < LESSONS_A_DAY; l++) {
		const lesson = lessons[Math.floor(Math.random() * lessons.length)]!;
		events.push(ev('lesson.started', { lesson }));
		for (let s = 0; s < STEPS; s++) {
			events.push(ev('lesson.step', { lesson, step: `step-${s + 1}`, index: s }));
			if (s === 4 || s === 8)
				events.push(
					ev('lesson.choice', { lesson, step: `step-${s + 1}`, scene: 'start', choice: 0, to: 'next' })
				);
			if (s === 6 || s === 10)
				events.push(ev('lesson.answer', { lesson, step: `step-${s + 1}`, answer: 1, right: true }));
		}
		events.push(ev('lesson.finished', { lesson }));
	}
	for (let s = 0; s < SEARCHES_A_DAY; s++) {
		const query = SEARCH_WORDS[s % SEARCH_WORDS.length]!;
		events.push(ev('search.logged', { query, verdict: 'allow', category: null, resultCount: 3 }));
	}
	events.push(
		ev('game.finished', { game: 'kind-words', level: 'year-1', hints: 2, minutes: 6, from: 'games' })
	);
	const batches: object[][] = [];
	for (let i = 0; i < events.length; i += BATCH) batches.push(events.slice(i, i + BATCH));
	return batches;
}

const press = (token: string) => {
	const reportId = randomUUID();
	return [
		ev('report.opened', {
			reportId,
			practice: false,
			source: 'button',
			context: { screen: `/class/${token}` }
		}),
		ev('report.completed', { reportId, practice: false, feeling: 'worried', what: 'someone-unkind' })
	];
};

function client(port: number, school: number, agent: http.Agent, cookie: string): SchoolClient {
	const c = new SchoolClient(port, `${slugOf(school)}.localhost`, agent);
	const [name, value] = cookie.split('=');
	c.cookies.set(name!, value!);
	return c;
}

async function dbSize(url: string): Promise<number> {
	const c = new pg.Client({ connectionString: url });
	await c.connect();
	try {
		await c.query('checkpoint').catch(() => undefined); // not allowed to every role: best effort
		const { rows } = await c.query<{ n: string }>('select pg_database_size(current_database()) as n');
		return Number(rows[0]!.n);
	} finally {
		await c.end();
	}
}

async function databaseUrl(): Promise<string> {
	const given = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
	if (given) return given;
	const { ensurePostgres } = (await import('./lib/system-deps.js')) as { ensurePostgres: () => string };
	return ensurePostgres();
}

export async function schoolsBenchRows(firstPort: number): Promise<BenchRow[]> {
	const url = await databaseUrl();
	await emptyPostgres(url);
	console.log(`Schools bench: seeding ${SCHOOLS} schools × ${TABLETS_PER_CLASS * CLASSES.length} tablets…`);
	const { tablets, dslCookies } = await seed(url);
	const ports = [firstPort, firstPort + 1];
	// One after the other: each migrates and grants as the owner at start, and two at the same
	// moment can collide in PostgreSQL ("tuple concurrently updated").
	const servers: ChildProcess[] = [];
	try {
		for (const p of ports) {
			servers.push(startServer(p, url));
			await ready(p);
		}
		const agents = ports.map(() => new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT * 2 }));
		const lessons = compileLessons(process.cwd()).lessons.map((l) => l.id);

		// Each listening school's DSL on the SECOND server; their tablets press on the FIRST.
		const sent = new Map<string, number>();
		const latencies: number[] = [];
		const streams = dslCookies.map((cookie, school) => {
			let buffer = '';
			return client(ports[1]!, school, agents[1]!, cookie).stream('/api/live', (chunk) => {
				const at = performance.now();
				buffer += chunk;
				let end: number;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const frame = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					if (!frame.includes('event: incident.new')) continue;
					const token = frame.match(/\/class\/(bench-[0-9a-f-]+)/)?.[1];
					const t0 = token ? sent.get(token) : undefined;
					if (t0 !== undefined) {
						latencies.push(at - t0);
						latencyIn[phaseOf.get(token!) ?? 'saturated'].push(at - t0);
						sent.delete(token!);
					}
				}
			});
		});
		for (const s of streams) {
			if ((await s.status) !== 200) throw new Error('A DSL live stream was refused.');
			await s.opened;
		}

		// Every tablet's day, tablets in a random order, half of them on each server. A tablet's
		// outbox sends one batch at a time, in order; many tablets send at once.
		const days = tablets.map((t, n) => ({ t, n, batches: tabletDay(lessons) }));
		for (let i = days.length - 1; i > 0; i--) {
			const j = Math.floor(Math.random() * (i + 1));
			[days[i], days[j]] = [days[j]!, days[i]!];
		}
		const batchCount = days.reduce((sum, d) => sum + d.batches.length, 0);
		const before = await dbSize(url);
		const loadBefore = loadavg()[0]!;
		let acked = 0;
		let rejected = 0;
		let failed = 0;
		const failures = new Map<string, number>();
		/** A batch not acknowledged (the tablet keeps it and sends again): counted by why. */
		const fail = (why: string) => {
			failed++;
			failures.set(why, (failures.get(why) ?? 0) + 1);
		};
		let next = 0;
		let cut = false;
		type Phase = 'saturated' | 'paced';
		let phase: Phase = 'saturated';
		const phaseOf = new Map<string, Phase>();
		const latencyIn: Record<Phase, number[]> = { saturated: [], paced: [] };
		const ackedIn: Record<Phase, number> = { saturated: 0, paced: 0 };
		/** Every tablet's day in turn until the deadline; at `rate` events/s in all, when given. */
		const send = (ms: number, rate: number | null, until: number) => {
			const from = performance.now();
			let scheduled = 0;
			return Array.from({ length: IN_FLIGHT * ports.length }, async () => {
				while (next < until) {
					const { t, n, batches } = days[next++]!;
					const c = client(ports[n % 2]!, t.school, agents[n % 2]!, t.cookie);
					for (const events of batches) {
						if (rate) {
							const due = from + (scheduled / rate) * 1000;
							scheduled += events.length;
							const wait = due - performance.now();
							if (wait > 0) await new Promise((r) => setTimeout(r, wait));
						}
						if (performance.now() - from > ms) {
							if (!rate) cut = true;
							return;
						}
						try {
							const res = await c.post('/api/events', { json: { events }, keepCookies: false });
							if (res.status !== 200) fail(String(res.status));
							else {
								const body = JSON.parse(res.body) as { acked: string[]; rejected: unknown[] };
								acked += body.acked.length;
								ackedIn[rate ? 'paced' : 'saturated'] += body.acked.length;
								rejected += body.rejected.length;
							}
						} catch (e) {
							fail((e as NodeJS.ErrnoException).code ?? 'no answer');
						}
					}
				}
			});
		};
		const start = performance.now();
		// Probe presses while the load runs: a listening school's tablet, on the first server.
		const listeningTablets = tablets.filter((t) => t.school < LISTENING);
		let pressing = true;
		let presses = 0;
		const prober = (async () => {
			while (pressing) {
				const t = listeningTablets[Math.floor(Math.random() * listeningTablets.length)]!;
				const token = `bench-${randomUUID()}`;
				sent.set(token, performance.now());
				phaseOf.set(token, phase);
				presses++;
				void client(ports[0]!, t.school, agents[0]!, t.cookie)
					.post('/api/events', { json: { events: press(token) }, keepCookies: false })
					.then((res) => {
						if (res.status === 200) acked += 2;
						else fail(String(res.status));
					})
					.catch(() => fail('no answer'));
				await new Promise((r) => setTimeout(r, PRESS_EVERY_MS));
			}
		})();
		// Half the tablets' days as fast as the servers take them, the other half paced.
		const half = Math.floor(days.length / 2);
		await Promise.all(send(SATURATED_MS, null, half));
		const seconds = (performance.now() - start) / 1000;
		const saturatedAcked = ackedIn.saturated;
		// Let the queues drain, then the paced part of the day.
		await new Promise((r) => setTimeout(r, 3000));
		phase = 'paced';
		const paceRate = (EVENTS_PER_SCHOOL_DAY * SCHOOLS) / (DAY_IN_MS / 1000);
		const pacedStart = performance.now();
		next = Math.max(next, half);
		await Promise.all(send(PACED_MS, paceRate, days.length));
		const pacedSeconds = (performance.now() - pacedStart) / 1000;
		pressing = false;
		await prober;
		// The last presses' banners: a few seconds at most.
		for (let i = 0; i < 50 && sent.size > 0; i++) await new Promise((r) => setTimeout(r, 200));
		const loadAfter = loadavg()[0]!;
		for (const s of streams) s.close();
		const after = await dbSize(url);
		for (const a of agents) a.destroy();

		const perSchoolSent = acked / SCHOOLS;
		const perSchoolBytes = (after - before) / SCHOOLS;
		const yearMb = ((perSchoolBytes / perSchoolSent) * EVENTS_PER_SCHOOL_DAY * SCHOOL_DAYS) / 1024 / 1024;
		const p95 = percentile(latencyIn.paced, 95);
		const saturatedP95 = percentile(latencyIn.saturated, 95);
		const load = `load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on ${ports.length} servers`;
		return [
			{
				name: `${SCHOOLS_ROWS} (${SCHOOLS} × ${tablets.length / SCHOOLS} tablets, 2 servers): events ingested, sustained`,
				value: Math.round(saturatedAcked / seconds),
				unit: 'events/s',
				detail:
					`${saturatedAcked} events in ${seconds.toFixed(0)} s as fast as the servers took them (of ${batchCount} batches of ≤ ${BATCH} in the day)` +
					`${cut ? ', cut at the time limit' : ''}; ${rejected} rejected, ${failed} batches not acknowledged` +
					`${failed ? ` (${[...failures].map(([k, n]) => `${k} × ${n}`).join(', ')}; a tablet sends them again; see ${ports.map(serverLog).join(', ')})` : ''}; ${load}`
			},
			{
				name: `${SCHOOLS_ROWS}: press → DSL banner on the other server, p95, a school day in ten minutes`,
				value: Math.round(p95),
				unit: 'ms',
				budget: '≤ 250 ms',
				pass: p95 <= 250 && latencyIn.paced.length > 0,
				detail: `${latencyIn.paced.length} presses (p50 ${Math.round(percentile(latencyIn.paced, 50))} ms) while ${Math.round(ackedIn.paced / pacedSeconds)} events/s came in (paced at ${Math.round(paceRate)}/s: 50 schools' day in ${DAY_IN_MS / 60_000} minutes)`
			},
			{
				name: `${SCHOOLS_ROWS}: press → DSL banner, p95, servers saturated`,
				value: Math.round(saturatedP95),
				unit: 'ms',
				detail: `${latencyIn.saturated.length} presses (p50 ${Math.round(percentile(latencyIn.saturated, 50))} ms) while the servers took all they could (the row above); ${latencies.length} of ${presses} presses arrived in all`
			},
			{
				name: `${SCHOOLS_ROWS}: database per school per year (projected)`,
				value: Math.round(yearMb),
				unit: 'MB',
				detail:
					`grew ${((after - before) / 1024 / 1024).toFixed(1)} MB for ${Math.round(perSchoolSent)} events a school;` +
					` a day is ${EVENTS_PER_SCHOOL_DAY} events a school, × ${SCHOOL_DAYS} days`
			}
		];
	} finally {
		for (const s of servers) s.kill('SIGTERM');
	}
}
