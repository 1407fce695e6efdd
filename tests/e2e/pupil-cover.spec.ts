/**
 * A pupil who cannot read can always tell, and search results stay inside Harbour (issue 9,
 * findings 7, 8, 9), in the built app in Chromium.
 *
 * What Harbour says is heard through the browser's own speech API: the tablet's voice is replaced
 * by a recorder before the page starts (this machine has no voice to speak with), so a test can
 * tell what a child would have heard, and when.
 */
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { classTablet, enrolTablet, pressTellAGrownUp, signInStaff, TEACHER } from './helpers';

/** Records every sentence the tablet speaks in `window.__spoken` (for pages loaded from now on). */
async function listen(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		const spoken: string[] = [];
		(window as unknown as { __spoken: string[] }).__spoken = spoken;
		if (typeof speechSynthesis === 'undefined') return;
		speechSynthesis.getVoices = () => [];
		speechSynthesis.cancel = () => undefined;
		speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
			if (u.text) spoken.push(u.text);
			setTimeout(() => u.onend?.call(u, new Event('end') as SpeechSynthesisEvent), 5);
		};
	});
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);
const timesSaid = async (page: Page, sentence: string) =>
	(await spoken(page)).filter((s) => s === sentence).length;

const cover = (page: Page) => page.locator('.cover');
const whatPicture = (page: Page, id: string) => cover(page).locator(`button[data-what="${id}"]`);

/** Is every pixel of the drawing space white (nothing drawn)? */
async function drawingIsBlank(page: Page): Promise<boolean> {
	return page.getByLabel('Drawing space').evaluate((c: HTMLCanvasElement) => {
		const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
		for (let i = 0; i < data.length; i += 4)
			if (data[i] !== 255 || data[i + 1] !== 255 || data[i + 2] !== 255) return false;
		return true;
	});
}

/** A finger stroke across the drawing space. */
async function scribble(page: Page): Promise<void> {
	const box = (await page.getByLabel('Drawing space').boundingBox())!;
	await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.6, { steps: 8 });
	await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.4, { steps: 8 });
	await page.mouse.up();
}

async function signedInTablet(
	browser: Parameters<typeof classTablet>[0],
	name: 'Robins' | 'Owls' | 'Ladybirds'
) {
	const { context, page } = await classTablet(browser, name);
	await listen(context);
	await page.goto('/class');
	await expect(page.locator('[data-ready=yes]')).toBeVisible();
	return { context, page };
}

