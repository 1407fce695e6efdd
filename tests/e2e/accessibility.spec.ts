import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { EMPTY_URL } from '../../playwright.config';
import { classTablet, enrolTablet, readClassCard, signInStaff } from './helpers';

async function expectNoViolations(page: Page, name: string) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const summary = results.violations.map((v) => `${name}: ${v.id} (${v.nodes.length}) ${v.help}`);
	expect(summary).toEqual([]);
}

test('every screen passes an axe scan (WCAG 2.2 AA rules)', async ({ browser }) => {
	test.setTimeout(360_000);
	const anon = await (await browser.newContext()).newPage();
	for (const [name, path] of [
		['front door', '/'],
		['enrol', '/enrol'],
		['staff sign-in', '/staff/sign-in']
	] as const) {
		await anon.goto(path);
		await expectNoViolations(anon, name);
	}
	await anon.goto(`${EMPTY_URL}/setup`);
	await expectNoViolations(anon, 'first-run setup');

	const tiles = await readClassCard(browser, 'Robins');
	const tabletContext = await browser.newContext();
	const tablet = await enrolTablet(tabletContext, 'Robins');
	await expectNoViolations(tablet, 'class picture');
	await tablet.goto('/class/nope');
	await expectNoViolations(tablet, 'pupil 404 (before sign-in)');
	await tablet.goto('/class/sign-in');
	await tablet.getByRole('button', { name: 'Robins class' }).click();
	await expectNoViolations(tablet, 'picture password');
	for (const t of tiles) await tablet.getByRole('button', { name: t, exact: true }).click();
	await expect(tablet).toHaveURL(/\/class$/);
	for (const [name, path] of [
		['class home', '/class'],
		['charter', '/class/charter'],
		['grown-ups', '/class/grown-ups'],
		['search', '/class/search'],
		['search: ask a grown-up', '/class/search/view?url=https%3A%2F%2Fwww.bbc.co.uk%2Fcbeebies%2F'],
		['search refusal', '/class/search/view?url=https%3A%2F%2Fevil.example%2F'],
		['pupil 404', '/class/nope']
	] as const) {
		await tablet.goto(path);
		await expectNoViolations(tablet, name);
	}
	await tablet.getByRole('button', { name: 'Tell a grown-up', exact: true }).dispatchEvent('pointerdown');
	await expectNoViolations(tablet, 'Tell a grown-up: thanks');
	await tablet.getByRole('button', { name: 'Next' }).click();
	await expectNoViolations(tablet, 'Tell a grown-up: feelings');
	await tablet.getByRole('button', { name: 'Skip' }).click();
	await expectNoViolations(tablet, 'Tell a grown-up: what happened');
	await tablet.getByRole('button', { name: 'Someone was unkind' }).click();
	await expect(tablet.getByRole('button', { name: 'Choose: Someone was unkind' })).toBeVisible();
	await expectNoViolations(tablet, 'Tell a grown-up: a picture said, ready to choose');
	await tablet.getByRole('button', { name: 'Skip' }).click();
	await expectNoViolations(tablet, 'Tell a grown-up: show us');
	await tablet.getByRole('button', { name: 'Draw it' }).click();
	await expect(tablet.getByLabel('Drawing space')).toBeVisible();
	await expectNoViolations(tablet, 'Tell a grown-up: drawing');
	await tabletContext.close();

	const admin = await (await browser.newContext()).newPage();
	await signInStaff(admin, 'admin@demo.harbour');
	for (const [name, path] of [
		['dashboard', '/staff'],
		['account', '/staff/account'],
		['staff admin', '/staff/admin/staff'],
		['classes admin', '/staff/admin/classes'],
		['tablets admin', '/staff/admin/devices'],
		['settings', '/staff/admin/settings'],
		['search log', '/staff/search'],
		['search proposals', '/staff/search/proposals'],
		['search list', '/staff/search/list']
	] as const) {
		await admin.goto(path);
		await expectNoViolations(admin, name);
	}
	await admin.getByRole('link', { name: 'Robins' }).first().click();
	await expectNoViolations(admin, 'class page');
	await admin.goto('/staff/admin/classes');
	await admin.getByRole('link', { name: 'Print sign-in card' }).first().click();
	await expectNoViolations(admin, 'class card');
	for (const [name, path] of [
		['incident log', '/staff/incidents?status=all'],
		['record a concern', '/staff/incidents/new'],
		['reports', '/staff/reports']
	] as const) {
		await admin.goto(path);
		await expectNoViolations(admin, name);
	}
	await admin.goto('/staff/incidents?status=all');
	await admin.locator('tbody a').first().click();
	await expect(admin.getByRole('heading', { name: 'Chronology' })).toBeVisible();
	await expectNoViolations(admin, 'incident');

	// A lesson led from the board (issue 13): the board, a tablet following it, the tablet paused,
	// and the class page with the lesson running.
	const ladybirds = await classTablet(browser, 'Ladybirds');
	await admin.goto('/staff');
	await admin.getByRole('link', { name: 'Ladybirds' }).first().click();
	await expect(admin).toHaveURL(/\/staff\/classes\/[^/]+$/);
	const classUrl = admin.url();
	await admin
		.locator('tr[data-lesson="asking-before-we-tap"]')
		.getByRole('button', { name: 'Lead from the board' })
		.click();
	await expect(admin.locator('section.stage[data-playing=yes]')).toBeVisible();
	await expectNoViolations(admin, 'board');
	await expect(ladybirds.page.locator('section.stage[data-playing=yes]')).toBeVisible();
	await expectNoViolations(ladybirds.page, 'lesson following the board');
	await admin.getByRole('button', { name: 'Pause — eyes on me' }).click();
	await expect(ladybirds.page.getByText('Look at your teacher.')).toBeVisible();
	await expectNoViolations(ladybirds.page, 'pause — eyes on me');
	await admin.goto(classUrl);
	await expect(admin.locator('section.panel')).toBeVisible();
	await expectNoViolations(admin, 'class page with a lesson running');
	await admin.getByRole('button', { name: 'End lesson' }).click();
	await expect(ladybirds.page).toHaveURL(/\/class$/);
	await ladybirds.context.close();
});
