/**
 * The lesson engine in the built app, on the real programme (Reception, Year 1, Year 2). The walks
 * are driven from the compiled scenario graphs (the same compiler and proof the build runs): every
 * lesson is played by a class of its year to its end along its shortest path, and again along a
 * path to every ending; axe scans every page of every lesson up to its first choice.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { CompiledLesson } from '../../src/lib/lessons/compiled';
import {
	brokenPictures,
	classTablet,
	expectNoViolations,
	keptForOffline,
	outboxRows,
	pressTellAGrownUp,
	signInStaff,
	TEACHER,
	type DemoClass
} from './helpers';
import { playLesson, programme, scenariosOf, stage } from './play-lesson';

const reception = programme.lessons.filter((l) => l.year === 'reception');
/** The demo class that is taught each year's lessons. */
const CLASS_OF = { reception: 'Ladybirds', 'year-1': 'Robins', 'year-2': 'Owls' } as const satisfies Record<
	CompiledLesson['year'],
	DemoClass
>;
const YEARS = Object.keys(CLASS_OF) as CompiledLesson['year'][];
const lessonsOf = (year: CompiledLesson['year']) => programme.lessons.filter((l) => l.year === year);
/** A lesson's tile, found by its title (titles may hold "?" and other pattern characters). */
const titled = (title: string) => new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/** How many walks reach every ending of every scenario in a lesson (at least one). */
const walksFor = (lesson: CompiledLesson) => Math.max(1, ...scenariosOf(lesson).map((s) => s.paths.length));

async function teacherPage(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signInStaff(page, email);
	return page;
}

test('the programme has six lessons a year, each with a scenario', () => {
	for (const year of YEARS) {
		expect(lessonsOf(year)).toHaveLength(6);
		for (const l of lessonsOf(year)) expect(l.steps.some((s) => s.kind === 'scenario')).toBe(true);
	}
	expect(programme.lessons).toHaveLength(18);
});

for (const year of YEARS) {
	const className = CLASS_OF[year];
	const lessons = lessonsOf(year);
	test(`${className} (${year}) walk every lesson of their year to its end, by the shortest path and through every ending; the teacher sees it`, async ({
		browser
	}) => {
		test.setTimeout(900_000);
		// Other tests' tablets may have finished these lessons too: this tablet adds one to each.
		const teacher = await teacherPage(browser, TEACHER[className]);
		await teacher.getByRole('link', { name: className }).first().click();
		const finishedBefore = new Map<string, number>();
		for (const lesson of lessons) {
			const cell = teacher.locator(`tr[data-lesson="${lesson.id}"]`).locator('td').nth(3);
			finishedBefore.set(lesson.id, Number(await cell.textContent()) || 0);
		}
		const { context, page } = await classTablet(browser, className);
		await page.getByRole('link', { name: 'Lessons' }).click();
		await expect(page).toHaveURL(/\/class\/lessons$/);
		for (const lesson of lessons) {
			await expect(page.getByRole('link', { name: titled(lesson.title) }).first()).toBeVisible();
		}
		for (const lesson of lessons) {
			for (let walk = 0; walk < walksFor(lesson); walk++) await playLesson(page, lesson, walk);
		}
		await expect.poll(() => outboxRows(page), { timeout: 30_000 }).toBe(0);
		await context.close();

		await teacher.reload();
		for (const lesson of lessons) {
			const row = teacher.locator(`tr[data-lesson="${lesson.id}"]`);
			await expect(row.locator('td').nth(2)).not.toHaveText('not yet');
			await expect(row.locator('td').nth(3)).toHaveText(String(finishedBefore.get(lesson.id)! + 1));
		}
	});
}

