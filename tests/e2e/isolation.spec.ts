/**
 * Many schools on one deployment (issue 16): school A (Oak) cannot reach school B (Ash). Ash's
 * staff and tablets make real data through the app (a press of "Tell a grown-up" with a drawing,
 * searches, lesson progress, a concern recorded by hand with a screenshot, a list change, a
 * launched lesson, a new member of staff); then every route in the access matrix is asked, with
 * Ash's ids in every place an id goes, by each of Oak's people (teacher, DSL, admin, governor,
 * a class tablet, a stranger): GET, and POST, PUT and DELETE with Ash's ids in the body, and each
 * form action and endpoint that changes something, aimed at Ash's records. Nothing answers 5xx,
 * no answer carries anything of Ash's, and Ash's rows in the database are exactly as they were.
 * Oak's live streams stay silent about Ash's press and launch while carrying Oak's own, and Oak's
 * cookies are no one at Ash's address.
 *
 * The app server is the built one on PostgreSQL with the demo trust (oak, ash, elm on
 * `<slug>.localhost`), connecting as a role that owns nothing; Node speaks to it on loopback with
 * each school's Host (school-client.ts). Oak's people here are school accounts: the trust's own
 * roles (a trust DSL reads every school's concerns by design) are schools.spec.ts's to test.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { ACCESS } from '../../src/lib/server/auth/access';
import { appRoleUrl } from '../../scripts/lib/system-deps.js';
import { PASSWORD, PIN, TEACHER } from './helpers';
import { emptyPostgres, portAt, postgresUrl, startServer, stopAllServers } from './service-helpers';
import { actionData, multipart, SchoolClient, type Reply } from './school-client';

test.afterEach(() => stopAllServers());

/** Lower-case letters and digits only, so no escaping, case folding or word splitting hides it. */
const RUN = randomBytes(4).toString('hex');
const MARK = `ashsecret${RUN}`;
const marker = (what: string) => `${MARK}${what}`;

/** Lessons are shared content; the one Ash launches is Ash's choice, Oak launches another. */
const ASH_LAUNCH = 'is-it-true';
const OAK_LAUNCH = 'passwords-are-private';
const ASH_PLAYED = 'who-made-it';

/** A tiny real PNG whose text chunk carries a marker (a child's drawing, a screenshot). */
function pngWith(text: string): Buffer {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc = (b: Buffer) => {
		let c = 0xffffffff;
		for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const chunk = (type: string, data: Buffer) => {
		const len = Buffer.alloc(4);
		len.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const sum = Buffer.alloc(4);
		sum.writeUInt32BE(crc(body));
		return Buffer.concat([len, body, sum]);
	};
	const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('tEXt', Buffer.from(`Comment\0${text}`, 'latin1')),
		chunk('IDAT', deflateSync(Buffer.from([0, 0]))),
		chunk('IEND', Buffer.alloc(0))
	]);
}

const event = (kind: string, payload: unknown, id: string = randomUUID()) => ({
	id,
	kind,
	clientTime: new Date().toISOString(),
	payload
});

/** A press of "Tell a grown-up" as the tablet's outbox sends it, with the child's answers. */
function press(reportId: string, searchQuery: string) {
	return [
		event('report.opened', {
			reportId,
			practice: false,
			source: 'button',
			context: { screen: '/class/search', searchQuery }
		}),
		event('report.completed', { reportId, practice: false, feeling: 'scared', what: 'saw-something' })
	];
}

/** Reads the database as the app does for one school (row-level security shows only its rows). */
async function asSchool<T>(url: string, schoolId: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
	const c = new pg.Client({ connectionString: url });
	await c.connect();
	try {
		await c.query(`select set_config('harbour.schools', $1, false)`, [schoolId]);
		return await work(c);
	} finally {
		await c.end();
	}
}

