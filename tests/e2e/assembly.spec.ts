/**
 * Assemblies in the hall (issue 15): run end to end by keyboard, black out and back, the
 * presenter's window following and leading, a "What should Sam do?" moment following the branch
 * picked, offline after one visit, axe on the list and the slides, and who may open them.
 * Driven by the compiled decks (the same compiler the build runs).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { compileLessons } from '../../tooling/compile-lessons';
import { compileAssemblies } from '../../tooling/compile-assemblies';
import { brokenPictures, enrolTablet, signInStaff, TEACHER } from './helpers';

const { assemblies } = compileAssemblies(process.cwd(), compileLessons(process.cwd()));
const deck = assemblies.find((a) => a.id === 'hands-still-screen-down')!;
const choiceAt = deck.slides.findIndex((s) => s.kind === 'choice');
const choice = deck.slides[choiceAt]!;

/** The slide on the big screen (its id), or null while it is blacked out. */
// Only a page whose code has started hears keys, so every slide check waits for that too.
const onScreen = (page: Page) => page.locator('main.screen[data-ready=yes] [data-slide]');
const expectSlide = (page: Page, index: number) =>
	expect(onScreen(page)).toHaveAttribute('data-slide', deck.slides[index]!.id, { timeout: 15_000 });

async function staffPage(browser: import('@playwright/test').Browser) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
	const page = await context.newPage();
	await signInStaff(page, TEACHER.Robins);
	return { context, page };
}

