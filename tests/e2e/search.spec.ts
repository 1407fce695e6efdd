import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { classTablet, keptForOffline, signInStaff, TEACHER } from './helpers';

const SEARCH_BOX = 'Search words';

async function search(page: Page, words: string): Promise<void> {
	await page.getByLabel(SEARCH_BOX).fill(words);
	await page.getByRole('button', { name: 'Search', exact: true }).click();
}

/** Opens the search screen once the service worker is in charge, so it is kept for offline use. */
async function openSearchWithWorker(page: Page): Promise<void> {
	await keptForOffline(page, '/class');
	await page.goto('/class/search');
	await expect(page.locator('[data-ready=yes]')).toBeVisible();
	await keptForOffline(page, '/class/search');
}

/** The result screens appear only after a search, so the screen-by-screen axe scan cannot reach them. */
async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

async function staffPage(context: BrowserContext, email: string): Promise<Page> {
	const page = await context.newPage();
	await signInStaff(page, email);
	return page;
}

test('a class searches offline, by typing and by picture, and opens only listed sites', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const { context, page } = await classTablet(browser, 'Robins');
	await page.getByRole('link', { name: 'Search' }).click();
	await expect(page).toHaveURL(/\/class\/search$/);
	await openSearchWithWorker(page);

	await context.setOffline(true);
	await page.reload();
	await expect(page.locator('[data-ready=yes]')).toBeVisible();
	await search(page, 'dinosuars'); // a slip, as children type
	await expect(page.getByRole('link', { name: /Natural History Museum/ }).first()).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Stories' }).click();
	await expect(page.getByLabel(SEARCH_BOX)).toHaveValue('stories');
	await expect(page.getByRole('link', { name: /Storyline Online/ })).toBeVisible();

	// Harbour's own pages are found too.
	await search(page, 'promises');
	await page.getByRole('link', { name: /Our online safety promises/ }).click();
	await expect(page).toHaveURL(/\/class\/charter$/);

	// A site that cannot open inside Harbour: the child is asked to fetch a grown-up, no tab opens.
	await page.goto('/class/search');
	await search(page, 'cbeebies');
	await page.getByRole('link', { name: /^CBeebies/ }).click();
	await expect(page.getByRole('heading', { name: /Ask your teacher to open CBeebies/ })).toBeVisible();
	await expect(page.locator('a[target=_blank]')).toHaveCount(0);
	await context.close();
});

test('a blocked search gets a kind answer and its words never come back to the screen', async ({
	browser
}) => {
	const { context, page } = await classTablet(browser, 'Owls');
	await page.goto('/class/search');
	await expect(page.locator('[data-ready=yes]')).toBeVisible();
	await search(page, 'bet365 casino');
	await expect(page.getByText('Let’s try different words, or ask a grown-up.').first()).toBeVisible();
	await expect(page.getByLabel(SEARCH_BOX)).toHaveValue('');
	expect(await page.content()).not.toMatch(/bet365|casino/iu);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Try again' }).click();
	await expect(page.getByLabel(SEARCH_BOX)).toBeFocused();
	await context.close();
});

test('a worrying search thanks the child and tells a grown-up through the outbox', async ({ browser }) => {
	const { context, page } = await classTablet(browser, 'Robins');
	await page.goto('/class/search');
	await expect(page.locator('[data-ready=yes]')).toBeVisible();
	const sent = page.waitForRequest(
		(r) =>
			r.url().endsWith('/api/events') &&
			r.method() === 'POST' &&
			(r.postData() ?? '').includes('report.opened')
	);
	await search(page, 'someone is hurting me');
	await expect(
		page.getByText('Thank you for telling us — a grown-up will come and talk with you.')
	).toBeVisible();
	await expect(page.getByLabel(SEARCH_BOX)).toHaveValue('');
	const body = JSON.parse((await sent).postData() ?? '{}') as {
		events: { kind: string; payload: Record<string, unknown> }[];
	};
	const report = body.events.find((e) => e.kind === 'report.opened');
	expect(report?.payload).toMatchObject({
		practice: false,
		source: 'search',
		category: 'disclosure',
		context: { screen: '/class/search', searchQuery: 'someone is hurting me' }
	});
	expect(String(report?.payload.reportId)).toMatch(/^[0-9a-f-]{36}$/u);

	// It reached the server: the class teacher sees it in the search log.
	const teacher = await staffPage(await browser.newContext(), TEACHER.Robins);
	await expect(async () => {
		await teacher.goto('/staff/search?verdict=alert');
		await expect(teacher.getByRole('cell', { name: 'someone is hurting me' }).first()).toBeVisible({
			timeout: 1000
		});
	}).toPass({ timeout: 15_000 });
	// In the incident log it is a disclosure and urgent: it never looks like a routine press.
	await teacher.goto('/staff/incidents');
	const row = teacher.locator('tbody tr', { hasText: 'safe search' }).first();
	await expect(row.locator('[data-kind]')).toHaveAttribute('data-kind', 'disclosure');
	await expect(row).toContainText('Disclosure');
	await expect(row).toContainText('(urgent)');
	await context.close();
});

