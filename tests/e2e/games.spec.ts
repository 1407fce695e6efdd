/**
 * The four games in a real browser: played to the end by touch (touch events on the canvas, at
 * the positions the DOM mirror publishes) and by keyboard (the mirror's buttons), online and
 * offline; an axe scan of the game screens; no canvases or listeners left behind after leaving a
 * game ten times; and no Phaser at all on the class home.
 */
import { compileLessons } from '../../tooling/compile-lessons';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type CDPSession, type Page } from '@playwright/test';
import { enrolTablet, keptForOffline, readClassCard, signInClass, type DemoClass } from './helpers';

const GAMES = ['keep-it-secret', 'kind-words', 'real-or-pretend', 'spot-it-and-tell'] as const;
type Game = (typeof GAMES)[number];

/** A signed-in class tablet with a touch screen. */
async function touchTablet(browser: Browser, className: DemoClass) {
	const tiles = await readClassCard(browser, className);
	const context = await browser.newContext({ hasTouch: true, viewport: { width: 1180, height: 820 } });
	const page = await enrolTablet(context, className);
	await signInClass(page, className, tiles);
	const cdp = await context.newCDPSession(page);
	return { context, page, cdp };
}

async function openGame(page: Page, game: Game): Promise<void> {
	await page.goto(`/class/games/${game}`);
	await expect(page.locator('section.game[data-ready=yes]')).toBeVisible({ timeout: 20_000 });
}

/** World coordinates (1600 × 900) → the page's CSS pixels, through the canvas's real box. */
async function toScreen(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
	const box = await page.locator('.stage canvas').boundingBox();
	if (!box) throw new Error('no canvas');
	return { x: box.x + (x * box.width) / 1600, y: box.y + (y * box.height) / 900 };
}

async function touch(
	cdp: CDPSession,
	type: 'touchStart' | 'touchMove' | 'touchEnd',
	p?: { x: number; y: number }
) {
	await cdp.send('Input.dispatchTouchEvent', {
		type,
		touchPoints: p ? [{ x: Math.round(p.x), y: Math.round(p.y), id: 1 }] : []
	});
}

async function touchDrag(
	page: Page,
	cdp: CDPSession,
	from: { x: number; y: number },
	to: { x: number; y: number }
) {
	await touch(cdp, 'touchStart', from);
	for (let i = 1; i <= 8; i++) {
		await touch(cdp, 'touchMove', {
			x: from.x + ((to.x - from.x) * i) / 8,
			y: from.y + ((to.y - from.y) * i) / 8
		});
		await page.waitForTimeout(16);
	}
	await touch(cdp, 'touchEnd');
}

async function touchTap(page: Page, cdp: CDPSession, p: { x: number; y: number }) {
	await touch(cdp, 'touchStart', p);
	await page.waitForTimeout(40);
	await touch(cdp, 'touchEnd');
	await page.waitForTimeout(40);
}

interface Spot {
	id: string;
	x: number;
	y: number;
}
const spots = (page: Page, attr: 'data-item' | 'data-target') =>
	page
		.locator(`[${attr}]`)
		.evaluateAll(
			(els, a) =>
				els.map((e) => ({ id: e.getAttribute(a) ?? '', x: Number(e.dataset.x), y: Number(e.dataset.y) })),
			attr
		) as Promise<Spot[]>;

const moves = async (page: Page) => Number(await page.locator('section.game').getAttribute('data-moves'));

/**
 * Plays the game on screen to its end, trying targets in order until each item is placed (so
 * wrong moves and their hints happen too). `how` moves an item to a target. Returns hints heard.
 */
async function playToEnd(
	page: Page,
	how: (item: Spot, target: Spot, n: number) => Promise<void>
): Promise<number> {
	let hints = 0;
	let n = 0;
	for (let guard = 0; guard < 80; guard++) {
		if ((await page.locator('section.game[data-done=yes]').count()) > 0) return hints;
		const [item] = await spots(page, 'data-item');
		if (!item) throw new Error('no item to move, and the game is not done');
		const targets = await spots(page, 'data-target');
		let placed = false;
		for (const target of targets) {
			const before = await moves(page);
			await how(item, target, n++);
			await expect
				.poll(() => moves(page), { message: `${item.id} → ${target.id} was answered` })
				.toBe(before + 1);
			if ((await page.locator(`[data-item="${item.id}"]`).count()) === 0) {
				placed = true;
				break;
			}
			hints += 1;
			// A hint is spoken and captioned, and the item waits for another try.
			await expect(page.locator('.caption')).not.toBeEmpty();
		}
		if (!placed) {
			// Spot it and tell: the winning move is the real Tell a grown-up button (armed as practice).
			await pressTell(page, n % 2 === 0);
			await expect(page.getByRole('dialog')).toContainText('Well done for pressing the button!');
			await expect(page.locator('section.game[data-done=yes]')).toHaveCount(1);
			return hints;
		}
	}
	throw new Error('the game did not end');
}

