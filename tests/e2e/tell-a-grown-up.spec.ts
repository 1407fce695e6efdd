import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	classTablet,
	enrolTablet,
	keptForOffline,
	outboxRows,
	pressTellAGrownUp,
	readClassCard,
	signInClass,
	signInStaff,
	TEACHER
} from './helpers';

async function staffPage(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signInStaff(page, email);
	return page;
}

async function incidentRows(page: Page): Promise<number> {
	await page.goto('/staff/incidents?status=all');
	return page.locator('tbody tr').count();
}

test('a press covers the screen at once, comforts the child, and reaches the teacher and the DSL live', async ({
	browser
}) => {
	const teacher = await staffPage(browser, TEACHER.Robins);
	const dsl = await staffPage(browser, 'dsl@demo.harbour');
	const otherTeacher = await staffPage(browser, TEACHER.Owls);
	const { context, page } = await classTablet(browser, 'Robins');
	await page.goto('/class/charter');
	await pressTellAGrownUp(page);
	await expect(
		page.getByRole('heading', { name: 'Thank you for telling. You did the right thing.' })
	).toBeVisible();
	// Whatever was on screen is covered: at its place, the child now sees the cover.
	const covered = await page.evaluate(() => {
		const heading = [...document.querySelectorAll('h1')].find((h) =>
			h.textContent?.includes('Our online safety promises')
		);
		const box = heading!.getBoundingClientRect();
		const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
		return Boolean(top?.closest('[role=dialog]'));
	});
	expect(covered).toBe(true);

	await page.getByRole('button', { name: 'Next' }).click();
	await page.getByRole('button', { name: 'Scared' }).click();
	// The first tap says the picture's name, the second chooses it.
	await page.getByRole('button', { name: 'I saw something scary or upsetting', exact: true }).click();
	await page.getByRole('button', { name: 'I saw something scary or upsetting', exact: true }).click();
	await page.getByRole('button', { name: 'Skip' }).click();
	await expect(page.getByRole('heading', { name: 'Your teacher is coming.' })).toBeVisible();

	for (const staff of [teacher, dsl]) {
		await expect(staff.getByRole('alert').filter({ hasText: 'Robins' })).toContainText(
			/Robins, Tablet \d+, \d\d:\d\d, on the class promises — feels scared — saw something scary or upsetting/
		);
	}
	await expect(otherTeacher.getByText(/feels scared/)).toHaveCount(0);

	// Other tests' reports may be waiting too: act on this one.
	const mine = (page: Page) =>
		page.locator('.alert', { hasText: 'feels scared — saw something scary or upsetting' });
	await mine(teacher).getByRole('button', { name: 'I’m with the child' }).click();
	await expect(mine(teacher)).toHaveCount(0);
	await expect(mine(dsl)).toHaveCount(0);

	// "I feel better now" once saved: back to the class home, never to the screen that was showing.
	await page.getByRole('button', { name: 'I feel better now' }).click();
	await expect(page).toHaveURL(/\/class$/);
	await expect(page.getByRole('dialog')).toHaveCount(0);

	await dsl.goto('/staff/incidents?status=all');
	await dsl
		.getByRole('link', { name: /feels scared/ })
		.first()
		.click();
	await expect(dsl.getByText('Demo teacher (Robins) is with the child.')).toBeVisible();
	// The chronology names the screen as staff call it, not by its address.
	await expect(dsl.getByText('Pressed on the class promises.')).toBeVisible();
	await context.close();
});

test('a press while the page is still starting covers the screen at once and is still reported', async ({
	browser
}) => {
	const dsl = await staffPage(browser, 'dsl@demo.harbour');
	const before = await incidentRows(dsl);
	const tiles = await readClassCard(browser, 'Ladybirds');
	// No service worker here, so the test can hold the app's code back on the network.
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await enrolTablet(context, 'Ladybirds');
	await signInClass(page, 'Ladybirds', tiles);

	let release!: () => void;
	const held = new Promise<void>((r) => (release = r));
	await context.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/class', { waitUntil: 'commit' });
	const button = page.getByRole('button', { name: 'Tell a grown-up', exact: true });
	await expect(button).toBeVisible();
	await expect(page.locator('[data-ready=yes]')).toHaveCount(0); // the app has not started
	const box = (await button.boundingBox())!;
	await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
	// Covered at once: the cover is opaque and on top of the page.
	await expect(page.locator('.cover')).toHaveCSS('opacity', '1');
	const onTop = await page.evaluate(() =>
		Boolean(document.elementFromPoint(innerWidth / 2, innerHeight / 3)?.closest('.cover'))
	);
	expect(onTop).toBe(true);

	release();
	await expect(page.locator('[data-ready=yes]')).toBeVisible();
	await expect(
		page.getByRole('heading', { name: 'Thank you for telling. You did the right thing.' })
	).toBeVisible();
	await expect.poll(() => incidentRows(dsl)).toBe(before + 1);
	await context.close();
});