test('the cover: pictures are said before they are chosen, every step can be heard again, and back keeps the answers', async ({
	browser
}) => {
	const { context, page } = await signedInTablet(browser, 'Robins');
	await pressTellAGrownUp(page);
	// Said a sentence at a time, and shown whole, large, at the top of the cover.
	const thanks = 'Thank you for telling.';
	await expect.poll(() => timesSaid(page, thanks)).toBe(1);
	await expect(cover(page).locator('.cover-caption')).toHaveText(`${thanks} You did the right thing.`);

	// "Hear it again" on the first step and on every step after it.
	await page.getByRole('button', { name: 'Hear it again' }).click();
	await expect.poll(() => timesSaid(page, thanks)).toBe(2);
	await page.getByRole('button', { name: 'Next' }).click();
	await expect.poll(() => timesSaid(page, 'How do you feel?')).toBe(1);
	await page.getByRole('button', { name: 'Hear it again' }).click();
	await expect.poll(() => timesSaid(page, 'How do you feel?')).toBe(2);
	await page.getByRole('button', { name: 'Scared' }).click();

	// What happened: the first tap says the picture's name and shows it, and chooses nothing.
	await expect(cover(page)).toHaveAttribute('data-step', 'what');
	await expect.poll(() => timesSaid(page, 'What happened?')).toBe(1);
	await page.getByRole('button', { name: 'Hear it again' }).click();
	await expect.poll(() => timesSaid(page, 'What happened?')).toBe(2);
	const secrets = whatPicture(page, 'asked-secrets');
	await secrets.click();
	const secretsWords = 'Someone asked for my secrets, a photo, or to meet';
	await expect.poll(() => timesSaid(page, secretsWords)).toBe(1);
	await expect(secrets).toHaveClass(/armed/);
	await expect(secrets).toContainText(secretsWords);
	await expect(cover(page).locator('.cover-caption')).toHaveText(secretsWords);
	await expect(cover(page)).toHaveAttribute('data-step', 'what');
	// The second tap chooses it.
	await secrets.click();
	await expect(cover(page)).toHaveAttribute('data-step', 'extra');
	await page.getByRole('button', { name: 'Hear it again' }).click();
	await expect.poll(() => timesSaid(page, 'Do you want to draw it?')).toBe(2);

	// Back, and back again: what was chosen is still chosen.
	await page.getByRole('button', { name: 'Back' }).click();
	await expect(cover(page)).toHaveAttribute('data-step', 'what');
	await expect(secrets).toHaveClass(/armed/);
	await expect(page.getByRole('button', { name: `Choose: ${secretsWords}` })).toBeVisible();
	await page.getByRole('button', { name: 'Back' }).click();
	await expect(cover(page)).toHaveAttribute('data-step', 'feeling');
	await expect(page.getByRole('button', { name: 'Scared' })).toHaveClass(/chosen/);

	// The child changes their mind: another picture, chosen with the tick this time.
	await page.getByRole('button', { name: 'Skip' }).click();
	const unkind = whatPicture(page, 'someone-unkind');
	await unkind.click();
	await expect.poll(() => timesSaid(page, 'Someone was unkind')).toBe(1);
	await expect(cover(page)).toHaveAttribute('data-step', 'what');
	await page.getByRole('button', { name: 'Choose: Someone was unkind' }).click();
	await expect(cover(page)).toHaveAttribute('data-step', 'extra');

	// Drawing: "start again" wipes the page clean, and says so.
	await page.getByRole('button', { name: 'Draw it' }).click();
	await expect(page.getByLabel('Drawing space')).toBeVisible();
	await scribble(page);
	expect(await drawingIsBlank(page)).toBe(false);
	await page.getByRole('button', { name: 'Start again' }).click();
	await expect.poll(() => drawingIsBlank(page)).toBe(true);
	await expect.poll(() => timesSaid(page, 'Start again.')).toBe(1);
	await scribble(page);
	await page.getByRole('button', { name: 'Done' }).click();
	await expect(page.getByRole('heading', { name: 'Your teacher is coming.' })).toBeVisible();
	await page.getByRole('button', { name: 'Hear it again' }).click();
	await expect.poll(() => timesSaid(page, 'Your teacher is coming.')).toBe(2);

	// Staff see the answers the child settled on.
	const dsl = await (await browser.newContext()).newPage();
	await signInStaff(dsl, 'dsl@demo.harbour');
	await expect
		.poll(async () => {
			await dsl.goto('/staff/incidents?status=all');
			return dsl.getByRole('link', { name: /feels scared — someone was unkind/ }).count();
		})
		.toBeGreaterThan(0);
	await context.close();
	await dsl.context().close();
});

test('"someone asked for secrets" has its own picture, not the charter’s "keep it private"', async ({
	browser
}) => {
	const { context, page } = await signedInTablet(browser, 'Owls');
	await page.goto('/class/charter');
	const charterPictures = await page
		.locator('main img')
		.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src));
	await pressTellAGrownUp(page);
	await page.getByRole('button', { name: 'Next' }).click();
	await page.getByRole('button', { name: 'Skip' }).click();
	const secrets = cover(page)
		.getByRole('button', { name: 'Someone asked for my secrets, a photo, or to meet', exact: true })
		.locator('img');
	await expect(secrets).toBeVisible();
	const src = await secrets.evaluate((i) => (i as HTMLImageElement).src);
	expect(charterPictures.length).toBeGreaterThan(0);
	expect(charterPictures).not.toContain(src);
	// It is a real picture that the tablet shows.
	expect(await secrets.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
	await context.close();
});

