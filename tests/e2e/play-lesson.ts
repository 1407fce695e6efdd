/**
 * Playing a lesson on a class tablet the way a child does, driven from the compiled scenario
 * graphs (the same compiler and proof the build runs). Shared by the lesson walks and the launch
 * tests.
 */
import { expect, type Page } from '@playwright/test';
import { compileLessons, type CompiledScenario } from '../../tooling/compile-lessons';
import type { CompiledLesson } from '../../src/lib/lessons/compiled';

export const programme = compileLessons(process.cwd());
export const scenariosOf = (lesson: CompiledLesson) =>
	programme.scenarios.filter((s) => s.lesson === lesson.id);
export const lessonById = (id: string): CompiledLesson => {
	const lesson = programme.lessons.find((l) => l.id === id);
	if (!lesson) throw new Error(`No lesson ${id} in the programme.`);
	return lesson;
};

export const stage = (page: Page) => page.locator('section.stage[data-playing=yes]');

/** A child chooses a picture: the first tap says it, the second chooses it. */
export async function choosePicture(page: Page, index: number): Promise<void> {
	const choice = stage(page).locator(`[data-choice="${index}"]`);
	const pick = choice.locator('button.pick');
	if (await pick.count()) {
		await pick.click();
		await expect(choice).toHaveClass(/armed/);
		await pick.click();
	} else {
		await choice.click(); // a "let's try again" arrow (a next: scene)
	}
}

/**
 * Plays `lesson` from its first page to "finished", taking walk number `walk` through each
 * scenario (walk 0 is the shortest; walk k reaches each scenario's k-th ending).
 */
export async function playLesson(page: Page, lesson: CompiledLesson, walk: number): Promise<void> {
	await page.goto(`/class/lessons/${lesson.id}`);
	await page.locator('[data-ready=yes]').waitFor();
	await expect(stage(page)).toBeVisible();
	await playToEnd(page, lesson, walk);
}

/** Plays the lesson already open on `page` from the step it is on to "finished". */
export async function playToEnd(page: Page, lesson: CompiledLesson, walk = 0): Promise<void> {
	const here = await stage(page).getAttribute('data-step');
	const from = Math.max(
		0,
		lesson.steps.findIndex((s) => s.id === here)
	);
	for (const [i, step] of lesson.steps.entries()) {
		if (i < from) continue;
		await expect(stage(page)).toHaveAttribute('data-step', step.id);
		if (step.kind === 'scenario') {
			const scenario = scenariosOf(lesson).find((s) => s.step === step.id) as CompiledScenario;
			const path = scenario.paths[Math.min(walk, scenario.paths.length - 1)]!;
			let scene = scenario.start;
			for (const choice of path.choices) {
				await expect(stage(page)).toHaveAttribute('data-scene', scene);
				await choosePicture(page, choice);
				scene = scenario.scenes[scene]!.choices[choice]!.to;
			}
			await expect(stage(page)).toHaveAttribute('data-scene', path.ending);
		}
		if (step.kind === 'quiz') {
			await choosePicture(
				page,
				step.answers.findIndex((a) => a.right)
			);
			await expect(stage(page).locator('.feedback')).toBeVisible();
		}
		if (step.kind === 'recap') {
			for (const objective of lesson.objectives) {
				await stage(page).getByRole('button', { name: objective }).click();
			}
		}
		const next = i === lesson.steps.length - 1 ? 'Finish' : 'Next';
		await stage(page).getByRole('button', { name: next, exact: true }).click();
	}
	await expect(stage(page)).toHaveAttribute('data-finished', 'yes');
}