test('a report made offline survives reloads and a closed tab and becomes exactly one incident', async ({
	browser
}) => {
	const dsl = await staffPage(browser, 'dsl@demo.harbour');
	const before = await incidentRows(dsl);
	const { context, page } = await classTablet(browser, 'Owls');
	await keptForOffline(page, '/class');
	await context.setOffline(true);
	await pressTellAGrownUp(page);
	await page.getByRole('button', { name: 'Next' }).click();
	await page.getByRole('button', { name: 'Sad' }).click();
	// The first tap says the picture's name, the second chooses it.
	await page.getByRole('button', { name: 'Someone was unkind', exact: true }).click();
	await page.getByRole('button', { name: 'Someone was unkind', exact: true }).click();
	await page.getByRole('button', { name: 'Skip' }).click();
	await expect(page.getByRole('button', { name: 'I feel better now' })).toBeEnabled();
	expect(await outboxRows(page)).toBe(2);

	await page.reload();
	await expect(page.getByRole('heading', { name: 'Hello, Owls!' })).toBeVisible();
	await page.close();
	const reopened = await context.newPage();
	await reopened.goto('/class');
	expect(await outboxRows(reopened)).toBe(2);
	await context.setOffline(false);
	await reopened.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect.poll(() => outboxRows(reopened)).toBe(0);

	expect(await incidentRows(dsl)).toBe(before + 1);
	await expect(dsl.getByRole('link', { name: /Owls.*feels sad — someone was unkind/ })).toHaveCount(1);
	await context.close();
});

