/**
 * A trust-wide safe-search list (issue 16), on the demo trust (three schools, one PostgreSQL
 * database, each school at its own `*.localhost` address). The trust's admin, based at Oak,
 * publishes a site and a blocked word; a class tablet at Ash, another school of the trust, finds
 * the site and is kindly blocked on the word, and Ash's staff see both as the trust's entries.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { classTablet, expectNoViolations, signInStaff } from './helpers';
import { emptyPostgres, portAt, postgresUrl, startServer, stopAllServers } from './service-helpers';

test.afterEach(() => stopAllServers());

/** A browser at one school's address; the proxy's header is sent as nginx would add it. */
const at = (base: string) => ({ baseURL: base, extraHTTPHeaders: { 'x-forwarded-proto': 'http' } });

async function staffAt(browser: Browser, base: string, email: string): Promise<Page> {
	const page = await (await browser.newContext(at(base))).newPage();
	await signInStaff(page, email);
	return page;
}

async function search(page: Page, words: string): Promise<void> {
	await page.getByLabel('Search words').fill(words);
	await page.getByRole('button', { name: 'Search', exact: true }).click();
}

test('a trust admin publishes a site and a blocked word; a tablet at another school of the trust has them', async ({
	browser
}) => {
	test.setTimeout(400_000);
	const url = await postgresUrl();
	await emptyPostgres(url);
	const port = portAt(50);
	await startServer(
		port,
		{ engine: 'postgres', where: url },
		{ HARBOUR_DEMO: 'trust', PROTOCOL_HEADER: 'x-forwarded-proto' },
		null
	);
	const oak = `http://oak.localhost:${port}`;
	const ash = `http://ash.localhost:${port}`;

	// A school's own admin is not the trust's admin: the trust's list is not theirs to change.
	const ashAdmin = await staffAt(browser, ash, 'admin@demo.harbour');
	expect((await ashAdmin.goto('/staff/trust/search'))?.status()).toBe(403);

	const trustAdmin = await staffAt(browser, oak, 'trust.admin@demo.harbour');
	await trustAdmin.goto('/staff/trust/search');
	await expect(trustAdmin.getByRole('heading', { name: 'The trust’s safe-search list' })).toBeVisible();
	await expect(trustAdmin.getByText('Ash Primary School (demo)').first()).toBeVisible();

	// A word, first without a reason (what to fix), then with one.
	const word = trustAdmin.locator('form[action="?/addTerm"]');
	await word.getByLabel('Category').selectOption('gambling');
	await word.getByLabel('Word or phrase').fill('zorbleflap');
	await word.getByRole('button', { name: 'Block it in every school' }).click();
	await expect(
		trustAdmin.getByRole('alert').filter({ hasText: 'Say why the list should change' })
	).toBeVisible();
	await word.getByLabel('Why').fill('A gambling game children talked about in two schools.');
	await word.getByRole('button', { name: 'Block it in every school' }).click();
	await expect(
		trustAdmin.getByRole('status').filter({ hasText: 'Published as trust list version 1' })
	).toBeVisible();

	const site = trustAdmin.locator('form[action="?/addSite"]');
	await site.getByLabel('Address').fill('owl-club.example/kids');
	await site.getByLabel('Name').fill('Owl Club');
	await site.getByLabel('One line for children').fill('Songs and pictures about baby owls.');
	await site.getByLabel('Words children might search for').fill('owlets, baby owls');
	await site.getByLabel('Why').fill('The trust’s Year 1 owl topic.');
	await site.getByRole('button', { name: 'Publish the site to every school' }).click();
	await expect(
		trustAdmin.getByRole('status').filter({ hasText: 'Published as trust list version 2' })
	).toBeVisible();

	// The trust's entries and history on its page.
	await trustAdmin.reload();
	await expect(trustAdmin.getByRole('row', { name: /Owl Club/ }).first()).toContainText('Trust list');
	await expect(
		trustAdmin.getByRole('region', { name: 'History' }).getByRole('row', { name: /zorbleflap/ })
	).toContainText('Demo trust admin');
	await expectNoViolations(trustAdmin, 'the trust’s safe-search list');

	// Ash's own staff see them in Ash's list, as the trust's.
	await ashAdmin.goto('/staff/search/list');
	await expect(ashAdmin.getByRole('row', { name: /Owl Club/ })).toContainText(
		'Trust list (approved by Demo trust admin'
	);
	await expect(ashAdmin.getByRole('row', { name: /zorbleflap/ })).toContainText('Trust list');

	// A class tablet at Ash picks them up on its next visit to search.
	const { context, page } = await classTablet(browser, 'Owls', at(ash));
	await page.goto('/class/search');
	await expect(page.locator('[data-ready=yes]')).toBeVisible();
	await expect(async () => {
		await search(page, 'owlets');
		await expect(page.getByRole('link', { name: /Owl Club/ })).toBeVisible({ timeout: 2000 });
	}).toPass({ timeout: 60_000 });
	await page.goto('/class/search');
	await expect(page.locator('[data-ready=yes]')).toBeVisible();
	await search(page, 'zorbleflap');
	await expect(page.getByText('Let’s try different words, or ask a grown-up.').first()).toBeVisible();
	expect(await page.content()).not.toMatch(/zorbleflap/iu);

	for (const c of [context, ashAdmin.context(), trustAdmin.context()]) await c.close();
});