test('with every word hidden, each step of the cover is done by pictures and the voice alone', async ({
	browser
}) => {
	const { context, page } = await signedInTablet(browser, 'Ladybirds');
	// A child who cannot read: no caption, no text at all, only pictures and what is said.
	await page.addStyleTag({
		content:
			'.cover *, .caption { color: transparent !important; } .cover-caption, .caption { display: none !important; }'
	});
	await pressTellAGrownUp(page);
	const pictureButton = (name: string): Locator =>
		cover(page).locator('button', { has: page.locator(`img[src$="/${name}.svg"]`) });

	/** Every control a child needs on this step carries a picture (the grown-ups' close aside). */
	async function everyButtonHasAPicture() {
		const bare = await cover(page)
			.locator('button:visible')
			.evaluateAll((buttons) =>
				buttons
					.filter((b) => !b.closest('.grown-up-close') && !b.classList.contains('colour'))
					.filter((b) => !b.querySelector('img'))
					.map((b) => b.outerHTML.slice(0, 80))
			);
		expect(bare).toEqual([]);
	}

	await expect.poll(() => timesSaid(page, 'Thank you for telling.')).toBe(1);
	await everyButtonHasAPicture();
	await pictureButton('back').last().click(); // the arrow onwards
	await expect.poll(() => timesSaid(page, 'How do you feel?')).toBe(1);
	await everyButtonHasAPicture();
	await pictureButton('face-sad').click();
	await expect.poll(() => timesSaid(page, 'Sad')).toBe(1);
	await expect.poll(() => timesSaid(page, 'What happened?')).toBe(1);
	await everyButtonHasAPicture();
	await pictureButton('what-saw').click();
	await expect.poll(() => timesSaid(page, 'I saw something scary or upsetting')).toBe(1);
	await pictureButton('what-saw').click();
	await expect.poll(() => timesSaid(page, 'Do you want to draw it?')).toBe(1);
	await everyButtonHasAPicture();
	await pictureButton('draw').click();
	await expect.poll(() => timesSaid(page, 'Draw what happened.')).toBe(1);
	await expect(page.getByLabel('Drawing space')).toBeVisible();
	await scribble(page);
	await everyButtonHasAPicture();
	await pictureButton('tick').click();
	await expect.poll(() => timesSaid(page, 'Your teacher is coming.')).toBe(1);
	await everyButtonHasAPicture();
	await expect(cover(page)).toHaveAttribute('data-step', 'done');
	await context.close();
});

test('"Tell a grown-up" works on the class sign-in screen, for the tablet’s class', async ({ browser }) => {
	const dsl = await (await browser.newContext()).newPage();
	await signInStaff(dsl, 'dsl@demo.harbour');
	const context = await browser.newContext();
	await listen(context);
	const page = await enrolTablet(context, 'Owls');
	// No class has signed in: the button is there all the same, in its usual place.
	await page.getByRole('button', { name: 'Tell a grown-up', exact: true }).dispatchEvent('pointerdown');
	await expect(
		page.getByRole('heading', { name: 'Thank you for telling. You did the right thing.' })
	).toBeVisible();
	await page.getByRole('button', { name: 'Next' }).click();
	await page.getByRole('button', { name: 'Worried' }).click();
	await page.getByRole('button', { name: 'Skip' }).click();
	await page.getByRole('button', { name: 'Skip' }).click();
	await expect(page.getByRole('heading', { name: 'Your teacher is coming.' })).toBeVisible();
	// It reaches the DSL as the Owls' report, from the sign-in screen.
	await expect(
		dsl.getByRole('alert').filter({ hasText: /Owls, .*on the class sign-in screen — feels worried/ })
	).toBeVisible({
		timeout: 30_000
	});
	await page.getByRole('button', { name: 'I feel better now' }).click();
	await expect(page).toHaveURL(/\/class\/sign-in$/);
	await expect(page.getByRole('button', { name: 'Owls class' })).toBeVisible();
	await context.close();
	await dsl.context().close();
});

test('a pupil 404 has the pupil look, a spoken message, a big Home button and "Tell a grown-up"', async ({
	browser
}) => {
	const { context, page } = await signedInTablet(browser, 'Robins');
	const res = await page.goto('/class/nope');
	expect(res?.status()).toBe(404);
	const words = 'This page is not here. Tap the house to go home.';
	await expect(page.getByRole('heading', { name: words })).toBeVisible();
	await expect.poll(() => timesSaid(page, 'This page is not here.')).toBeGreaterThan(0);
	await expect(page.locator('[data-notice=not-found] img[src$="/lost.svg"]')).toBeVisible();
	const tell = page.getByRole('button', { name: 'Tell a grown-up', exact: true });
	await expect(tell).toBeVisible();
	await tell.dispatchEvent('pointerdown');
	await expect(
		page.getByRole('heading', { name: 'Thank you for telling. You did the right thing.' })
	).toBeVisible();
	await page.getByRole('button', { name: 'Grown-ups: close' }).click();
	await page.reload();
	await page.getByRole('link', { name: 'Home' }).click();
	await expect(page).toHaveURL(/\/class$/);
	await expect(page.locator('[data-ready=yes]')).toBeVisible();

	// Before the class signs in too (an enrolled tablet).
	const fresh = await browser.newContext();
	const signedOut = await enrolTablet(fresh, 'Robins');
	await signedOut.goto('/class/lessons/nope/deeper');
	await expect(signedOut.getByRole('heading', { name: words })).toBeVisible();
	await expect(signedOut.getByRole('button', { name: 'Tell a grown-up', exact: true })).toBeVisible();
	await signedOut.getByRole('link', { name: 'Home' }).click();
	await expect(signedOut).toHaveURL(/\/class\/sign-in$/);
	await fresh.close();
	await context.close();
});

