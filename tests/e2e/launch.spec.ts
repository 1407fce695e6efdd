import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_URL } from '../../playwright.config';
import { classTablet, keptForOffline, PIN, pressTellAGrownUp, signInStaff, TEACHER } from './helpers';
import { lessonById, playToEnd, stage } from './play-lesson';

/**
 * Teachers in charge (issue 13): a teacher launches a lesson to the class's tablets, leads it
 * from the board, pauses (eyes on me) and ends it; a tablet offline at the launch gets it when it
 * comes back; a teacher of another class cannot launch to this class.
 */
// A step that cannot happen says which one it was, rather than waiting out the whole test.
test.use({ actionTimeout: 30_000, navigationTimeout: 60_000 });

const LESSON = 'asking-before-we-tap';
const STEPS = ['hello', 'at-nanas-house', 'video-plays-on'];

async function teacherOnClassPage(browser: Browser, email = TEACHER.Ladybirds): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signInStaff(page, email);
	await page.goto('/staff');
	await page.getByRole('link', { name: 'Ladybirds' }).first().click();
	await expect(page).toHaveURL(/\/staff\/classes\/[^/]+$/);
	return page;
}

const lessonRow = (teacher: Page) => teacher.locator(`tr[data-lesson="${LESSON}"]`);

// A test that fails half-way must not leave the Ladybirds' lesson running: the class's tablets in
// every later test would be taken into it (a launched lesson comes before the child's own choice).
test.afterEach(async ({ browser }) => {
	const teacher = await teacherOnClassPage(browser);
	const classId = teacher.url().split('/').pop()!;
	await teacher.request.post(`/api/classes/${classId}/now`, {
		headers: { origin: DEMO_URL },
		data: { action: 'end' }
	});
	await teacher.context().close();
});

async function onStep(tablet: Page, step: string): Promise<void> {
	await expect(tablet).toHaveURL(new RegExp(`/class/lessons/${LESSON}$`), { timeout: 15_000 });
	await expect(stage(tablet)).toHaveAttribute('data-step', step, { timeout: 15_000 });
}

test('a teacher launches a lesson to two tablets, pauses (Tell a grown-up still works), resumes and ends it', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const a = await classTablet(browser, 'Ladybirds');
	const b = await classTablet(browser, 'Ladybirds');
	// One tablet has been here before, at a later page: a launch still starts at the first step.
	await a.page.goto(`/class/lessons/${LESSON}`);
	// A tap before the page has started its code does nothing: wait for it, as a child's eye would.
	await a.page.locator('[data-ready=yes]').waitFor();
	await a.page.getByRole('button', { name: 'Next' }).click();
	await expect(stage(a.page)).toHaveAttribute('data-step', STEPS[1]!);
	await a.page.goto('/class');

	const teacher = await teacherOnClassPage(browser);
	await lessonRow(teacher)
		.getByRole('button', { name: /on tablets/ })
		.click();
	for (const t of [a.page, b.page]) await onStep(t, STEPS[0]!);
	// Each child goes at their own pace: the tablet's own arrows work.
	await b.page.getByRole('button', { name: 'Next' }).click();
	await onStep(b.page, STEPS[1]!);

	// The teacher sees both tablets, one on each of the first two steps.
	const panel = teacher.locator('section.panel');
	await expect(panel.locator('.count')).toHaveAttribute('data-tablets', '2', { timeout: 20_000 });
	await expect(panel.locator('li[data-step="0"]')).toHaveAttribute('data-count', '1');
	await expect(panel.locator('li[data-step="1"]')).toHaveAttribute('data-count', '1');

	await panel.getByRole('button', { name: 'Pause — eyes on me' }).click();
	for (const t of [a.page, b.page]) {
		await expect(t.getByText('Look at your teacher.')).toBeVisible({ timeout: 15_000 });
	}
	// The pause covers the lesson: its arrows cannot be reached.
	const covered = await a.page.evaluate(() =>
		Boolean(document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest('[data-cover=pause]'))
	);
	expect(covered).toBe(true);
	// "Tell a grown-up" still works above the pause, and its cover goes over everything.
	await pressTellAGrownUp(a.page);
	await expect(
		a.page.getByRole('heading', { name: 'Thank you for telling. You did the right thing.' })
	).toBeVisible();
	await expect(a.page.getByText('Look at your teacher.')).toHaveCount(0);
	const cover = a.page.getByRole('dialog');
	await cover.getByRole('button', { name: 'Next' }).click();
	await cover.getByRole('button', { name: 'Sad' }).click();
	await cover.getByRole('button', { name: 'Someone was unkind' }).click();
	await cover.getByRole('button', { name: 'Skip' }).click(); // the words
	await cover.getByRole('button', { name: 'Skip' }).click(); // the drawing
	await cover.getByRole('button', { name: 'I feel better now' }).click();
	// The report cover closed (the child is taken to the class home): the class is still paused,
	// so the pause shows again.
	await expect(a.page).toHaveURL(/\/class$/);
	await expect(a.page.getByText('Look at your teacher.')).toBeVisible();

	await panel.getByRole('button', { name: 'Resume' }).click();
	for (const t of [a.page, b.page])
		await expect(t.getByText('Look at your teacher.')).toHaveCount(0, { timeout: 15_000 });
	await expect(b.page.locator('section.stage')).toHaveAttribute('data-step', STEPS[1]!);

	// The child who told a grown-up goes back to the lesson from the class home's big tile.
	await a.page.getByRole('link', { name: 'Our lesson now' }).click();
	await expect(stage(a.page)).toBeVisible();
	// Both children play on to the end of the lesson, each at their own pace: most finished.
	for (const t of [a.page, b.page]) await playToEnd(t, lessonById(LESSON));
	await expect(panel.locator('li[data-step="finished"]')).toHaveAttribute('data-count', '2', {
		timeout: 20_000
	});

	await panel.getByRole('button', { name: 'End lesson' }).click();
	for (const t of [a.page, b.page]) {
		await expect(t).toHaveURL(/\/class$/, { timeout: 15_000 });
		await expect(t.locator('.caption')).toContainText('Well done, everyone!');
	}
	await expect(panel).toHaveCount(0);
	// Taught: the class page says when it was launched.
	await teacher.reload();
	await expect(lessonRow(teacher).locator('td').nth(4)).not.toHaveText('not yet');
	// …and the coverage page shows it taught, against the year's plan.
	await teacher.goto('/staff/coverage');
	await expect(teacher.locator(`li[data-lesson="${LESSON}"][data-taught="yes"]`).first()).toContainText(
		'taught'
	);
	for (const c of [a.context, b.context, teacher.context()]) await c.close();
});