/** Every row of every school table for one school: what "unchanged" is compared against. */
async function snapshot(url: string, schoolId: string): Promise<Record<string, string>> {
	return asSchool(url, schoolId, async (c) => {
		const { rows: tables } = await c.query<{ table_name: string }>(
			`select table_name from information_schema.columns
			 where table_schema = current_schema() and column_name = 'school_id' order by table_name`
		);
		const out: Record<string, string> = {};
		for (const { table_name: t } of tables) {
			const { rows } = await c.query(`select * from "${t}" where school_id = $1`, [schoolId]);
			out[t] = JSON.stringify(rows.map((r) => JSON.stringify(r)).sort());
		}
		return out;
	});
}

/** Signs a member of staff in at their school's address. */
async function staffAt(port: number, host: string, email: string, password = PASSWORD) {
	const c = new SchoolClient(port, host);
	const res = await c.post('/staff/sign-in', { form: { email, password } });
	expect(res.status, `${email} signs in at ${host}: ${res.body.slice(0, 300)}`).toBe(303);
	return c;
}

/** A teacher sets a tablet up for their class, then the class signs in with its picture card. */
async function classTabletAt(
	port: number,
	host: string,
	className: keyof typeof TEACHER,
	admin: SchoolClient
) {
	const t = new SchoolClient(port, host);
	const enrol = await t.post('/enrol?/staff', { form: { email: TEACHER[className], password: PASSWORD } });
	expect(enrol.status, enrol.body.slice(0, 300)).toBe(303);
	const id = await classIdOf(admin, className);
	const card = (await admin.get(`/staff/admin/classes/${id}/card`)).body;
	const tiles = [...card.slice(card.indexOf('class="tiles')).matchAll(/\/pictures\/([a-z0-9-]+)\.svg/g)]
		.slice(0, 3)
		.map((m) => m[1]!);
	const signIn = await t.post('/class/sign-in', { form: { tiles: tiles.join(',') } });
	expect(signIn.status, `${className} signs in at ${host}: ${signIn.body.slice(0, 200)}`).toBe(303);
	return { tablet: t, classId: id };
}