const PHET = 'https://phet.colorado.edu/en/simulations/';
const viewerFor = (url: string) => `/class/search/view?url=${encodeURIComponent(url)}`;

test('a site that cannot open inside Harbour asks for a grown-up, and never opens a tab', async ({
	browser
}) => {
	const { context, page } = await signedInTablet(browser, 'Robins');
	const popups: string[] = [];
	context.on('page', (p) => popups.push(p.url()));
	await page.goto('/class/search');
	await expect(page.locator('[data-ready=yes]')).toBeVisible();
	await page.getByLabel('Search words').fill('cbeebies');
	await page.getByRole('button', { name: 'Search', exact: true }).click();
	await page.getByRole('link', { name: /^CBeebies/ }).click();
	const words = 'This one needs a grown-up. Ask your teacher to open CBeebies for you.';
	await expect(page.getByRole('heading', { name: words })).toBeVisible();
	await expect.poll(() => timesSaid(page, 'This one needs a grown-up.')).toBe(1);
	await expect(page.locator('a[target=_blank]')).toHaveCount(0);
	await expect(page.locator('iframe')).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Home' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Tell a grown-up', exact: true })).toBeVisible();
	expect(popups).toEqual([]);

	// The teacher sees that a grown-up is needed.
	const teacher = await (await browser.newContext()).newPage();
	await signInStaff(teacher, TEACHER.Robins);
	await teacher.getByRole('link', { name: 'Robins' }).first().click();
	await expect(teacher.getByText(/Opened a site that needs a grown-up/).first()).toBeVisible();
	await teacher.context().close();
	await context.close();
});

test('a site that can open inside Harbour opens in its viewer, and offline shows "this needs the internet"', async ({
	browser
}) => {
	const { context, page } = await signedInTablet(browser, 'Owls');
	// This machine has no internet: the listed site is played by a page the test serves.
	await context.route('https://phet.colorado.edu/**', (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: '<!doctype html><title>PhET</title><h1>Simulations</h1>'
		})
	);
	await page.goto(viewerFor(PHET));
	const frame = page.locator('iframe');
	await expect(frame).toHaveAttribute('src', PHET);
	await expect(page.frameLocator('iframe').getByRole('heading', { name: 'Simulations' })).toBeVisible();
	await expect(frame).toHaveAttribute('data-loaded', 'yes');
	await expect(page.getByRole('link', { name: 'Home' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Tell a grown-up', exact: true })).toBeVisible();

	// The network goes: a friendly picture, never the browser's error page.
	await context.setOffline(true);
	const words = 'This needs the internet, and we can’t reach it just now. Let’s try again later.';
	await expect(page.getByRole('heading', { name: words })).toBeVisible();
	const picture = page.locator('[data-notice=needs-internet] img[src$="/cloud-off.svg"]');
	await expect(picture).toBeVisible();
	// The picture is there offline too (not a broken image).
	await expect.poll(() => picture.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
	await expect(page.locator('iframe')).toHaveCount(0);
	// And it comes back by itself with the network.
	await context.setOffline(false);
	await expect(page.frameLocator('iframe').getByRole('heading', { name: 'Simulations' })).toBeVisible();
	await context.close();
});

test('a site that never answers shows "this needs the internet" instead of an endless blank frame', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const { context, page } = await signedInTablet(browser, 'Owls');
	await context.route('https://phet.colorado.edu/**', () => {
		// Never answered: a school network that has lost its way out.
	});
	// (The page's own load waits for its frame, so do not wait for that.)
	await page.goto(viewerFor(PHET), { waitUntil: 'domcontentloaded' });
	await expect(page.locator('iframe')).toHaveAttribute('src', PHET);
	await expect(page.getByRole('heading', { name: /This needs the internet/ })).toBeVisible({
		timeout: 45_000
	});
	await expect
		.poll(() => timesSaid(page, 'This needs the internet, and we can’t reach it just now.'))
		.toBe(1);
	await context.close();
});