test('lead from the board: both tablets follow the teacher step by step, the board shows how they chose', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const a = await classTablet(browser, 'Ladybirds');
	const b = await classTablet(browser, 'Ladybirds');
	const board = await teacherOnClassPage(browser);
	await lessonRow(board)
		.getByRole('button', { name: /from the board/ })
		.click();
	await expect(board).toHaveURL(/\/board$/);
	await expect(board.locator('section.stage[data-playing=yes]')).toHaveAttribute('data-step', STEPS[0]!);
	for (const t of [a.page, b.page]) {
		await onStep(t, STEPS[0]!);
		// The board moves the tablets: they have no arrows of their own.
		await expect(t.getByRole('button', { name: 'Next' })).toBeHidden();
	}

	for (const step of STEPS.slice(1)) {
		await board.getByRole('button', { name: 'Next' }).click();
		await expect(board.locator('section.stage')).toHaveAttribute('data-step', step);
		for (const t of [a.page, b.page]) await onStep(t, step);
	}

	// The scenario: each tablet chooses (tap to hear it, tap again to choose); the board shows totals.
	const choose = async (t: Page, i: number) => {
		const pick = t.locator(`li.choice[data-choice="${i}"] .pick`);
		await pick.click();
		await pick.click();
		await expect(t.getByRole('status').filter({ hasText: 'look at the board' })).toBeVisible();
	};
	await choose(a.page, 0);
	await choose(b.page, 1);
	const split = board.locator('section.split');
	await expect(split.locator('[data-split-choice="0"]')).toHaveAttribute('data-count', '1', {
		timeout: 15_000
	});
	await expect(split.locator('[data-split-choice="1"]')).toHaveAttribute('data-count', '1');
	await expect(split.locator('[data-split-choice="2"]')).toHaveAttribute('data-count', '0');
	// The tablets' choices did not move them: they wait for the board.
	for (const t of [a.page, b.page]) await expect(stage(t)).toHaveAttribute('data-scene', 'next-video');

	// The teacher picks the branch to follow together.
	const branch = board.locator('li.choice[data-choice="0"] .pick');
	await branch.click();
	await branch.click();
	await expect(board.locator('section.stage')).toHaveAttribute('data-scene', 'asks-nana');
	for (const t of [a.page, b.page])
		await expect(stage(t)).toHaveAttribute('data-scene', 'asks-nana', { timeout: 15_000 });

	await board.getByRole('button', { name: 'End lesson' }).click();
	for (const t of [a.page, b.page]) await expect(t).toHaveURL(/\/class$/, { timeout: 15_000 });
	for (const c of [a.context, b.context, board.context()]) await c.close();
});

