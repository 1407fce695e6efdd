/** Steps a person takes, shared by the browser tests. Demo school accounts. */
import AxeBuilder from '@axe-core/playwright';
import {
	expect,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	type Locator,
	type Page
} from '@playwright/test';

export const PASSWORD = 'harbour-demo';
export const PIN = '1234';
export const TEACHER = {
	Ladybirds: 'ladybirds.teacher@demo.harbour',
	Robins: 'robins.teacher@demo.harbour',
	Owls: 'owls.teacher@demo.harbour'
} as const;
export type DemoClass = keyof typeof TEACHER;

export async function signInStaff(page: Page, email: string, password = PASSWORD): Promise<void> {
	await page.goto('/staff/sign-in');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/staff$/);
}

/**
 * What a teacher reads off the printed class card: the picture password, in order. `options`
 * picks another school's address (a `baseURL`) on a many-school server.
 */
export async function readClassCard(
	browser: Browser,
	className: DemoClass,
	options: BrowserContextOptions = {}
): Promise<string[]> {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await signInStaff(page, 'admin@demo.harbour');
	await page.goto('/staff/admin/classes');
	await page
		.getByRole('row', { name: new RegExp(className) })
		.getByRole('link', { name: 'Print sign-in card' })
		.click();
	// The card opens by client-side navigation: read it once it is there, not the page before it.
	const pictures = page.locator('ol.tiles img');
	await expect(pictures).toHaveCount(3);
	const tiles = await pictures.evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt') ?? ''));
	await context.close();
	return tiles;
}

/** A teacher sets a new tablet up for their class with their own sign-in. */
export async function enrolTablet(context: BrowserContext, className: DemoClass): Promise<Page> {
	const page = await context.newPage();
	await page.goto('/');
	await page.getByRole('link', { name: 'Set up this tablet for a class' }).click();
	const form = page.locator('form[action="?/staff"]');
	await form.getByLabel('Email').fill(TEACHER[className]);
	await form.getByLabel('Password').fill(PASSWORD);
	await form.getByRole('button', { name: 'Set up this tablet' }).click();
	await expect(page).toHaveURL(/\/class\/sign-in$/);
	return page;
}

/** A child taps the class picture, then the three pictures. */
export async function signInClass(page: Page, className: DemoClass, tiles: string[]): Promise<void> {
	await page.getByRole('button', { name: `${className} class` }).click();
	for (const t of tiles) await page.getByRole('button', { name: t, exact: true }).click();
	await expect(page).toHaveURL(/\/class$/);
	await expect(page.locator('[data-ready=yes]')).toBeVisible();
}

/**
 * Waits until the service worker controls the tablet and has kept the pupil page at `path` for
 * offline use, as it does after the first online visit.
 */
export async function keptForOffline(page: Page, path: string): Promise<void> {
	// The worker's first install precaches the whole app (several MB), slow on a busy machine, and
	// an install that failed is tried again only at the next page load, as on a real tablet. So
	// this waits in bounded rounds and loads the page again between them, never without end.
	const kept = () =>
		page.evaluate(
			async (p) =>
				Boolean(
					navigator.serviceWorker.controller && (await (await caches.open('harbour-pupil-pages')).match(p))
				),
			path
		);
	const ROUNDS = 4;
	for (let round = 1; ; round++) {
		try {
			await expect
				.poll(kept, { timeout: 40_000, message: `the service worker keeps ${path} for offline use` })
				.toBe(true);
			return;
		} catch (error) {
			if (round === ROUNDS) throw error;
			await page.reload();
		}
	}
}

/** A signed-in class tablet in a fresh browser context. */
export async function classTablet(
	browser: Browser,
	className: DemoClass,
	options: BrowserContextOptions = {}
): Promise<{ context: BrowserContext; page: Page }> {
	const tiles = await readClassCard(browser, className, options);
	const context = await browser.newContext(options);
	const page = await enrolTablet(context, className);
	await signInClass(page, className, tiles);
	return { context, page };
}

/** Presses "Tell a grown-up" the way a finger does (pointerdown opens the cover). */
export async function pressTellAGrownUp(page: Page): Promise<void> {
	await page.locator('[data-ready=yes]').waitFor();
	await page.getByRole('button', { name: 'Tell a grown-up', exact: true }).dispatchEvent('pointerdown');
	await expect(page.getByRole('dialog')).toBeVisible();
}

/** Rows in the tablet's outbox (IndexedDB), as the tablet itself sees them. */
export async function outboxRows(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('harbour');
				open.onsuccess = () => {
					const req = open.result.transaction('outbox').objectStore('outbox').count();
					req.onsuccess = () => resolve(req.result);
					req.onerror = () => reject(req.error);
				};
				open.onerror = () => reject(open.error);
			})
	);
}

/** An axe scan of the page as it is now, against the WCAG 2.2 AA rules: no violations. */
export async function expectNoViolations(page: Page, name: string): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const summary = results.violations.map((v) => `${name}: ${v.id} (${v.nodes.length}) ${v.help}`);
	expect(summary).toEqual([]);
}

/** The pictures (cast images) under `within` that do not load: none, when they are cached for offline. */
export async function brokenPictures(within: Locator): Promise<string[]> {
	return within.locator('svg.picture image').evaluateAll(async (images) => {
		const hrefs = images.map((i) => i.getAttribute('href') ?? '');
		const ok = await Promise.all(
			hrefs.map((h) =>
				fetch(h).then(
					(r) => r.ok,
					() => false
				)
			)
		);
		return hrefs.filter((_, i) => !ok[i]);
	});
}
