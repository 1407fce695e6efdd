/**
 * Harbour under attack, against the built server: oversized and malformed bodies to every
 * endpoint and form action, bursts of guesses, cross-site requests with odd spellings, and live
 * streams that must end with the right to see them. Never a 5xx; the server always answers.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { expect, test, type APIRequestContext, type BrowserContext } from '@playwright/test';
import { DEMO_URL } from '../../playwright.config';
import { classTablet, enrolTablet, PIN, signInStaff, TEACHER } from './helpers';

const origin = { origin: DEMO_URL };

async function alive(request: APIRequestContext): Promise<void> {
	const health = await request.get('/api/health');
	expect(health.status()).toBe(200);
}

async function staffContext(
	browser: import('@playwright/test').Browser,
	email: string
): Promise<BrowserContext> {
	const context = await browser.newContext();
	await signInStaff(await context.newPage(), email);
	return context;
}

test('a class sign-in with ten million commas, and 8 MB of zeros to the outbox, are refused at once', async ({
	browser
}) => {
	const device = await browser.newContext();
	await enrolTablet(device, 'Robins');
	const commas = await device.request.post('/class/sign-in', {
		headers: { ...origin, 'content-type': 'application/x-www-form-urlencoded' },
		data: 'tiles=' + ','.repeat(10_000_000),
		maxRedirects: 0
	});
	expect(commas.status()).toBe(413);
	expect(await commas.text()).toMatch(/larger than 64 KB/);

	const zeros = await device.request.post('/api/events', {
		headers: { ...origin, 'content-type': 'application/json' },
		data: `{"events":[${Array(4_000_000).fill('0').join(',')}]}`
	});
	expect(zeros.status()).toBe(400);
	expect((await zeros.json()).message).toMatch(/at most 200 events/);
	await alive(device.request);
	await device.close();
});

test('cross-site requests are refused however the path is spelt and whatever the content type', async ({
	browser
}) => {
	const dsl = await staffContext(browser, 'dsl@demo.harbour');
	const evil = { origin: 'https://evil.example' };
	const spelt = await dsl.request.post(`/%61pi/incidents/${crypto.randomUUID()}/acknowledge`, {
		headers: evil
	});
	expect(spelt.status()).toBe(403);
	const signOut = await dsl.request.post('/staff/sign-out', { headers: evil, maxRedirects: 0 });
	expect(signOut.status()).toBe(403);
	// Still signed in: the forged sign-out did nothing.
	const page = await dsl.newPage();
	await page.goto('/staff');
	await expect(page).toHaveURL(/\/staff$/);
	await dsl.close();
});

test('a burst of kiosk PINs from one tablet gets a handful of checks, and the class is told', async ({
	browser
}) => {
	// Each check hashes a PIN for every member of staff who may unlock the class: slow on purpose.
	test.setTimeout(180_000);
	const { context } = await classTablet(browser, 'Ladybirds');
	const pins = [...Array.from({ length: 30 }, (_, i) => String(5000 + i)), PIN];
	const answers = await Promise.all(
		pins.map((pin) =>
			context.request.post('/api/kiosk/unlock', {
				headers: { ...origin, 'content-type': 'application/json' },
				data: { pin, action: 'check' }
			})
		)
	);
	const checked = answers.filter((a) => a.status() !== 429);
	expect(checked.length).toBeLessThanOrEqual(5);
	// Even the right PIN is refused now, until the wait is over.
	const after = await context.request.post('/api/kiosk/unlock', {
		headers: { ...origin, 'content-type': 'application/json' },
		data: { pin: PIN, action: 'check' }
	});
	expect(after.status()).toBe(429);
	const teacher = await staffContext(browser, TEACHER.Ladybirds);
	const page = await teacher.newPage();
	await page.goto('/staff');
	await expect(page.getByText(/Many wrong kiosk PINs were typed/)).toBeVisible();
	await teacher.close();
	await context.close();
});

test('a live alert stream ends with the session: nothing reaches a signed-out screen', async ({
	browser
}) => {
	const dsl = await staffContext(browser, 'dsl@demo.harbour');
	const page = await dsl.newPage();
	await page.goto('/staff/account');
	await page.evaluate(() => {
		const w = window as unknown as { __heard: string[] };
		w.__heard = [];
		const source = new EventSource('/api/live');
		for (const type of ['incident.new', 'session.ended'])
			source.addEventListener(type, () => w.__heard.push(type));
		source.onopen = () => w.__heard.push('open');
	});
	await expect
		.poll(() => page.evaluate(() => (window as unknown as { __heard: string[] }).__heard))
		.toContain('open');
	const out = await dsl.request.post('/staff/sign-out', { headers: origin, maxRedirects: 0 });
	expect(out.status()).toBe(303);

	const { context: tablet } = await classTablet(browser, 'Owls');
	const sent = await tablet.request.post('/api/events', {
		headers: { ...origin, 'content-type': 'application/json' },
		data: {
			events: [
				{
					id: crypto.randomUUID(),
					kind: 'report.opened',
					clientTime: new Date().toISOString(),
					payload: {
						reportId: crypto.randomUUID(),
						practice: false,
						source: 'button',
						context: { screen: '/class' }
					}
				}
			]
		}
	});
	expect((await sent.json()).acked).toHaveLength(1);
	await expect
		.poll(() => page.evaluate(() => (window as unknown as { __heard: string[] }).__heard))
		.toContain('session.ended');
	const heard = await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
	expect(heard).not.toContain('incident.new');
	await tablet.close();
	await dsl.close();
});

test('three set-up forms at once on a new school make one first admin', async ({ playwright }) => {
	const port = Number(process.env.E2E_PORT ?? 4173) + 2;
	const dir = mkdtempSync(join(tmpdir(), 'harbour-setup-race-'));
	const server = spawn(process.execPath, ['build/index.js'], {
		stdio: 'ignore',
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: `http://localhost:${port}`,
			DATABASE_URL: '',
			DATABASE_PATH: `${dir}/harbour.db`,
			HARBOUR_DEMO: '0'
		}
	});
	try {
		const base = `http://localhost:${port}`;
		const request = await playwright.request.newContext({ baseURL: base });
		await expect
			.poll(async () => (await request.get('/api/health').catch(() => null))?.status(), { timeout: 30_000 })
			.toBe(200);
		const answers = await Promise.all(
			[1, 2, 3].map((n) =>
				request.post('/setup', {
					headers: { origin: base },
					form: {
						schoolName: 'Race Primary',
						displayName: `Head ${n}`,
						email: `head${n}@race.example`,
						password: 'bramble kettle lantern',
						pin: ''
					},
					maxRedirects: 0
				})
			)
		);
		// Kit answers a form post that did not ask for HTML with its result as JSON.
		const results = await Promise.all(
			answers.map(async (a) => (await a.json()) as { type: string; status: number })
		);
		expect(results.filter((r) => r.type === 'redirect')).toHaveLength(1);
		expect(results.filter((r) => r.type === 'failure' && r.status === 409)).toHaveLength(2);
		await request.dispose();
	} finally {
		server.kill('SIGTERM');
	}
});

/** Every endpoint (+server.ts, by method) and every form action (+page.server.ts), as URLs. */
function targets(ids: Record<string, string>): { method: string; url: string }[] {
	const root = 'src/routes';
	const out: { method: string; url: string }[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name === '+server.ts' || name === '+page.server.ts') {
				const url =
					'/' +
					relative(root, dir)
						.split('/')
						.filter((part) => part && !/^\(.*\)$/.test(part))
						.map((part) => part.replace(/^\[(\w+)\]$/, (_, p: string) => ids[p] ?? crypto.randomUUID()))
						.join('/');
				const source = readFileSync(full, 'utf8');
				if (name === '+server.ts') {
					for (const m of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g))
						if (m[1] !== 'GET') out.push({ method: m[1]!, url });
				} else {
					const block = source.split('export const actions')[1] ?? '';
					for (const m of block.matchAll(/^\t(\w+): /gm))
						out.push({ method: 'POST', url: m[1] === 'default' ? url : `${url}?/${m[1]}` });
				}
			}
		}
	};
	walk(root);
	return out;
}