test('the same report sent twice is one incident; a pupil cannot read incidents', async ({ browser }) => {
	const dsl = await staffPage(browser, 'dsl@demo.harbour');
	const before = await incidentRows(dsl);
	const { context, page } = await classTablet(browser, 'Ladybirds');
	const statuses = await page.evaluate(async () => {
		const reportId = crypto.randomUUID();
		const body = JSON.stringify({
			events: [
				{
					id: crypto.randomUUID(),
					kind: 'report.opened',
					clientTime: new Date().toISOString(),
					payload: { reportId, practice: false, source: 'button', context: { screen: '/class' } }
				}
			]
		});
		const send = () =>
			fetch('/api/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
		return [(await send()).status, (await send()).status];
	});
	expect(statuses).toEqual([200, 200]);
	expect(await incidentRows(dsl)).toBe(before + 1);
	const res = await page.request.get('/staff/incidents', { maxRedirects: 0 });
	expect([303, 401, 403]).toContain(res.status());
	await context.close();
});

test('a practice press praises the child and never reaches staff', async ({ browser }) => {
	const dsl = await staffPage(browser, 'dsl@demo.harbour');
	const before = await incidentRows(dsl);
	const { context, page } = await classTablet(browser, 'Robins');
	await page.goto('/class/charter');
	await page.getByRole('button', { name: 'Practise telling a grown-up' }).click();
	await pressTellAGrownUp(page);
	await expect(page.getByRole('heading', { name: 'Well done for pressing the button!' })).toBeVisible();
	await page.getByRole('button', { name: 'Next' }).click();
	await page.getByRole('button', { name: 'Back to my class' }).click();
	await expect(page).toHaveURL(/\/class$/);
	await expect.poll(() => outboxRows(page)).toBe(0);
	expect(await incidentRows(dsl)).toBe(before);
	await dsl.goto('/staff/reports');
	await expect(dsl.getByRole('row', { name: /Robins/ }).last()).toBeVisible();
	await context.close();
});

test('a practice armed on the charter and left unused never turns a real press elsewhere into practice', async ({
	browser
}) => {
	const teacher = await staffPage(browser, TEACHER.Owls);
	const dsl = await staffPage(browser, 'dsl@demo.harbour');
	const before = await incidentRows(dsl);
	const { context, page } = await classTablet(browser, 'Owls');
	await page.goto('/class/charter');
	await page.getByRole('button', { name: 'Practise telling a grown-up' }).click();
	// While armed, the button says it is practice.
	await expect(page.locator('button.tell')).toContainText('Practice');
	// The child does not press it: Home, then Search, then a real press.
	await page.getByRole('link', { name: 'Home' }).click();
	await expect(page).toHaveURL(/\/class$/);
	await page.getByRole('link', { name: 'Search' }).click();
	await expect(page).toHaveURL(/\/class\/search$/);
	await expect(page.locator('button.tell')).not.toContainText('Practice');
	await pressTellAGrownUp(page);
	await expect(page.getByRole('heading', { name: 'Well done for pressing the button!' })).toHaveCount(0);
	await expect(teacher.getByRole('alert').filter({ hasText: 'Owls' }).first()).toBeVisible();
	await expect.poll(() => incidentRows(dsl)).toBe(before + 1);
	// Printed, a staff page carries no live alerts.
	await teacher.emulateMedia({ media: 'print' });
	await expect(teacher.locator('section.alerts')).toBeHidden();
	await context.close();
});

test('with the tablet’s storage full, the child still sees the cover and the report still arrives', async ({
	browser
}) => {
	const dsl = await staffPage(browser, 'dsl@demo.harbour');
	const before = await incidentRows(dsl);
	const { context, page } = await classTablet(browser, 'Ladybirds');
	await page.evaluate(() => {
		IDBObjectStore.prototype.add = function () {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
	});
	await pressTellAGrownUp(page);
	await expect(
		page.getByRole('heading', { name: 'Thank you for telling. You did the right thing.' })
	).toBeVisible();
	await expect.poll(() => incidentRows(dsl)).toBe(before + 1);
	await dsl.goto('/staff');
	await expect(dsl.getByText(/Ladybirds, Tablet \d+: Storage is full/)).toBeVisible();
	await context.close();
});

test('illegal content: the procedure is shown and screenshots are refused', async ({ browser }) => {
	const dsl = await staffPage(browser, 'dsl@demo.harbour');
	await dsl.goto('/staff/incidents/new');
	await dsl
		.getByLabel('What happened (facts)')
		.fill('A child saw an image on a website at home and told me.');
	await dsl.getByLabel('Possible illegal content').check();
	await dsl.getByRole('button', { name: 'Record' }).click();
	await expect(dsl.getByRole('heading', { name: 'Possible illegal content: what to do now' })).toBeVisible();
	await expect(dsl.getByText('Do not screenshot, copy, download or forward it')).toBeVisible();
	await expect(dsl.getByText('Internet Watch Foundation').first()).toBeVisible();
	await expect(dsl.getByRole('heading', { name: 'Attach a screenshot' })).toHaveCount(0);
	// Even a hand-made request is refused by the server.
	const url = dsl.url();
	const res = await dsl.request.post(`${url}?/screenshot`, {
		headers: { origin: new URL(url).origin },
		multipart: {
			screenshot: { name: 'x.png', mimeType: 'image/png', buffer: Buffer.from([137, 80, 78, 71]) }
		}
	});
	expect(await res.text()).toContain('do not screenshot or copy it');
});

test('a teacher’s concern about possible illegal content alerts the DSL at once, as urgent; only the DSL can close it', async ({
	browser
}) => {
	const dsl = await staffPage(browser, 'dsl@demo.harbour');
	const waiting = async () => Number(await dsl.locator('[data-count="unacknowledged"]').textContent());
	await dsl.goto('/staff');
	const before = await waiting();
	const teacher = await staffPage(browser, TEACHER.Robins);
	await teacher.goto('/staff/incidents/new');
	const facts = `A child showed me a picture a stranger sent in a game chat (${crypto.randomUUID().slice(0, 8)}).`;
	await teacher.getByLabel('What happened (facts)').fill(facts);
	await teacher.getByLabel('Possible illegal content').check();
	await teacher.getByRole('button', { name: 'Record' }).click();
	// The teacher's first step is to tell the DSL, in person.
	await expect(teacher.locator('.procedure li').first()).toContainText('Tell the DSL now');

	// The DSL, on another page, is alerted at once, and it does not look like a routine press.
	const alert = dsl.locator('.alert[data-kind="illegal"]', { hasText: 'Robins' });
	await expect(alert).toContainText('URGENT — possible illegal content');
	await expect(alert.getByRole('button', { name: 'I’ve seen it' })).toBeVisible();
	// The teacher who recorded it is not alerted about their own concern.
	await expect(teacher.locator('.alert[data-kind="illegal"]')).toHaveCount(0);
	// The dashboard leads with what is waiting.
	await dsl.reload();
	await expect.poll(waiting).toBe(before + 1);

	// The teacher's close is a proposal; the incident stays open for the DSL.
	await teacher
		.getByLabel('Note (the outcome, when closing)')
		.fill('Parents told; they have blocked the chat.');
	await teacher.getByRole('button', { name: 'Propose closing (the DSL closes it)' }).click();
	await expect(teacher.getByText('Only the DSL can close this.')).toBeVisible();
	await teacher.reload();
	await expect(teacher.getByRole('heading', { level: 1 })).toContainText('New');

	await dsl
		.locator('.alert[data-kind="illegal"]', { hasText: 'Robins' })
		.getByRole('button', { name: 'I’ve seen it' })
		.click();
	await expect(dsl.locator('.alert[data-kind="illegal"]', { hasText: 'Robins' })).toHaveCount(0);
	await dsl.reload();
	await expect.poll(waiting).toBe(before);
});

test('1,000 reports queued on one tablet all arrive, and none twice', async ({ browser }) => {
	test.setTimeout(180_000);
	const { context, page } = await classTablet(browser, 'Owls');
	const dsl = await staffPage(browser, 'dsl@demo.harbour');
	const before = await reportedFor(dsl, 'Owls');
	await queueReports(page, 1000);
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect.poll(() => outboxRows(page), { timeout: 120_000 }).toBe(0);
	expect(await reportedFor(dsl, 'Owls')).toBe(before + 1000);
	await context.close();
});

/** The "By class" figure on the governors' report for this term. */
async function reportedFor(page: Page, className: string): Promise<number> {
	await page.goto('/staff/reports');
	const byClass = page.locator('section', {
		has: page.getByRole('heading', { name: 'By class', exact: true })
	});
	const cells = await byClass
		.locator('tr')
		.evaluateAll((rows) =>
			rows.map((r) => [r.querySelector('th')?.textContent ?? '', r.querySelector('td')?.textContent ?? ''])
		);
	return Number(cells.find(([k]) => k === className)?.[1] ?? 0);
}

/** Puts `n` reports straight into the tablet's outbox, as if pressed while offline. */
async function queueReports(page: Page, n: number): Promise<void> {
	await page.evaluate(async (n) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('harbour');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction('outbox', 'readwrite');
			for (let i = 0; i < n; i++) {
				tx.objectStore('outbox').add({
					id: crypto.randomUUID(),
					kind: 'report.opened',
					payload: {
						reportId: crypto.randomUUID(),
						practice: false,
						source: 'button',
						context: { screen: '/class' }
					},
					clientTime: new Date().toISOString(),
					attempts: 0,
					nextAttemptAt: 0
				});
			}
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
		});
	}, n);
}