test('a list change needs a second person, then reaches the tablets', async ({ browser }) => {
	const dsl = await staffPage(await browser.newContext(), 'dsl@demo.harbour');
	await dsl.goto('/staff/search/proposals');
	const form = dsl.locator('form[action="?/addSite"]');
	await form.getByLabel('Address').fill('http://owl-babies.example/club');
	await form.getByLabel('Name').fill('Owl Babies Club');
	await form.getByLabel('One line for children').fill('Songs and pictures about baby owls.');
	await form.getByLabel('Words children might search for').fill('owlets, baby owls');
	await form.getByLabel('Why').fill('Year 1 owl topic');
	await form.getByRole('button', { name: 'Propose the site' }).click();
	await expect(dsl.getByText('The address must start with https://.')).toBeVisible();
	await form.getByLabel('Address').fill('owl-babies.example/club');
	await form.getByRole('button', { name: 'Propose the site' }).click();
	await expect(dsl.getByRole('status').filter({ hasText: 'Sent.' })).toBeVisible();

	// The proposer is offered no way to approve, and the server refuses if asked anyway.
	const waiting = dsl.locator('li.proposal', { hasText: 'Owl Babies Club' });
	await expect(waiting.getByText('You proposed this, so another DSL or admin must decide it.')).toBeVisible();
	const id = await waiting.getAttribute('data-proposal');
	const own = await dsl.request.post('/staff/search/proposals?/approve', {
		headers: { origin: new URL(dsl.url()).origin, 'x-sveltekit-action': 'true' },
		form: { id: id ?? '', reason: 'I checked it myself' }
	});
	expect(await own.text()).toContain('someone else must check it');

	const admin = await staffPage(await browser.newContext(), 'admin@demo.harbour');
	await admin.goto('/staff/search/proposals');
	const toDecide = admin.locator('li.proposal', { hasText: 'Owl Babies Club' });
	await toDecide.getByLabel('Your reason').fill('Checked: no adverts, no chat.');
	await toDecide.getByRole('button', { name: 'Approve and publish' }).click();
	await expect(admin.getByText(/Approved and published as list version \d+/u)).toBeVisible();
	await admin.goto('/staff/search/list');
	await expect(admin.getByRole('row', { name: /Owl Babies Club/ })).toContainText(/admin/iu);

	// A tablet picks the change up on its next visit to search.
	const { context, page } = await classTablet(browser, 'Ladybirds');
	await page.goto('/class/search');
	await expect(page.locator('[data-ready=yes]')).toBeVisible();
	await expect(async () => {
		await search(page, 'owlets');
		await expect(page.getByRole('link', { name: /Owl Babies Club/ })).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 15_000 });
	// Approved after this build, so not in the page's frame-src yet: a grown-up opens it.
	await page.getByRole('link', { name: /Owl Babies Club/ }).click();
	await expect(page.getByRole('heading', { name: /Ask your teacher to open Owl Babies Club/ })).toBeVisible();
	await context.close();
});

test('a link dressed up as a listed site is refused and never opened', async ({ browser }) => {
	const { context, page } = await classTablet(browser, 'Owls');
	for (const trick of [
		'https://www.bbc.co.uk@evil.example/cbeebies/',
		'https://www.bbc.co.uk.evil.example/cbeebies/',
		'https://www.bbc.co.uk/cbeebies/../../evil/',
		'javascript:alert(1)'
	]) {
		await page.goto(`/class/search/view?url=${encodeURIComponent(trick)}`);
		await expect(page.getByRole('heading', { name: /We can’t open that one/u })).toBeVisible();
		await expect(page.locator('iframe')).toHaveCount(0);
		await expect(page.locator('a[target=_blank]')).toHaveCount(0);
	}
	// An embeddable listed site opens inside Harbour, in a sandboxed frame.
	await page.goto(
		`/class/search/view?url=${encodeURIComponent('https://phet.colorado.edu/en/simulations/')}`
	);
	const frame = page.locator('iframe');
	await expect(frame).toHaveAttribute('src', 'https://phet.colorado.edu/en/simulations/');
	await expect(frame).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms');
	await context.close();
});