const MALFORMED: { name: string; headers: Record<string, string>; data: string | Buffer }[] = [
	{ name: 'no body at all', headers: {}, data: '' },
	{
		name: 'multipart with a boundary that never comes',
		headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
		data: '--abc\r\nContent-Disposition: form-data; name="a"\r\n\r\nnonsense'
	},
	{
		name: 'multipart with no boundary',
		headers: { 'content-type': 'multipart/form-data' },
		data: 'categories=1'
	},
	{
		name: 'a form with percent-escapes that decode to nothing',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		data: 'a=%ZZ&%E0%A4%A=1&categories=%00&id=' + 'x'.repeat(5000)
	},
	{
		name: 'a form of 70 KB',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		data: 'facts=' + 'a'.repeat(70 * 1024)
	},
	{ name: 'truncated JSON', headers: { 'content-type': 'application/json' }, data: '{"events":[' },
	{
		name: 'JSON of the wrong shape',
		headers: { 'content-type': 'application/json' },
		data: '{"events":{"constructor":{"prototype":1}},"__proto__":{"x":1},"pin":[1]}'
	},
	{
		name: 'bytes that are not UTF-8',
		headers: { 'content-type': 'application/json' },
		data: Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x7d])
	},
	{ name: 'plain text', headers: { 'content-type': 'text/plain' }, data: 'hello' }
];