test('a lesson resumes at the same page after a reload with the network off', async ({ browser }) => {
	const { context, page } = await classTablet(browser, 'Ladybirds');
	const lesson = reception[0]!;
	await page.goto('/class/lessons');
	await keptForOffline(page, `/class/lessons/${lesson.id}`);
	await page
		.getByRole('link', { name: titled(lesson.title) })
		.first()
		.click();
	await expect(stage(page)).toHaveAttribute('data-step', lesson.steps[0]!.id);
	await stage(page).getByRole('button', { name: 'Next', exact: true }).click();
	await expect(stage(page)).toHaveAttribute('data-step', lesson.steps[1]!.id);
	await context.setOffline(true);
	await page.reload();
	await expect(stage(page)).toHaveAttribute('data-step', lesson.steps[1]!.id);
	// Still usable offline: on to the next page, with its pictures from the cache.
	await stage(page).getByRole('button', { name: 'Back', exact: true }).click();
	await expect(stage(page)).toHaveAttribute('data-step', lesson.steps[0]!.id);
	const broken = await brokenPictures(stage(page));
	expect(broken).toEqual([]);
	await context.close();
});

test('a lesson opened offline for the first time still plays, because one online visit kept it', async ({
	browser
}) => {
	const { context, page } = await classTablet(browser, 'Ladybirds');
	const lesson = reception.at(-1)!;
	await page.goto('/class/lessons');
	await keptForOffline(page, `/class/lessons/${lesson.id}`);
	await context.setOffline(true);
	await page.goto(`/class/lessons/${lesson.id}`);
	await expect(stage(page)).toHaveAttribute('data-step', lesson.steps[0]!.id);
	await context.close();
});

test('a practice press inside a lesson is praised, goes back to the lesson and reaches no staff screen', async ({
	browser
}) => {
	const lesson = reception.find((l) => l.steps.some((s) => s.kind === 'practice'))!;
	const practiceAt = lesson.steps.findIndex((s) => s.kind === 'practice');
	const dsl = await teacherPage(browser, 'dsl@demo.harbour');
	await dsl.goto('/staff/incidents?status=all');
	const before = await dsl.locator('tbody tr').count();

	const { context, page } = await classTablet(browser, 'Ladybirds');
	await page.goto(`/class/lessons/${lesson.id}`);
	await expect(stage(page)).toBeVisible();
	// Get to the practice page the quick way: resume there.
	await page.evaluate(
		([key, step]) =>
			localStorage.setItem(
				key,
				JSON.stringify({ step, scenes: [], answer: null, ticked: [], finished: false })
			),
		[`harbour-lesson:${lesson.id}`, practiceAt] as const
	);
	await page.reload();
	await expect(stage(page)).toHaveAttribute('data-step-kind', 'practice');
	await pressTellAGrownUp(page);
	await expect(page.getByRole('heading', { name: 'Well done for pressing the button!' })).toBeVisible();
	const cover = page.getByRole('dialog');
	await cover.getByRole('button', { name: 'Next' }).click();
	await cover.getByRole('button', { name: 'Back to my class' }).click();
	await expect(page).toHaveURL(new RegExp(`/class/lessons/${lesson.id}$`));
	await expect(stage(page)).toHaveAttribute('data-step-kind', 'practice');
	await expect(stage(page).locator('.praise')).toBeVisible();
	await expect.poll(() => outboxRows(page)).toBe(0);
	// Leaving the practice page disarms it: the next press would be a real one.
	await stage(page)
		.getByRole('button', { name: /^(Next|Finish)$/ })
		.click();
	expect(await page.evaluate(() => document.querySelector('[data-step-kind=practice]'))).toBeNull();

	await dsl.goto('/staff/incidents?status=all');
	await expect(dsl.locator('tbody tr')).toHaveCount(before);
	await context.close();
});

test('a child in a lesson is not sent home by the kiosk idle return', async ({ browser }) => {
	const { context, page } = await classTablet(browser, 'Ladybirds');
	await page.clock.install();
	const lesson = reception[0]!;
	await page.goto(`/class/lessons/${lesson.id}`);
	await expect(stage(page)).toBeVisible();
	await page.clock.fastForward('10:00');
	await expect(page).toHaveURL(new RegExp(`/class/lessons/${lesson.id}$`));
	await expect(stage(page)).toHaveAttribute('data-step', lesson.steps[0]!.id);
	await context.close();
});