async function pressTell(page: Page, byKeyboard: boolean): Promise<void> {
	const tell = page.getByRole('button', { name: 'Tell a grown-up', exact: true });
	if (byKeyboard) await tell.press('Enter');
	else await tell.tap();
}

const byTouch = (page: Page, cdp: CDPSession) => async (item: Spot, target: Spot, n: number) => {
	const from = await toScreen(page, item.x, item.y);
	const to = await toScreen(page, target.x, target.y);
	// Drag most of the time; sometimes tap the item, then tap where it goes.
	if (n % 3 === 2) {
		await touchTap(page, cdp, from);
		await touchTap(page, cdp, to);
	} else await touchDrag(page, cdp, from, to);
};

const byKeyboard = (page: Page) => async (item: Spot, target: Spot) => {
	await page.locator(`[data-item="${item.id}"]`).press('Enter');
	await expect(page.locator(`[data-item="${item.id}"]`)).toHaveAttribute('aria-pressed', 'true');
	await page.locator(`[data-target="${target.id}"]`).press('Enter');
};

async function outboxKinds(page: Page): Promise<string[]> {
	return page.evaluate(
		() =>
			new Promise<string[]>((resolve, reject) => {
				const open = indexedDB.open('harbour');
				open.onsuccess = () => {
					const req = open.result.transaction('outbox').objectStore('outbox').getAll();
					req.onsuccess = () =>
						resolve(
							(req.result as { kind: string; payload: { practice?: boolean } }[]).map((r) =>
								r.kind === 'report.opened' && r.payload.practice ? `${r.kind}:practice` : r.kind
							)
						);
					req.onerror = () => reject(req.error);
				};
				open.onerror = () => reject(open.error);
			})
	);
}

test('every game plays to its end by touch on the canvas (Year 2, the most items)', async ({ browser }) => {
	test.setTimeout(240_000);
	const { context, page, cdp } = await touchTablet(browser, 'Owls');
	for (const game of GAMES) {
		await openGame(page, game);
		await expect(page.locator('section.game')).toHaveAttribute('data-level', 'year-2');
		const hints = await playToEnd(page, byTouch(page, cdp));
		expect(hints, `${game}: wrong moves were tried and hinted`).toBeGreaterThan(0);
		if (game !== 'spot-it-and-tell') await expect(page.getByRole('status')).toContainText('You did it!');
	}
	await context.close();
});

test('every game plays to its end by keyboard, through the DOM mirror (Reception)', async ({ browser }) => {
	test.setTimeout(240_000);
	const { context, page } = await touchTablet(browser, 'Ladybirds');
	for (const game of GAMES) {
		await openGame(page, game);
		await expect(page.locator('section.game')).toHaveAttribute('data-level', 'reception');
		await playToEnd(page, byKeyboard(page));
	}
	// Outcomes went through the outbox and the server took them (nothing left waiting).
	await expect.poll(() => outboxKinds(page)).toEqual([]);
	await context.close();
});

test('games work offline after one online visit, by touch and by keyboard', async ({ browser }) => {
	test.setTimeout(240_000);
	const { context, page, cdp } = await touchTablet(browser, 'Robins');
	await keptForOffline(page, '/class');
	for (const game of GAMES) {
		await openGame(page, game);
		await keptForOffline(page, `/class/games/${game}`);
	}
	await context.setOffline(true);
	for (const [i, game] of GAMES.entries()) {
		await openGame(page, game);
		await expect(page.locator('section.game')).toHaveAttribute('data-level', 'year-1');
		await playToEnd(page, i % 2 === 0 ? byTouch(page, cdp) : byKeyboard(page));
	}
	// Finished offline: the outcomes wait in the outbox, with the practice press (never an incident).
	const kinds = await outboxKinds(page);
	expect(kinds.filter((k) => k === 'game.finished')).toHaveLength(4);
	expect(kinds.filter((k) => k.startsWith('report.'))).toEqual(['report.opened:practice']);
	await context.close();
});

