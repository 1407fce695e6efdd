import { expect, test } from '@playwright/test';
import { classTablet, signInStaff, TEACHER } from './helpers';

/**
 * "This should have been caught" (issue 12, item 6): the DSL marks a search the filter allowed,
 * sees it listed, and downloads it in the training export; a teacher can do neither. Any
 * allowed search will do for the mechanism; the words never reach an address bar.
 */
test('the DSL marks an allowed search "should have been caught" and it reaches the training export', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const words = 'where do puffins sleep at night';
	const { context, page } = await classTablet(browser, 'Owls');
	await page.goto('/class/search');
	await expect(page.locator('[data-ready=yes]')).toBeVisible({ timeout: 30_000 });
	await page.getByLabel('Search words').fill(words);
	await page.getByRole('button', { name: 'Search', exact: true }).click();

	const dsl = await (await browser.newContext()).newPage();
	await signInStaff(dsl, 'dsl@demo.harbour');
	const row = dsl.locator('tbody tr', { hasText: words }).first();
	await expect(async () => {
		await dsl.goto('/staff/search?verdict=allow');
		await expect(row).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 60_000 });
	// The tablet's outbox has delivered the search; the tablet can go.
	await context.close();
	// Who let it through, in words the DSL reads without knowing the model.
	await expect(row).toContainText(/Decided by the model: sounded \d+ % unsafe, too little to block/u);
	await row.getByText('This should have been caught').click();
	await row.getByLabel('Category').selectOption({ label: 'Chatting to people you do not know' });
	await row.getByRole('button', { name: 'Mark it' }).click();
	await expect(dsl.getByRole('status').filter({ hasText: 'Marked.' })).toContainText(
		'It is in the training export'
	);
	await expect(row).toContainText('Marked: should have been caught');
	const marked = dsl.getByRole('region', { name: 'Marked “should have been caught”' });
	await expect(marked.getByRole('row', { name: new RegExp(words, 'u') })).toContainText(
		'Chatting to people you do not know'
	);
	expect(dsl.url()).not.toContain('puffins');

	const exported = await dsl.request.get('/staff/search/training-export.txt');
	expect(exported.status()).toBe(200);
	expect(exported.headers()['content-disposition']).toMatch(/^attachment/u);
	const lines = (await exported.text()).split('\n');
	expect(lines.slice(lines.indexOf('# block-stranger-chat'))).toContain(words);

	// A teacher sees the search in the log but cannot mark it or download the export.
	const teacher = await (await browser.newContext()).newPage();
	await signInStaff(teacher, TEACHER.Owls);
	await teacher.goto('/staff/search?verdict=allow');
	await expect(teacher.locator('tbody tr', { hasText: words }).first()).toBeVisible();
	await expect(teacher.getByText('This should have been caught')).toHaveCount(0);
	await expect(teacher.getByText('Marked “should have been caught”')).toHaveCount(0);
	expect((await teacher.request.get('/staff/search/training-export.txt')).status()).toBe(403);
});