for (const year of YEARS) {
	test(`axe finds no violations on the ${year} lessons list, every ${year} lesson up to its first choice, and their staff pages`, async ({
		browser
	}) => {
		test.setTimeout(600_000);
		const className = CLASS_OF[year];
		const { context, page } = await classTablet(browser, className);
		await page.goto('/class/lessons');
		await expectNoViolations(page, `${year} lessons list`);
		for (const lesson of lessonsOf(year)) {
			await page.goto(`/class/lessons/${lesson.id}`);
			for (const step of lesson.steps) {
				await expect(stage(page)).toHaveAttribute('data-step', step.id);
				await expectNoViolations(page, `${lesson.id}: ${step.kind} ${step.id}`);
				if (step.kind === 'scenario' || step.kind === 'quiz') break;
				await stage(page).getByRole('button', { name: 'Next', exact: true }).click();
			}
		}
		await context.close();

		const teacher = await teacherPage(browser, TEACHER[className]);
		const pages: [string, string][] = [['programme', '/staff/lessons']];
		if (year === 'reception') pages.push(['talk-at-home sheet', '/staff/lessons/talk-at-home/spring-2']);
		for (const lesson of lessonsOf(year)) {
			pages.push(
				[`plan ${lesson.id}`, `/staff/lessons/${lesson.id}`],
				[`talk-at-home card ${lesson.id}`, `/staff/lessons/${lesson.id}/talk-at-home`],
				[`preview ${lesson.id}`, `/staff/lessons/${lesson.id}/preview`]
			);
		}
		for (const [name, path] of pages) {
			await teacher.goto(path);
			await expectNoViolations(teacher, name);
		}
	});
}

test("a half-term sheet prints that half-term's talk-at-home card for every year, one page", async ({
	browser
}) => {
	const teacher = await teacherPage(browser, TEACHER.Robins);
	await teacher.goto('/staff/lessons');
	await teacher.getByRole('link', { name: 'Spring 1', exact: true }).click();
	await expect(teacher).toHaveURL(/\/staff\/lessons\/talk-at-home\/spring-1$/);
	await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Talk at home: Spring 1');
	const inPlan = programme.lessons.filter((l) => l.halfTerm === 'spring-1');
	expect(inPlan).toHaveLength(3);
	for (const lesson of inPlan) {
		const card = teacher
			.locator('article.card')
			.filter({ has: teacher.getByRole('heading', { name: lesson.title }) });
		await expect(card).toBeVisible();
		for (const sentence of lesson.talkAtHome.sentences) await expect(card.getByText(sentence)).toBeVisible();
	}
	// Printed on A4, the sheet is one page: no staff header, and the three cards fit.
	await teacher.emulateMedia({ media: 'print' });
	await expect(teacher.locator('.staff > header')).toBeHidden();
	await expect(teacher.getByRole('button', { name: 'Print the sheet' })).toBeHidden();
	const pdf = await teacher.pdf({ format: 'A4', preferCSSPageSize: true });
	const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
	expect(pageCount).toBe(1);
	const missing = await teacher.goto('/staff/lessons/talk-at-home/winter-3');
	expect(missing?.status()).toBe(404);
});

test('a governor sees the programme and coverage, not the lesson plans', async ({ browser }) => {
	const governor = await teacherPage(browser, 'governor@demo.harbour');
	await governor.goto('/staff/lessons');
	await expect(governor.getByRole('heading', { name: 'Coverage of the strands' })).toBeVisible();
	await expect(governor.getByRole('link', { name: reception[0]!.title })).toHaveCount(0);
	const res = await governor.goto(`/staff/lessons/${reception[0]!.id}`);
	expect(res?.status()).toBe(403);
});
