// Games measurements for `npm run bench` (scripts/bench.ts calls gamesBenchRows):
//   - JavaScript (gzip) a game screen loads, and Phaser's share of it; none of it on the class home;
//   - tapping a game's tile → its first frame, offline (service worker), p95;
//   - frame times while a finger drags a picture on a tablet-sized page (p95 frame time = p5 fps).
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { enrolTablet, keptForOffline, readClassCard, signInClass } from '../tests/e2e/helpers';
import { percentile, type BenchRow } from './lib/bench-row';

const TABLET = { viewport: { width: 1024, height: 768 }, hasTouch: true, deviceScaleFactor: 2 };
const isPhaser = (body: Buffer) => body.includes('phaser.io');

async function tablet(browser: Browser) {
	const tiles = await readClassCard(browser, 'Robins');
	const context = await browser.newContext(TABLET);
	const page = await enrolTablet(context, 'Robins');
	await signInClass(page, 'Robins', tiles);
	return { context, page };
}

/** Scripts a page loads from the network (cache off): gzip bytes, and how many are Phaser's. */
async function scriptBytes(page: Page, path: string, ready: string) {
	const bodies: Promise<Buffer>[] = [];
	const onResponse = (res: import('@playwright/test').Response) => {
		if (res.request().resourceType() === 'script') bodies.push(res.body());
	};
	page.on('response', onResponse);
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	await cdp.send('Network.setBypassServiceWorker', { bypass: true });
	await page.goto(path, { waitUntil: 'networkidle' });
	await page.locator(ready).waitFor({ timeout: 30_000 });
	page.off('response', onResponse);
	await cdp.send('Network.setBypassServiceWorker', { bypass: false });
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
	const all = await Promise.all(bodies);
	const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
	return {
		total: all.reduce((n, b) => n + gz(b), 0),
		phaser: all.filter(isPhaser).reduce((n, b) => n + gz(b), 0),
		files: all.length
	};
}

/** Offline: reload the Games screen, tap a tile, time to the game's first frame (performance mark). */
async function tapToFirstFrame(page: Page, runs: number): Promise<number[]> {
	const games = ['keep-it-secret', 'kind-words', 'real-or-pretend', 'spot-it-and-tell'];
	await keptForOffline(page, '/class');
	for (const g of ['/class/games', ...games.map((g) => `/class/games/${g}`)]) {
		await page.goto(g);
		await keptForOffline(page, g);
	}
	await page.context().setOffline(true);
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		await page.goto('/class/games');
		await page.locator('[data-ready=yes]').waitFor();
		const name = games[i % games.length]!;
		const link = page.locator(`a[href="/class/games/${name}"]`);
		const box = (await link.boundingBox())!;
		const start = await page.evaluate(() => performance.now());
		await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
		await page.locator('section.game[data-ready=yes]').waitFor({ timeout: 30_000 });
		const frame = await page.evaluate(
			() => performance.getEntriesByName('harbour:game-first-frame').at(-1)?.startTime ?? NaN
		);
		times.push(frame - start);
	}
	await page.context().setOffline(false);
	return times;
}

/** A finger drags a picture slowly round the screen for ~3 s; every animation frame's length. */
async function dragFrameTimes(page: Page): Promise<number[]> {
	await page.goto('/class/games/keep-it-secret');
	await page.locator('section.game[data-ready=yes]').waitFor({ timeout: 30_000 });
	const item = page.locator('[data-item]').first();
	const [x, y] = [Number(await item.getAttribute('data-x')), Number(await item.getAttribute('data-y'))];
	const box = (await page.locator('.stage canvas').boundingBox())!;
	const at = (wx: number, wy: number) => ({
		x: Math.round(box.x + (wx * box.width) / 1600),
		y: Math.round(box.y + (wy * box.height) / 900)
	});
	const cdp = await page.context().newCDPSession(page);
	// A string, not a function: tsx would wrap named functions in a helper the page does not have.
	await page.evaluate(`(() => {
		window.__frames = [];
		window.__stop = false;
		let last = performance.now();
		const tick = (t) => {
			window.__frames.push(t - last);
			last = t;
			if (!window.__stop) requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
	})()`);
	const start = at(x, y);
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ ...start, id: 1 }] });
	for (let i = 0; i < 180; i++) {
		const a = (i / 180) * Math.PI * 2;
		const p = at(800 + 500 * Math.cos(a), 300 + 120 * Math.sin(a));
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ ...p, id: 1 }] });
		await page.waitForTimeout(16);
	}
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	const frames = await page.evaluate(() => {
		const w = window as unknown as { __frames: number[]; __stop: boolean };
		w.__stop = true;
		return w.__frames.slice(5);
	});
	return frames;
}

export async function gamesBenchRows(browser: Browser): Promise<BenchRow[]> {
	const rows: BenchRow[] = [];
	const { context, page } = await tablet(browser);
	try {
		const home = await scriptBytes(page, '/class', '[data-ready=yes]');
		rows.push({
			name: 'Class home: Phaser JavaScript loaded',
			value: home.phaser,
			unit: 'B',
			budget: '0 B',
			pass: home.phaser === 0,
			detail: `${home.files} scripts checked`
		});
		const game = await scriptBytes(page, '/class/games/kind-words', 'section.game[data-ready=yes]');
		rows.push({
			name: 'Game screen: JavaScript transferred (gzip)',
			value: Math.round((game.total / 1024) * 10) / 10,
			unit: 'KB',
			detail: `${game.files} files`
		});
		rows.push({
			name: 'Game screen: Phaser’s share of it (gzip)',
			value: Math.round((game.phaser / 1024) * 10) / 10,
			unit: 'KB',
			detail: `${Math.round((game.phaser / game.total) * 100)}% of the game screen`
		});
		const times = await tapToFirstFrame(page, 12);
		rows.push({
			name: 'Tap a game → its first frame, offline, p95',
			value: Math.round(percentile(times, 95)),
			unit: 'ms',
			budget: '≤ 1000 ms',
			pass: percentile(times, 95) <= 1000,
			detail: `${times.length} taps, p50 ${Math.round(percentile(times, 50))} ms, each after a fresh offline load`
		});
		const frames = await dragFrameTimes(page);
		rows.push({
			name: 'Dragging a picture: frame time p95 (= fps p5), tablet-sized page',
			value: Math.round(percentile(frames, 95) * 10) / 10,
			unit: 'ms',
			budget: '≤ 20 ms',
			pass: percentile(frames, 95) <= 20,
			detail: `${frames.length} frames, p50 ${Math.round(percentile(frames, 50) * 10) / 10} ms`
		});
	} finally {
		await context.close();
	}
	return rows;
}