test('a tablet offline at the launch gets it when it comes back, at the board’s step', async ({
	browser
}) => {
	test.setTimeout(300_000);
	const { context, page } = await classTablet(browser, 'Ladybirds');
	await keptForOffline(page, '/class');
	await context.setOffline(true);
	await page.reload();
	await expect(page.locator('[data-ready=yes]')).toBeVisible();

	const board = await teacherOnClassPage(browser);
	await lessonRow(board)
		.getByRole('button', { name: /from the board/ })
		.click();
	await expect(board).toHaveURL(/\/board$/);
	await board.getByRole('button', { name: 'Next' }).click();
	await expect(board.locator('section.stage')).toHaveAttribute('data-step', STEPS[1]!);
	// Offline, the tablet cannot have heard it: it is still at the class home.
	await expect(page).toHaveURL(/\/class$/);
	await expect(page.getByText('Our lesson now')).toHaveCount(0);

	await context.setOffline(false);
	await onStep(page, STEPS[1]!);
	// Offline again, the class home still shows the lesson now.
	await page.goto('/class');
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('link', { name: 'Our lesson now' })).toBeVisible();
	await context.setOffline(false);
	await board.getByRole('button', { name: 'End lesson' }).click();
	await context.close();
	await board.context().close();
});

test('a teacher of another class cannot launch, pause or end for this class', async ({ browser }) => {
	const ladybirds = await teacherOnClassPage(browser);
	const classUrl = ladybirds.url();
	const classId = classUrl.split('/').pop()!;
	const owls = await (await browser.newContext()).newPage();
	await signInStaff(owls, TEACHER.Owls);
	const launch = await owls.request.post(`/api/classes/${classId}/now`, {
		headers: { origin: DEMO_URL },
		data: { action: 'launch', lessonId: LESSON, mode: 'tablets' }
	});
	expect(launch.status()).toBe(403);
	const form = await owls.request.post(`/staff/classes/${classId}?/launch`, {
		headers: { origin: DEMO_URL },
		form: { lessonId: LESSON, mode: 'tablets' },
		maxRedirects: 0
	});
	expect(form.status()).toBe(403);
	for (const action of ['pause', 'end']) {
		const res = await owls.request.post(`/api/classes/${classId}/now`, {
			headers: { origin: DEMO_URL },
			data: { action }
		});
		expect(res.status()).toBe(403);
	}
	const board = await owls.goto(`/staff/classes/${classId}/board`);
	expect(board?.status()).toBe(403);
	// Nothing was launched: the class's own teacher sees no lesson running.
	await ladybirds.reload();
	await expect(ladybirds.locator('section.panel')).toHaveCount(0);
	await ladybirds.context().close();
	await owls.context().close();
});

test('a tablet signed out of its class stops hearing the class’s commands', async ({ browser }) => {
	test.setTimeout(120_000);
	const tablet = await classTablet(browser, 'Ladybirds');
	await tablet.page.evaluate(() => {
		const w = window as unknown as { __heard: string[] };
		w.__heard = [];
		const source = new EventSource('/api/class/now/stream');
		for (const type of ['class.now', 'session.ended'])
			source.addEventListener(type, () => w.__heard.push(type));
	});
	const heard = () => tablet.page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
	await expect.poll(heard, { timeout: 15_000 }).toContain('class.now');
	// The grown-up signs the tablet out of the class with the kiosk PIN.
	const out = await tablet.context.request.post('/api/kiosk/unlock', {
		headers: { origin: DEMO_URL, 'content-type': 'application/json' },
		data: { pin: PIN, action: 'sign-out-class' }
	});
	expect(out.ok()).toBe(true);
	await expect.poll(heard, { timeout: 30_000 }).toContain('session.ended');
	const before = (await heard()).filter((t) => t === 'class.now').length;
	// A lesson launched afterwards never reaches it.
	const teacher = await teacherOnClassPage(browser);
	const classId = teacher.url().split('/').pop()!;
	const launch = await teacher.request.post(`/api/classes/${classId}/now`, {
		headers: { origin: DEMO_URL },
		data: { action: 'launch', lessonId: LESSON, mode: 'tablets' }
	});
	expect(launch.ok()).toBe(true);
	await teacher.request.post(`/api/classes/${classId}/now`, {
		headers: { origin: DEMO_URL },
		data: { action: 'end' }
	});
	await tablet.page.waitForTimeout(3_000);
	expect((await heard()).filter((t) => t === 'class.now').length).toBe(before);
	await teacher.context().close();
	await tablet.context.close();
});