test('axe finds no violations on the games screens', async ({ browser }) => {
	test.setTimeout(120_000);
	const { context, page } = await touchTablet(browser, 'Robins');
	const scan = async (name: string) => {
		const results = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
			.analyze();
		expect(results.violations.map((v) => `${name}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
	};
	await page.goto('/class/games');
	await scan('games');
	for (const game of GAMES) {
		await openGame(page, game);
		await page.locator('[data-item]').first().press('Enter');
		await scan(game);
	}
	await openGame(page, 'real-or-pretend');
	await playToEnd(page, byKeyboard(page));
	await scan('a finished game');
	await context.close();
});

test('leaving and re-entering a game ten times leaves no canvases, games or listeners behind', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const { context, page, cdp } = await touchTablet(browser, 'Robins');
	const listeners = async () => {
		let n = 0;
		for (const expression of ['window', 'document']) {
			const { result } = await cdp.send('Runtime.evaluate', { expression });
			const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
			n += listeners.length;
		}
		return n;
	};
	const live = () =>
		page.evaluate(
			() => (window as unknown as { __harbourGames?: { live: number } }).__harbourGames?.live ?? -1
		);
	await page.goto('/class/games');
	const counts: number[] = [];
	for (let i = 0; i < 10; i++) {
		await page.getByRole('link', { name: i % 2 ? 'Kind words' : 'Keep it secret' }).click();
		await expect(page.locator('section.game[data-ready=yes]')).toBeVisible({ timeout: 20_000 });
		await expect(page.locator('canvas')).toHaveCount(1);
		await page.getByRole('link', { name: '← All games' }).click();
		await expect(page.getByRole('link', { name: 'Real or pretend?' })).toBeVisible();
		await expect.poll(live).toBe(0);
		await expect(page.locator('canvas')).toHaveCount(0);
		counts.push(await listeners());
	}
	const created = await page.evaluate(
		() => (window as unknown as { __harbourGames: { created: number; destroyed: number } }).__harbourGames
	);
	expect(created).toEqual({ created: 10, destroyed: 10, live: 0 });
	// The first visit may add a few one-off listeners (the app's own); after that, none grow.
	expect(
		counts.slice(1).every((c) => c === counts[1]),
		`listeners after each visit: ${counts.join(', ')}`
	).toBe(true);
	await context.close();
});

test('the class home loads no Phaser; a game screen does', async ({ browser }) => {
	const { context, page } = await touchTablet(browser, 'Robins');
	const phaser: string[] = [];
	page.on('response', async (res) => {
		if (res.request().resourceType() !== 'script') return;
		const body = await res.body().catch(() => Buffer.from(''));
		if (body.includes('phaser.io')) phaser.push(res.url());
	});
	await page.goto('/class', { waitUntil: 'networkidle' });
	await page.goto('/class/games', { waitUntil: 'networkidle' });
	expect(phaser).toEqual([]);
	await page.getByRole('link', { name: 'Kind words' }).click();
	await expect(page.locator('section.game[data-ready=yes]')).toBeVisible({ timeout: 20_000 });
	await expect.poll(() => phaser.length).toBe(1);
	await context.close();
});

test('a lesson’s game step plays the game itself, and its outcome is recorded for the lesson', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const { context, page } = await touchTablet(browser, 'Ladybirds');
	await page.goto('/class/lessons/kind-words-here-and-online');
	const stage = page.locator('section.stage[data-playing=yes]');
	await expect(stage).toBeVisible();
	// Forward through the pages to the game step, taking each scenario's shortest path to an ending.
	const lesson = compileLessons(process.cwd()).lessons.find((l) => l.id === 'kind-words-here-and-online')!;
	const scenarios = compileLessons(process.cwd()).scenarios.filter((sc) => sc.lesson === lesson.id);
	for (const step of lesson.steps) {
		if (step.kind === 'game') break;
		const scenario = scenarios.find((sc) => sc.step === step.id);
		for (const choice of scenario?.paths[0]?.choices ?? []) {
			const pick = stage.locator(`[data-choice="${choice}"] button.pick`);
			await pick.click();
			await pick.click();
		}
		await stage.getByRole('button', { name: 'Next', exact: true }).click();
	}
	await expect(stage.locator('.page')).toHaveAttribute('data-kind', 'game');
	await expect(page.locator('section.game[data-ready=yes]')).toBeVisible({ timeout: 20_000 });
	await expect(page.locator('section.game')).toHaveAttribute('data-level', 'reception');
	// The game plays the messages the lesson chose (lesson.yaml `items:`), not the level's own set.
	const chosen = lesson.steps.find((s) => s.kind === 'game')!;
	expect(chosen.kind === 'game' && chosen.items).toEqual(['okay', 'silly', 'well-done', 'not-you']);
	await expect(page.locator('[data-item]')).toHaveCount(4);
	for (const id of ['okay', 'silly', 'well-done', 'not-you'])
		await expect(page.locator(`[data-item="${id}"]`)).toHaveCount(1);
	await playToEnd(page, byKeyboard(page));
	await expect(page.getByRole('status').filter({ hasText: 'You did it!' })).toBeVisible();
	await expect.poll(() => outboxKinds(page)).toEqual([]);
	await context.close();
});