/** A class's id, from the admin's classes page. */
async function classIdOf(admin: SchoolClient, className: string): Promise<string> {
	const page = (await admin.get('/staff/admin/classes')).body;
	const row = page.split('<tr').find((r) => r.includes(className) && r.includes('/card'));
	const id = row?.match(/\/staff\/admin\/classes\/([^/"]+)\/card/)?.[1];
	expect(id, `the ${className} class at ${admin.host}`).toBeTruthy();
	return id!;
}

/** Each route's address with Ash's ids (or a real content id) in every parameter. */
function addressOf(routeId: string, ids: Record<string, string>): string {
	const path = routeId
		.split('/')
		.filter((s) => !/^\(.*\)$/.test(s))
		.map((s) => {
			const m = s.match(/^\[(?:\.\.\.)?(\w+)\]$/);
			if (!m) return s;
			const value = ids[m[1]!];
			if (!value) throw new Error(`No value for the parameter ${s} of ${routeId}: add one.`);
			return encodeURIComponent(value);
		})
		.join('/');
	return path === '' ? '/' : path;
}

test('school A’s people reach nothing of school B’s, by any route or stream', async () => {
	test.setTimeout(360_000);
	const url = await postgresUrl();
	await emptyPostgres(url);
	const port = portAt(40);
	// As a trust deploys it: the app's role owns nothing and bypasses nothing; the owner migrates.
	await startServer(
		port,
		{ engine: 'postgres', where: appRoleUrl(url) },
		{ HARBOUR_DEMO: 'trust', PROTOCOL_HEADER: 'x-forwarded-proto', DATABASE_OWNER_URL: url },
		null
	);
	const OAK = 'oak.localhost';
	const ASH = 'ash.localhost';
	const schoolIds = await asSchool(url, '', async (c) => {
		const { rows } = await c.query<{ id: string; slug: string }>('select id, slug from schools');
		return Object.fromEntries(rows.map((r) => [r.slug, r.id]));
	});
	const ashId = schoolIds.ash!;

	// ---- Ash's people make Ash's data, through the app. ----
	const ashAdmin = await staffAt(port, ASH, 'admin@demo.harbour');
	const ashDsl = await staffAt(port, ASH, 'dsl@demo.harbour');
	const ashTeacher = await staffAt(port, ASH, TEACHER.Owls);
	const { tablet: ashTablet, classId: ashOwls } = await classTabletAt(port, ASH, 'Owls', ashAdmin);

	// A member of staff only Ash has.
	const created = await ashAdmin.post('/staff/admin/staff?/create', {
		form: { displayName: 'Ash Only', email: `${MARK}@ash.example`, role: 'governor', classId: '' },
		headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	const ashOnlyPassword = (actionData(created)?.created as { password?: string } | undefined)?.password;
	expect(ashOnlyPassword, created.body.slice(0, 300)).toBeTruthy();

	// A report with a drawing, searches (one blocked), lesson progress, the charter promise.
	const ashReport = randomUUID();
	const ashEvents = [
		...press(ashReport, marker('pressquery')),
		event('report.attachment', {
			reportId: ashReport,
			kind: 'drawing',
			mime: 'image/png',
			dataBase64: pngWith(marker('drawing')).toString('base64')
		}),
		event('search.logged', { query: marker('blocked'), verdict: 'block', category: null, resultCount: 0 }),
		event('search.logged', { query: marker('allowed'), verdict: 'allow', category: null, resultCount: 2 }),
		event('lesson.started', { lesson: ASH_PLAYED }),
		event('lesson.finished', { lesson: ASH_PLAYED }),
		event('charter.promised', { charter: marker('charter') })
	];
	const sent = await ashTablet.post('/api/events', { json: { events: ashEvents } });
	expect(sent.status, sent.body).toBe(200);
	expect((JSON.parse(sent.body) as { acked: string[] }).acked).toHaveLength(ashEvents.length);

	// A concern recorded by hand, with a screenshot.
	const concern = await ashDsl.post('/staff/incidents/new', {
		form: { classId: ashOwls, facts: marker('facts'), childsWords: marker('words'), categories: 'content' }
	});
	expect(concern.status, concern.body.slice(0, 300)).toBe(303);
	const ashConcern = String(concern.headers.location).split('/').pop()!;
	const shot = new FormData();
	shot.set(
		'screenshot',
		new Blob([new Uint8Array(pngWith(marker('screenshot')))], { type: 'image/png' }),
		'shot.png'
	);
	const attached = await ashDsl.post(`/staff/incidents/${ashConcern}?/screenshot`, {
		raw: await multipart(shot)
	});
	expect(attached.status, attached.body.slice(0, 300)).toBe(200);

	// A safe-search list change, proposed by the teacher and approved by the DSL.
	const proposed = await ashTeacher.post('/staff/search/proposals?/addException', {
		form: { entry: marker('exception'), reason: marker('reason') }
	});
	expect(proposed.status, proposed.body.slice(0, 300)).toBe(200);

	// A code to set up another Owls tablet.
	const coded = await ashTeacher.post(`/staff/classes/${ashOwls}?/code`, {
		form: {},
		headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	const ashCode = String(actionData(coded)?.code ?? '');
	expect(ashCode, coded.body.slice(0, 300)).toMatch(/^[A-Z0-9]{6}$/);

	const ids = await asSchool(url, ashId, async (c) => {
		const col = async (sql: string) => (await c.query<{ v: string }>(sql)).rows.map((r) => String(r.v));
		return {
			staff: await col('select id as v from staff'),
			classes: await col('select id as v from classes'),
			devices: await col('select id as v from devices'),
			incidents: await col('select id as v from incidents'),
			attachments: await col('select id as v from attachments'),
			proposals: await col('select id as v from search_proposals'),
			searches: await col('select id as v from search_log'),
			events: await col('select id as v from pupil_events')
		};
	});
	expect(ids.attachments.length, 'the drawing and the screenshot').toBe(2);
	const approve = await ashDsl.post('/staff/search/proposals?/approve', {
		form: { id: ids.proposals[0]!, reason: 'A word our children use in class.' }
	});
	expect(approve.status, approve.body.slice(0, 300)).toBe(200);
	const ashPressIncident = await asSchool(url, ashId, async (c) =>
		String((await c.query('select id from incidents where report_id = $1', [ashReport])).rows[0]?.id)
	);
	const blockedSearch = await asSchool(url, ashId, async (c) =>
		String((await c.query(`select id from search_log where verdict = 'block'`)).rows[0]?.id)
	);

	// ---- Oak's people. ----
	const oakAdmin = await staffAt(port, OAK, 'admin@demo.harbour');
	const oakDsl = await staffAt(port, OAK, 'dsl@demo.harbour');
	const oakTeacher = await staffAt(port, OAK, TEACHER.Robins);
	const oakGovernor = await staffAt(port, OAK, 'governor@demo.harbour');
	const { tablet: oakTablet, classId: oakRobins } = await classTabletAt(port, OAK, 'Robins', oakAdmin);

	// ---- Streams: Oak's DSL and Oak's tablet hear Oak, never Ash. ----
	const live = oakDsl.stream('/api/live');
	const classStream = oakTablet.stream('/api/class/now/stream');
	expect(await live.status).toBe(200);
	expect(await classStream.status).toBe(200);
	await live.opened;
	await classStream.opened;
	// Ash acts first: a press on Ash's tablet and a lesson launched to Ash's class.
	const ashSecondReport = randomUUID();
	const ashPressed = await ashTablet.post('/api/events', {
		json: { events: press(ashSecondReport, marker('live')) }
	});
	expect(ashPressed.status).toBe(200);
	const ashLaunch = await ashTeacher.post(`/api/classes/${ashOwls}/now`, {
		json: { action: 'launch', lessonId: ASH_LAUNCH, mode: 'board' }
	});
	expect(ashLaunch.status, ashLaunch.body).toBe(200);
	const ashLaunchId = (JSON.parse(ashLaunch.body) as { state: { launchId: string } }).state.launchId;
	// Then Oak: its own press and its own launch, which the same streams must carry.
	const oakReport = randomUUID();
	expect(
		(await oakTablet.post('/api/events', { json: { events: press(oakReport, 'oakquery') } })).status
	).toBe(200);
	const oakLaunch = await oakTeacher.post(`/api/classes/${oakRobins}/now`, {
		json: { action: 'launch', lessonId: OAK_LAUNCH, mode: 'tablets' }
	});
	expect(oakLaunch.status, oakLaunch.body).toBe(200);
	const oakIncident = await asSchool(url, schoolIds.oak!, async (c) =>
		String((await c.query('select id from incidents where report_id = $1', [oakReport])).rows[0]?.id)
	);
	await expect
		.poll(() => live.text(), { timeout: 60_000, message: 'Oak’s press reaches Oak’s DSL' })
		.toContain(oakIncident);
	await expect
		.poll(() => classStream.text(), { timeout: 60_000, message: 'Oak’s launch reaches Oak’s tablet' })
		.toContain(OAK_LAUNCH);
	// Ash's events were published before Oak's: a few seconds more, in case they were slower.
	await new Promise((r) => setTimeout(r, 3000));
	const allAshIds = () => [
		...Object.values(ids).flat(),
		ashLaunchId,
		ashPressIncident,
		ashSecondReport,
		ashReport,
		ashId
	];
	const ashSecondIncident = await asSchool(url, ashId, async (c) =>
		String((await c.query('select id from incidents where report_id = $1', [ashSecondReport])).rows[0]?.id)
	);
	for (const [name, text] of [
		['Oak DSL’s live alerts', live.text()],
		['Oak tablet’s class stream', classStream.text()]
	] as const) {
		expect(text, name).not.toContain(MARK);
		expect(text, name).not.toContain(ASH_LAUNCH);
		expect(text, name).not.toContain('Owls'); // Ash's tablet is an Owls one; Oak's is Robins
		for (const id of [...allAshIds(), ashSecondIncident]) expect(text, `${name}: ${id}`).not.toContain(id);
	}
	live.close();
	classStream.close();

	// ---- Oak's cookies are no one at Ash's address. ----
	for (const [who, c] of [
		['Oak DSL', oakDsl],
		['Oak admin', oakAdmin]
	] as const) {
		const there = c.at(ASH);
		const home = await there.get('/staff', { keepCookies: false });
		expect(home.status, `${who}’s cookie at Ash`).toBe(303);
		expect(String(home.headers.location)).toContain('/staff/sign-in');
		expect((await there.get('/api/live', { keepCookies: false })).status).toBe(401);
		expect((await there.get(`/staff/incidents/${ashConcern}`, { keepCookies: false })).status).toBe(303);
	}
	// On one shared host (no subdomain) /s/<slug> chooses the school, and a browser there keeps one
	// set of cookies for every school: Oak's session is still no one once Ash is chosen.
	const shared = oakDsl.at('127.0.0.1');
	expect((await shared.get('/s/oak')).status).toBe(303);
	expect((await shared.get('/staff', { keepCookies: false })).status, 'Oak chosen: signed in').toBe(200);
	expect((await shared.get('/s/ash')).status).toBe(303);
	const sharedAtAsh = await shared.get('/staff', { keepCookies: false });
	expect(sharedAtAsh.status, 'Ash chosen: Oak’s session is no one').toBe(303);
	expect(String(sharedAtAsh.headers.location)).toContain('/staff/sign-in');
	expect((await shared.get('/api/live', { keepCookies: false })).status).toBe(401);
	const tabletThere = oakTablet.at(ASH);
	expect((await tabletThere.get('/api/class/now', { keepCookies: false })).status).toBe(401);
	expect((await tabletThere.get('/class', { keepCookies: false })).status).toBe(303);
	const strayPress = await tabletThere.post('/api/events', {
		json: { events: press(randomUUID(), marker('stray')) },
		keepCookies: false
	});
	expect(strayPress.status).toBe(401);
	// Ash's own account does not sign in at Oak; Ash's enrolment code sets up no tablet at Oak.
	const ashOnlyAtOak = await new SchoolClient(port, OAK).post('/staff/sign-in', {
		form: { email: `${MARK}@ash.example`, password: ashOnlyPassword as string }
	});
	expect(ashOnlyAtOak.status).toBe(400);
	const codeAtOak = new SchoolClient(port, OAK);
	const enrolled = await codeAtOak.post('/enrol?/code', { form: { code: ashCode } });
	expect(enrolled.status).toBe(400);
	expect(codeAtOak.cookies.size).toBe(0);

	// ---- Every route, as each of Oak's people, with Ash's ids. ----
	const ashAttachment = ids.attachments[0]!;
	const params: Record<string, string> = {
		classId: ashOwls,
		incidentId: ashConcern,
		attachmentId: ashAttachment,
		lessonId: ASH_LAUNCH,
		missing: ashOwls,
		game: 'kind-words',
		halfTerm: 'autumn-1',
		paper: 'a4',
		assemblyId: 'stop-and-think',
		schoolId: ashId
	};
	const ashStaff = ids.staff[0]!;
	const ashDevice = ids.devices[0]!;
	/** What every generic write carries: Ash's ids under every name a form or endpoint reads. */
	const ashFields = {
		id: ashStaff,
		classId: ashOwls,
		incidentId: ashConcern,
		reportId: ashReport,
		searchId: blockedSearch,
		launchId: ashLaunchId,
		deviceId: ashDevice,
		attachmentId: ashAttachment,
		schoolId: ashId,
		school: 'ash',
		code: ashCode,
		email: 'dsl@demo.harbour'
	};
	/** The form actions and endpoints that change something, each aimed at Ash's records. */
	const attacks: {
		route: string;
		method?: string;
		path: string;
		form?: Record<string, string | string[]>;
		json?: unknown;
	}[] = [
		{
			route: '/(staff)/staff/(signed-in)/incidents/[incidentId]',
			path: `/staff/incidents/${ashConcern}?/move`,
			form: { move: 'ACKNOWLEDGE', note: 'oak' }
		},
		{
			route: '/(staff)/staff/(signed-in)/incidents/[incidentId]',
			path: `/staff/incidents/${ashPressIncident}?/move`,
			form: { move: 'CLOSE', note: 'oak' }
		},
		{
			route: '/(staff)/staff/(signed-in)/incidents/[incidentId]',
			path: `/staff/incidents/${ashConcern}?/entry`,
			form: { kind: 'note', text: 'oak was here' }
		},
		{
			route: '/(staff)/staff/(signed-in)/incidents/[incidentId]',
			path: `/staff/incidents/${ashConcern}?/categories`,
			form: { categories: ['contact', 'conduct'] }
		},
		{
			route: '/(staff)/staff/(signed-in)/incidents/new',
			path: '/staff/incidents/new',
			form: { classId: ashOwls, facts: 'oak fact', childsWords: '' }
		},
		{
			route: '/api/incidents/[incidentId]/acknowledge',
			path: `/api/incidents/${ashPressIncident}/acknowledge`,
			json: {}
		},
		{
			route: '/api/incidents/[incidentId]/acknowledge',
			path: `/api/incidents/${ashSecondIncident}/acknowledge`,
			json: {}
		},
		{ route: '/api/classes/[classId]/now', path: `/api/classes/${ashOwls}/now`, json: { action: 'end' } },
		{ route: '/api/classes/[classId]/now', path: `/api/classes/${ashOwls}/now`, json: { action: 'pause' } },
		{
			route: '/api/classes/[classId]/now',
			path: `/api/classes/${ashOwls}/now`,
			json: { action: 'launch', lessonId: OAK_LAUNCH, mode: 'tablets' }
		},
		{
			route: '/api/classes/[classId]/now',
			path: `/api/classes/${ashOwls}/now`,
			json: { action: 'move', launchId: ashLaunchId, position: { step: 1, scenes: [], finished: false } }
		},
		{
			route: '/(staff)/staff/(signed-in)/classes/[classId]',
			path: `/staff/classes/${ashOwls}?/launch`,
			form: { lessonId: OAK_LAUNCH, mode: 'tablets' }
		},
		{
			route: '/(staff)/staff/(signed-in)/classes/[classId]',
			path: `/staff/classes/${ashOwls}?/code`,
			form: {}
		},
		{
			route: '/api/class/now/vote',
			path: '/api/class/now/vote',
			json: { launchId: ashLaunchId, step: 0, scene: 'start', choice: 0 }
		},
		{
			route: '/api/class/now/tablet',
			path: '/api/class/now/tablet',
			json: { launchId: ashLaunchId, step: 2, finished: true }
		},
		{
			route: '/api/events',
			path: '/api/events',
			json: {
				events: [
					// Ash's own event ids and report id, resent from Oak, carrying Ash's class where a field could.
					// (Oak's own words: only the ids are Ash's.)
					{ ...press(ashReport, 'oak words')[0]!, id: ashEvents[0]!.id, classId: ashOwls },
					event('report.completed', {
						reportId: ashReport,
						practice: false,
						feeling: 'okay',
						what: 'something-else'
					}),
					event('report.attachment', {
						reportId: ashReport,
						kind: 'drawing',
						mime: 'image/png',
						dataBase64: pngWith('oak').toString('base64')
					}),
					{ ...event('lesson.finished', { lesson: ASH_PLAYED }), classId: ashOwls, deviceId: ashDevice }
				]
			}
		},
		{
			route: '/(staff)/staff/(signed-in)/admin/staff',
			path: '/staff/admin/staff?/change',
			form: { id: ashStaff, role: 'admin', classId: '', chainRole: '' }
		},
		...ids.staff.map((s) => ({
			route: '/(staff)/staff/(signed-in)/admin/staff',
			path: '/staff/admin/staff?/toggle',
			form: { id: s }
		})),
		{
			route: '/(staff)/staff/(signed-in)/admin/staff',
			path: '/staff/admin/staff?/reset',
			form: { id: ashStaff }
		},
		{
			route: '/(staff)/staff/(signed-in)/admin/staff',
			path: '/staff/admin/staff?/create',
			form: { displayName: 'Oak Teacher', email: `oak${RUN}@oak.example`, role: 'teacher', classId: ashOwls }
		},
		{
			route: '/(staff)/staff/(signed-in)/admin/classes',
			path: '/staff/admin/classes?/regenerate',
			form: { id: ashOwls }
		},
		...ids.devices.map((d) => ({
			route: '/(staff)/staff/(signed-in)/admin/devices',
			path: '/staff/admin/devices?/revoke',
			form: { id: d }
		})),
		{
			route: '/(staff)/staff/(signed-in)/search',
			path: '/staff/search?/missed',
			form: { searchId: ids.searches[1] ?? blockedSearch, category: 'violence' }
		},
		{
			route: '/(staff)/staff/(signed-in)/search/proposals',
			path: '/staff/search/proposals?/approve',
			form: { id: ids.proposals[0]! }
		},
		{
			route: '/(staff)/staff/(signed-in)/search/proposals',
			path: '/staff/search/proposals?/reject',
			form: { id: ids.proposals[0]!, reason: 'oak' }
		},
		{ route: '/(staff)/staff/(signed-in)/search/list', path: '/staff/search/list?/review', form: {} },
		{
			route: '/(staff)/staff/(signed-in)/admin/settings',
			path: '/staff/admin/settings?/retryEmail',
			form: {}
		},
		{ route: '/api/kiosk/unlock', path: '/api/kiosk/unlock', json: { pin: PIN, staffId: ashStaff } },
		{ route: '/enrol', path: '/enrol?/code', form: { code: ashCode } },
		{
			route: '/enrol',
			path: '/enrol?/staff',
			form: { email: TEACHER.Owls, password: PASSWORD, classId: ashOwls }
		}
	];
	for (const a of attacks) expect(ACCESS, `${a.route} is a route`).toHaveProperty([a.route]);
	/** GETs with Ash's ids in the query, where a page reads one. */
	const queries = [
		`/staff/incidents?status=all&class=${ashOwls}`,
		`/staff/search/proposals?wronglyBlocked=${blockedSearch}`,
		`/api/safe-search/lists?since=0`,
		`/staff/sign-in?next=${encodeURIComponent(`/staff/incidents/${ashConcern}`)}`
	];

	const principals: [string, SchoolClient][] = [
		['Oak teacher', oakTeacher],
		['Oak DSL', oakDsl],
		['Oak admin', oakAdmin],
		['Oak governor', oakGovernor],
		['Oak Robins tablet', oakTablet],
		['a visitor at Oak', new SchoolClient(port, OAK)]
	];

	/** Whatever Oak is shown: never a 5xx, never Ash's markers, name or ids (beyond those it sent). */
	const forbidden = () => [MARK, 'Ash Primary', ashCode, ...allAshIds(), ashSecondIncident];
	const problems: string[] = [];
	const check = (who: string, what: string, sentText: string, res: Reply) => {
		if (res.status >= 500) problems.push(`${who} ${what}: ${res.status}`);
		const seen = `${JSON.stringify(res.headers)}\n${res.body}`.toLowerCase();
		for (const f of forbidden()) {
			if (!f || sentText.includes(f)) continue;
			const at = seen.indexOf(f.toLowerCase());
			if (at >= 0)
				problems.push(`${who} ${what}: shows “${f}” (${res.status}) in …${seen.slice(at - 80, at + 40)}…`);
		}
	};

	const before = await quiet(url, ashId);
	const routes = Object.keys(ACCESS).sort(
		(a, b) => Number(a.endsWith('sign-out')) - Number(b.endsWith('sign-out'))
	);
	let requests = 0;
	const statuses = new Map<string, number>();
	await Promise.all(
		principals.map(async ([who, c]) => {
			const ask = async (method: string, path: string, send: Parameters<SchoolClient['request']>[2] = {}) => {
				const sentText = `${path} ${JSON.stringify(send.form ?? send.json ?? '')}`;
				const res = await c.request(method, path, { ...send, keepCookies: false });
				requests++;
				statuses.set(`${who} ${method} ${path}`, res.status);
				check(who, `${method} ${path}`, sentText, res);
			};
			for (const q of queries) await ask('GET', q);
			for (const a of attacks)
				await ask(a.method ?? 'POST', a.path, a.form ? { form: a.form } : { json: a.json });
			for (const route of routes) {
				const path = addressOf(route, params);
				await ask('GET', path);
				if (route.startsWith('/api/') || route === '/metrics') {
					for (const method of ['POST', 'PUT', 'DELETE']) await ask(method, path, { json: ashFields });
				} else {
					await ask('POST', path, { form: ashFields });
				}
			}
		})
	);
	expect(problems).toEqual([]);
	// Not vacuous: each of Oak's people was signed in and shown their own school throughout, and
	// was refused (not shown an empty page of) Ash's records.
	expect(statuses.get('Oak DSL GET /staff/incidents')).toBe(200);
	expect(statuses.get('Oak admin GET /staff/admin/staff')).toBe(200);
	expect(statuses.get('Oak governor GET /staff/reports')).toBe(200);
	expect(statuses.get(`Oak teacher GET /staff/classes/${oakRobins}`) ?? 200).toBe(200);
	expect(statuses.get('Oak Robins tablet GET /class')).toBe(200);
	expect(statuses.get('Oak Robins tablet GET /api/safe-search/lists?since=0')).toBe(200);
	expect(statuses.get(`Oak DSL GET /staff/incidents/${ashConcern}`)).toBe(403);
	expect(statuses.get(`Oak DSL GET /staff/classes/${ashOwls}`)).toBe(404);
	expect(statuses.get(`Oak DSL GET /staff/incidents/${ashConcern}/attachments/${ashAttachment}`)).toBe(403);
	expect(statuses.get('a visitor at Oak GET /staff')).toBe(303);
	expect(requests).toBeGreaterThan(principals.length * Object.keys(ACCESS).length * 2);

	// ---- Ash's data is exactly as it was. ----
	const after = await snapshot(url, ashId);
	for (const table of Object.keys(before)) expect(after[table], `Ash's ${table}`).toBe(before[table]);
	// And Ash's DSL reads it back as Ash left it.
	const readBack = await ashDsl.get(`/staff/incidents/${ashConcern}`);
	expect(readBack.status).toBe(200);
	expect(readBack.body).toContain(marker('facts'));
	expect(readBack.body).not.toContain('oak was here');
	const ashLog = await ashDsl.get('/staff/incidents?status=all');
	expect(ashLog.body).not.toContain('oak fact');
	expect((await ashDsl.get(`/api/classes/${ashOwls}/now`)).body).toContain(ashLaunchId);
	expect((await ashTablet.get('/api/class/now')).status).toBe(200);
	const ashList = await ashTablet.get('/api/safe-search/lists?since=0');
	expect(ashList.body).toContain(marker('exception'));
});

/** Ash's rows once nothing is still being written for them (the alert duty after a press). */
async function quiet(url: string, schoolId: string): Promise<Record<string, string>> {
	let last = await snapshot(url, schoolId);
	for (let i = 0; i < 30; i++) {
		await new Promise((r) => setTimeout(r, 1000));
		const now = await snapshot(url, schoolId);
		if (JSON.stringify(now) === JSON.stringify(last)) return now;
		last = now;
	}
	return last;
}