// Beside the suite's own servers (E2E_PORT, +1; the set-up race test uses +2).
const KILL_PORT = Number(process.env.E2E_PORT ?? 4173) + 12;

test.describe('a server that dies', () => {
	// This test runs its own server, so that it can kill it.
	test.use({ baseURL: `http://localhost:${KILL_PORT}` });
	test('the server killed (SIGKILL) while a tablet flushes: after restart every report is there exactly once', async ({
		browser
	}) => {
		test.setTimeout(180_000);
		const dir = mkdtempSync(join(tmpdir(), 'harbour-kill-'));
		const start = (): ChildProcess =>
			spawn(process.execPath, ['build/index.js'], {
				stdio: 'ignore',
				env: {
					...process.env,
					PORT: String(KILL_PORT),
					ORIGIN: `http://localhost:${KILL_PORT}`,
					DATABASE_URL: '',
					DATABASE_PATH: `${dir}/harbour.db`,
					HARBOUR_DEMO: '1'
				}
			});
		const up = async () => {
			// Up to a minute: a busy machine starts a server slowly.
			for (let i = 0; i < 300; i++) {
				try {
					if ((await fetch(`http://127.0.0.1:${KILL_PORT}/api/health`)).ok) return;
				} catch {
					// not yet
				}
				await new Promise((r) => setTimeout(r, 200));
			}
			throw new Error('server did not start');
		};
		let server = start();
		// Never leave it running, even when an assertion fails.
		test.info().setTimeout(180_000);
		const stopServer = () => server.kill('SIGKILL');
		process.once('exit', stopServer);
		await up();
		const { context, page } = await classTablet(browser, 'Robins');
		const N = 600;
		await queueReports(page, N);
		await page.evaluate(() => window.dispatchEvent(new Event('online')));
		// Kill it mid-flush: some batches stored, some not, one perhaps stored without its reply.
		// A busy machine may take a while to start sending: wait up to a minute for the first batch.
		await expect.poll(() => outboxRows(page), { intervals: [20], timeout: 60_000 }).toBeLessThan(N);
		server.kill('SIGKILL');
		await new Promise((r) => server.once('exit', r));
		expect(await outboxRows(page)).toBeGreaterThan(0);
		server = start();
		await up();
		await page.evaluate(() => window.dispatchEvent(new Event('online')));
		await expect.poll(() => outboxRows(page), { timeout: 120_000 }).toBe(0);
		server.kill('SIGTERM');
		await context.close();
		const db = new Database(`${dir}/harbour.db`);
		const { n } = db.prepare("select count(*) as n from incidents where source = 'button'").get() as {
			n: number;
		};
		const { d } = db.prepare('select count(*) - count(distinct report_id) as d from incidents').get() as {
			d: number;
		};
		db.close();
		expect(n).toBe(N);
		expect(d).toBe(0);
	});
});
