/**
 * What the teacher sees of a running launch: the state, how many tablets are on which step, and
 * (led from the board, in a scene with choices) how the tablets' choices split: totals only.
 */
import { sceneKey, type LaunchView } from '../../classroom/class-now';
import { classNow, type LaunchContext } from './launches';
import { tabletsOn, voteSplit } from './tablets';

export async function launchView(ctx: LaunchContext, classId: string, now = new Date()): Promise<LaunchView> {
	const state = await classNow(ctx.db, classId);
	const lesson = state ? await ctx.lessons(state.lessonId) : null;
	if (!state || !lesson) return { state, lessonTitle: null, steps: [], tablets: null, split: null };
	const steps = lesson.steps.map((s) => s.kind);
	if (state.ended) return { state, lessonTitle: lesson.title, steps, tablets: null, split: null };
	const tablets = await tabletsOn(ctx.db, state.launchId, steps.length, now);
	let split: LaunchView['split'] = null;
	const step = lesson.steps[state.position.step];
	const here = state.position.scenes.at(-1);
	if (state.mode === 'board' && step?.kind === 'scenario' && here) {
		const choices = step.scenes[here]?.choices;
		if (choices) {
			const key = sceneKey(state.position.step, here);
			split = {
				key,
				labels: choices.map((c) => c.label),
				counts: await voteSplit(ctx.db, state.launchId, key, choices.length)
			};
		}
	}
	return { state, lessonTitle: lesson.title, steps, tablets, split };
}
