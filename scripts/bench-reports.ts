// "Tell a grown-up" timings in headless Chromium against the built app: press → cover painted,
// press → durable in IndexedDB, press → banner on the teacher's screen (online).
import type { Browser, Page } from '@playwright/test';
import { classTablet, signInStaff, TEACHER } from '../tests/e2e/helpers';

export interface ReportTimings {
	coverPaintMs: number[];
	durableMs: number[];
	bannerMs: number[];
}

/** One real press: pointerdown on the button, timed from the event's own timestamp. */
async function timedPress(page: Page): Promise<{ paint: number; durable: number; wallClock: number }> {
	return page.evaluate(
		() =>
			new Promise((resolve) => {
				performance.clearMarks('harbour:report-durable');
				const button = [...document.querySelectorAll('button')].find(
					(b) => b.getAttribute('aria-label') === 'Tell a grown-up'
				)!;
				let down = 0;
				let paint = 0;
				const wallClock = Date.now();
				window.addEventListener('pointerdown', (e) => (down = e.timeStamp), { capture: true, once: true });
				const observer = new MutationObserver(() => {
					if (!document.querySelector('[role=dialog]')) return;
					observer.disconnect();
					// The frame that shows the cover: rAF runs before paint, the task after it runs after.
					requestAnimationFrame(() => setTimeout(() => (paint = performance.now() - down)));
				});
				observer.observe(document.body, { childList: true, subtree: true });
				button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'touch' }));
				const wait = () => {
					const mark = performance.getEntriesByName('harbour:report-durable')[0];
					if (mark && paint) resolve({ paint, durable: mark.startTime - down, wallClock });
					else setTimeout(wait, 2);
				};
				wait();
			})
	);
}

// tsx (esbuild, keepNames) wraps named functions in __name(); pages need a stand-in for it.
const NAME_SHIM = 'window.__name = window.__name || ((f) => f)';

export async function measureReports(browser: Browser, presses = 25): Promise<ReportTimings> {
	const teacherContext = await browser.newContext();
	await teacherContext.addInitScript(NAME_SHIM);
	const teacher = await teacherContext.newPage();
	await signInStaff(teacher, TEACHER.Robins);
	await teacher.evaluate(() => {
		(window as unknown as { seen: number[] }).seen = [];
		new MutationObserver(() => {
			const n = document.querySelectorAll('.alert').length;
			const seen = (window as unknown as { seen: number[] }).seen;
			while (seen.length < n) seen.push(Date.now());
		}).observe(document.body, { childList: true, subtree: true });
	});
	const { context, page } = await classTablet(browser, 'Robins');
	await context.addInitScript(NAME_SHIM);
	const timings: ReportTimings = { coverPaintMs: [], durableMs: [], bannerMs: [] };
	for (let i = 0; i < presses; i++) {
		await page.goto('/class');
		await page.locator('[data-ready=yes]').waitFor();
		const t = await timedPress(page);
		timings.coverPaintMs.push(t.paint);
		timings.durableMs.push(t.durable);
		await teacher.waitForFunction((n) => (window as unknown as { seen: number[] }).seen.length > n, i, {
			timeout: 10_000
		});
		const seen = await teacher.evaluate((n) => (window as unknown as { seen: number[] }).seen[n]!, i);
		timings.bannerMs.push(seen - t.wallClock);
	}
	await context.close();
	return timings;
}