async function expectNoViolations(page: Page, name: string) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	expect(results.violations.map((v) => `${name}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
}

test('an assembly runs end to end by keyboard, and B blacks the screen out and back', async ({ browser }) => {
	test.setTimeout(180_000);
	const { context, page } = await staffPage(browser);
	await page.goto('/assembly');
	await page.getByRole('link', { name: `Start “${deck.title}”` }).click();
	await expectSlide(page, 0);
	await expect(onScreen(page)).toContainText(deck.slides[0]!.words);

	// → all the way: at the choice, → follows the first choice; the last slide stays put.
	let index = 0;
	const keys = ['ArrowRight', 'PageDown', ' '];
	for (let step = 0; deck.slides[index]!.next !== null; step++) {
		await page.keyboard.press(keys[step % keys.length]!);
		index = deck.slides[index]!.next!;
		await expectSlide(page, index);
	}
	await page.keyboard.press('ArrowRight');
	await expectSlide(page, deck.slides.length - 1);
	await expect(onScreen(page)).toContainText(deck.slides.at(-1)!.words);

	// Home, End, Page Up, and a slide number then Enter.
	await page.keyboard.press('Home');
	await expectSlide(page, 0);
	await page.keyboard.press('End');
	await expectSlide(page, deck.slides.length - 1);
	await page.keyboard.press('PageUp');
	await expectSlide(page, deck.slides.length - 2);
	await page.keyboard.type('3');
	await expect(page.getByText('Go to slide 3')).toBeVisible();
	await page.keyboard.press('Enter');
	await expectSlide(page, 2);

	// B blacks out (nothing of the slide shows), B again returns; "." does the same.
	await page.keyboard.press('b');
	await expect(page.locator('main.screen .frame')).toBeHidden();
	await expect(page.getByText('The screen is blacked out.')).toBeAttached();
	await page.keyboard.press('b');
	await expect(page.locator('main.screen .frame')).toBeVisible();
	await expectSlide(page, 2);
	await page.keyboard.press('.');
	await expect(page.locator('main.screen .frame')).toBeHidden();
	await page.keyboard.press('.');
	await expectSlide(page, 2);

	// A stray mouse move changes nothing.
	await page.mouse.move(100, 100);
	await page.mouse.move(900, 500);
	await expectSlide(page, 2);
	await context.close();
});

test('the presenter view follows the big screen and leads it, both ways', async ({ browser }) => {
	test.setTimeout(180_000);
	const { context, page: screen } = await staffPage(browser);
	await screen.goto(`/assembly/${deck.id}`);
	await expectSlide(screen, 0);
	// P opens the presenter's window.
	const [presenter] = await Promise.all([context.waitForEvent('page'), screen.keyboard.press('p')]);
	await expect(presenter).toHaveURL(new RegExp(`/assembly/${deck.id}/presenter$`));
	await presenter.locator('main.presenter[data-ready=yes]').waitFor();
	await expect(presenter.getByTestId('slide-number')).toHaveText('1', { timeout: 15_000 });
	await expect(presenter.getByTestId('narration')).toHaveText(deck.slides[0]!.narration);
	await expect(presenter.getByRole('heading', { name: 'Next' })).toBeVisible();
	await expect(presenter.locator('.next')).toContainText(deck.slides[1]!.words);
	await expect(presenter.getByTestId('elapsed')).toHaveText(/^\d+:\d\d$/);

	// The screen leads: the presenter follows.
	await screen.keyboard.press('ArrowRight');
	await screen.keyboard.press('ArrowRight');
	await expect(presenter.getByTestId('slide-number')).toHaveText('3');
	await expect(presenter.getByTestId('narration')).toHaveText(deck.slides[2]!.narration);

	// The presenter leads: the screen follows (buttons and keys).
	await presenter.getByRole('button', { name: 'Next →' }).click();
	await expectSlide(screen, 3);
	await presenter.keyboard.press('ArrowLeft');
	await expectSlide(screen, 2);
	await presenter.getByRole('button', { name: 'Black out (B)' }).click();
	await expect(screen.locator('main.screen .frame')).toBeHidden();
	await expect(presenter.getByText('Screen blacked out')).toBeVisible();
	await presenter.getByRole('button', { name: 'Black out (B)' }).click();
	await expect(screen.locator('main.screen .frame')).toBeVisible();
	await context.close();
});

test('at “What should Sam do?” the story follows the branch the presenter picks', async ({ browser }) => {
	test.setTimeout(180_000);
	const { context, page: screen } = await staffPage(browser);
	await screen.goto(`/assembly/${deck.id}`);
	await expectSlide(screen, 0);
	await screen.keyboard.type(String(choiceAt + 1));
	await screen.keyboard.press('Enter');
	await expectSlide(screen, choiceAt);
	for (const c of choice.choices!)
		await expect(onScreen(screen).getByRole('button', { name: c.label })).toBeVisible();

	// Key 2 picks the second choice on the big screen: its branch, then where the story meets again.
	await screen.keyboard.press('2');
	const second = choice.choices![1]!;
	await expectSlide(screen, second.to);
	let at = second.to;
	while (deck.slides[at]!.branch) {
		await screen.keyboard.press('ArrowRight');
		at = deck.slides[at]!.next!;
		await expectSlide(screen, at);
	}
	expect(deck.slides[at]!.branch).toBeUndefined();
	// ← retraces the branch that was taken, back to the choice.
	for (let i = 0; i < at - second.to + 1; i++) await screen.keyboard.press('ArrowLeft');
	await expectSlide(screen, choiceAt);

	// From the presenter's window: a click on the first choice.
	const presenter = await context.newPage();
	await presenter.goto(`/assembly/${deck.id}/presenter`);
	await expect(presenter.getByTestId('slide-number')).toHaveText(String(choiceAt + 1), { timeout: 15_000 });
	const first = choice.choices![0]!;
	await presenter.getByRole('button', { name: `1. ${first.label}` }).click();
	await expectSlide(screen, first.to);
	await expect(onScreen(screen)).toContainText(deck.slides[first.to]!.words);
	await context.close();
});

test('an assembly plays with no network after one visit', async ({ browser }) => {
	test.setTimeout(180_000);
	const { context, page } = await staffPage(browser);
	await page.goto(`/assembly/${deck.id}`);
	await expectSlide(page, 0);
	await page.evaluate(() => navigator.serviceWorker.ready);
	await expect
		.poll(
			() =>
				page.evaluate(async (id) => {
					const cache = await caches.open('harbour-assembly-pages');
					return Boolean(
						navigator.serviceWorker.controller &&
						(await cache.match(`/assembly/${id}`)) &&
						(await cache.match('/assembly'))
					);
				}, deck.id),
			{ message: 'the service worker keeps the assembly pages', timeout: 30_000 }
		)
		.toBe(true);
	await context.setOffline(true);
	await page.reload();
	await expectSlide(page, 0);
	await page.keyboard.press('ArrowRight');
	await expectSlide(page, 1);
	// Its pictures come from the cache too.
	const broken = await brokenPictures(onScreen(page));
	expect(broken).toEqual([]);
	// Another assembly, never opened, opens offline from the list.
	await page.goto('/assembly');
	const other = assemblies.find((a) => a.id !== deck.id)!;
	await page.getByRole('link', { name: `Start “${other.title}”` }).click();
	await expect(onScreen(page)).toHaveAttribute('data-slide', other.slides[0]!.id, { timeout: 15_000 });
	await context.close();
});

test('axe finds nothing on the list, a slide, a choice slide and the presenter view', async ({ browser }) => {
	test.setTimeout(180_000);
	const { context, page } = await staffPage(browser);
	await page.goto('/assembly');
	await expectNoViolations(page, 'assembly list');
	await page.goto(`/assembly/${deck.id}`);
	await expectSlide(page, 0);
	await page.keyboard.press('ArrowRight');
	await expectSlide(page, 1);
	await expectNoViolations(page, 'slide');
	await page.keyboard.type(String(choiceAt + 1));
	await page.keyboard.press('Enter');
	await expectSlide(page, choiceAt);
	await expectNoViolations(page, 'choice slide');
	const thumbs = deck.slides.findIndex((s) => s.kind === 'thumbs');
	// On a choice slide 1 to 3 pick a choice: leave it first, then type the number.
	await page.keyboard.press('Home');
	await expectSlide(page, 0);
	await page.keyboard.type(String(thumbs + 1));
	await page.keyboard.press('Enter');
	await expectSlide(page, thumbs);
	await expectNoViolations(page, 'thumbs slide');
	await page.goto(`/assembly/${deck.id}/presenter`);
	await expect(page.getByTestId('slide-number')).toBeVisible();
	await expectNoViolations(page, 'presenter view');
	await context.close();
});

test('any tablet of the school may open an assembly; a stranger is sent to sign in', async ({ browser }) => {
	test.setTimeout(120_000);
	const tabletContext = await browser.newContext();
	const tablet = await enrolTablet(tabletContext, 'Owls');
	await tablet.goto('/assembly');
	await expect(tablet.getByRole('heading', { name: 'Assemblies', level: 1 })).toBeVisible();
	await tablet.goto(`/assembly/${deck.id}`);
	await expect(onScreen(tablet)).toHaveAttribute('data-slide', deck.slides[0]!.id);
	await tabletContext.close();

	const strangerContext = await browser.newContext();
	const stranger = await strangerContext.newPage();
	await stranger.goto(`/assembly/${deck.id}`);
	await expect(stranger).toHaveURL(/\/staff\/sign-in\?next=/);
	await expect(stranger.locator('[data-slide]')).toHaveCount(0);
	const res = await strangerContext.request.get(`/assembly/${deck.id}/presenter`, { maxRedirects: 0 });
	expect(res.status()).toBe(303);
	await strangerContext.close();
});
