// Lesson rows for `npm run bench`: the lesson player's JavaScript, opening a lesson offline until
// its first page is shown and speaking, and how long compiling and proving the lessons takes.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { classTablet, keptForOffline } from '../tests/e2e/helpers';
import { compileLessons, CAST_DIR, CURRICULUM, LESSONS_DIR } from '../tooling/compile-lessons';
import { percentile, type BenchRow } from './lib/bench-row';

/** Gzip bytes of every script a lesson page loads, opened fresh (no cache). */
async function lessonScriptBytes(browser: Browser, lessonId: string) {
	const { context } = await classTablet(browser, 'Ladybirds');
	const page = await context.newPage();
	const bodies: Promise<Buffer>[] = [];
	page.on('response', (res) => {
		if (res.request().resourceType() === 'script') bodies.push(res.body());
	});
	const client = await context.newCDPSession(page);
	await client.send('Network.setCacheDisabled', { cacheDisabled: true });
	await page.goto(`/class/lessons/${lessonId}`, { waitUntil: 'networkidle' });
	const all = await Promise.all(bodies);
	await context.close();
	return { bytes: all.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0), files: all.length };
}

/**
 * Offline, from the class's lessons list: a tap on a lesson until its first page is on screen and
 * has asked to be spoken (the stage's `harbour:lesson-page-spoken` mark), as a child opens a lesson.
 */
async function offlineOpenTimes(browser: Browser, lessonIds: string[], runs: number): Promise<number[]> {
	const { context, page } = await classTablet(browser, 'Ladybirds');
	await page.goto('/class/lessons');
	for (const id of lessonIds) await keptForOffline(page, `/class/lessons/${id}`);
	await context.setOffline(true);
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const id = lessonIds[i % lessonIds.length]!;
		await page.goto('/class/lessons');
		await page.locator('[data-ready=yes]').waitFor();
		// A finished or fresh start, not a resumed page, every time.
		await page.evaluate((key) => localStorage.removeItem(key), `harbour-lesson:${id}`);
		const ms = await page.evaluate(async (lessonId) => {
			performance.clearMarks('harbour:lesson-page-spoken');
			const link = document.querySelector<HTMLAnchorElement>(`a[href="/class/lessons/${lessonId}"]`)!;
			const start = performance.now();
			link.click();
			for (;;) {
				const spoke = performance.getEntriesByName('harbour:lesson-page-spoken')[0];
				if (spoke && document.querySelector('section.stage[data-playing=yes]')) {
					return spoke.startTime - start;
				}
				await new Promise((r) => requestAnimationFrame(r));
			}
		}, id);
		times.push(ms);
	}
	await context.close();
	return times;
}

/** A copy of the programme with every lesson three times over (18 lessons from the 6). */
function tripledProgramme(root: string): string {
	const copy = mkdtempSync(join(tmpdir(), 'harbour-bench-lessons-'));
	cpSync(join(root, LESSONS_DIR, CAST_DIR), join(copy, LESSONS_DIR, CAST_DIR), { recursive: true });
	let plan = readFileSync(join(root, CURRICULUM), 'utf8');
	const ids = readdirSync(join(root, LESSONS_DIR)).filter((f) => f !== CAST_DIR && !f.includes('.'));
	for (const id of ids) {
		cpSync(join(root, LESSONS_DIR, id), join(copy, LESSONS_DIR, id), { recursive: true });
		for (const n of [2, 3])
			cpSync(join(root, LESSONS_DIR, id), join(copy, LESSONS_DIR, `${id}-${n}`), { recursive: true });
		plan = plan.replace(new RegExp(`\\b${id}\\b(?!-)`), `${id}, ${id}-2, ${id}-3`);
	}
	cpSync(join(root, 'content'), join(copy, 'content'), { recursive: true });
	writeFileSync(join(copy, CURRICULUM), plan);
	return copy;
}

function compileTimes(root: string, runs: number): { ms: number[]; lessons: number } {
	const ms: number[] = [];
	let lessons = 0;
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		lessons = compileLessons(root).lessons.length;
		ms.push(performance.now() - start);
	}
	return { ms, lessons };
}

export async function lessonBenchRows(browser: Browser): Promise<BenchRow[]> {
	const root = process.cwd();
	const programme = compileLessons(root);
	const reception = programme.lessons.filter((l) => l.year === 'reception').map((l) => l.id);
	const rows: BenchRow[] = [];

	const js = await lessonScriptBytes(browser, reception[0]!);
	rows.push({
		name: 'Lesson player: JavaScript transferred (gzip), whole page',
		value: Math.round((js.bytes / 1024) * 10) / 10,
		unit: 'KB',
		detail: `${js.files} files, opened fresh`
	});

	const open = await offlineOpenTimes(browser, reception, 30);
	rows.push({
		name: 'Offline: tap a lesson → first page shown and speaking, p95',
		value: Math.round(percentile(open, 95)),
		unit: 'ms',
		budget: '≤ 300 ms',
		pass: percentile(open, 95) <= 300,
		detail: `p50 ${Math.round(percentile(open, 50))} ms, ${open.length} opens`
	});

	const real = compileTimes(root, 5);
	rows.push({
		name: `Build: compile and prove the lessons (${real.lessons}), median`,
		value: Math.round(percentile(real.ms, 50)),
		unit: 'ms'
	});
	const triple = compileTimes(tripledProgramme(root), 5);
	rows.push({
		name: `Build: compile and prove ${triple.lessons} lessons (each lesson three times), median`,
		value: Math.round(percentile(triple.ms, 50)),
		unit: 'ms',
		budget: '≤ 2000 ms',
		pass: percentile(triple.ms, 50) <= 2000
	});
	return rows;
}