test('malformed bodies to every endpoint and form action get a 4xx, never a 5xx, and the server keeps answering', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const admin = await staffContext(browser, 'admin@demo.harbour');
	const adminPage = await admin.newPage();
	await adminPage.goto('/staff');
	const robinsHref = await adminPage.getByRole('link', { name: 'Robins' }).first().getAttribute('href');
	const classId = robinsHref!.split('/').pop()!;
	const { context: tablet } = await classTablet(browser, 'Robins');
	const all = targets({ classId, incidentId: crypto.randomUUID(), attachmentId: crypto.randomUUID() });
	expect(all.length).toBeGreaterThan(20);
	const failures: string[] = [];
	for (const who of [admin, tablet]) {
		for (const { method, url } of all) {
			for (const body of MALFORMED) {
				const res = await who.request.fetch(url, {
					method,
					headers: { ...origin, ...body.headers },
					data: body.data,
					maxRedirects: 0,
					failOnStatusCode: false
				});
				if (res.status() >= 500) failures.push(`${method} ${url} with ${body.name}: ${res.status()}`);
			}
		}
	}
	expect(failures).toEqual([]);
	await alive(admin.request);
	await admin.close();
	await tablet.close();
});

test('a staff page whose network dropped shows the alerts sent meanwhile once it is back', async ({
	browser
}) => {
	const dslContext = await browser.newContext();
	const dsl = await dslContext.newPage();
	// The page's alert stream cannot get through (a dropped network, for that connection).
	const dropped = (route: import('@playwright/test').Route) => route.abort('internetdisconnected');
	await dsl.route('**/api/live', dropped);
	await signInStaff(dsl, 'dsl@demo.harbour');

	const { context: tablet } = await classTablet(browser, 'Ladybirds');
	const title = `Dropped network ${crypto.randomUUID().slice(0, 8)}`;
	const sent = await tablet.request.post('/api/events', {
		headers: { ...origin, 'content-type': 'application/json' },
		data: {
			events: [
				{
					id: crypto.randomUUID(),
					kind: 'report.opened',
					clientTime: new Date().toISOString(),
					payload: {
						reportId: crypto.randomUUID(),
						practice: false,
						source: 'button',
						context: { screen: '/class', lesson: { id: 'drop', title } }
					}
				}
			]
		}
	});
	expect((await sent.json()).acked).toHaveLength(1);
	// Sent while this page could not hear it: nothing yet.
	await expect(dsl.getByText(title)).toHaveCount(0);

	await dsl.unroute('**/api/live', dropped);
	await expect(dsl.getByRole('alert').filter({ hasText: title })).toBeVisible({ timeout: 30_000 });
	await tablet.close();
	await dslContext.close();
});
