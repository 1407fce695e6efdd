/**
 * How a lesson moves, as plain functions over an immutable position (the player's state class,
 * lesson-player.svelte.ts, holds one; it is also what is saved so a reload resumes).
 * - Steps go forward and back; nothing is timed.
 * - A scenario moves from scene to scene by choices (or a `next:` arrow, choice 0); forward past
 *   a scenario needs one of its endings; back inside a scenario retraces the scenes chosen.
 * - A quiz goes on once a right answer is chosen; a wrong one only gets its kind feedback.
 * - Forward from the last step finishes the lesson.
 */
import type { CompiledLesson, CompiledStep } from './compiled';
import { LESSON_EVENT, type LessonEvent } from './lesson-events';

export interface Position {
	step: number;
	/** The scenes visited in the current scenario step, the current one last. */
	scenes: string[];
	/** The answer last chosen in the current quiz step. */
	answer: number | null;
	/** Objectives ticked on the recap step. */
	ticked: number[];
	finished: boolean;
}

const entering = (lesson: CompiledLesson, step: number): Position => {
	const s = lesson.steps[step]!;
	return { step, scenes: s.kind === 'scenario' ? [s.start] : [], answer: null, ticked: [], finished: false };
};

export const startPosition = (lesson: CompiledLesson): Position => entering(lesson, 0);

export function sceneOf(lesson: CompiledLesson, pos: Position) {
	const step = lesson.steps[pos.step];
	if (step?.kind !== 'scenario') return null;
	const id = pos.scenes.at(-1) ?? step.start;
	return { id, scene: step.scenes[id]! };
}

/** Whether the forward arrow may be used on this page. */
export function canForward(lesson: CompiledLesson, pos: Position): boolean {
	if (pos.finished) return false;
	const step: CompiledStep = lesson.steps[pos.step]!;
	if (step.kind === 'scenario') return sceneOf(lesson, pos)!.scene.ending;
	if (step.kind === 'quiz') return pos.answer !== null && step.answers[pos.answer]!.right;
	return true;
}

export const canBack = (pos: Position): boolean => !pos.finished && (pos.step > 0 || pos.scenes.length > 1);

export interface Move {
	pos: Position;
	events: LessonEvent[];
}

const stepEvent = (lesson: CompiledLesson, step: number): LessonEvent => ({
	kind: LESSON_EVENT.step,
	payload: { lesson: lesson.id, step: lesson.steps[step]!.id, index: step }
});

export function forward(lesson: CompiledLesson, pos: Position): Move {
	if (!canForward(lesson, pos)) return { pos, events: [] };
	if (pos.step === lesson.steps.length - 1) {
		return {
			pos: { ...pos, finished: true },
			events: [{ kind: LESSON_EVENT.finished, payload: { lesson: lesson.id } }]
		};
	}
	return { pos: entering(lesson, pos.step + 1), events: [stepEvent(lesson, pos.step + 1)] };
}

export function back(lesson: CompiledLesson, pos: Position): Move {
	if (!canBack(pos)) return { pos, events: [] };
	if (pos.scenes.length > 1) return { pos: { ...pos, scenes: pos.scenes.slice(0, -1) }, events: [] };
	// Back to an earlier step starts it afresh: a scenario from its start, a quiz unanswered.
	return { pos: entering(lesson, pos.step - 1), events: [] };
}

/** A scenario choice (or the `next:` arrow, as choice 0). */
export function choose(lesson: CompiledLesson, pos: Position, choice: number): Move {
	const current = sceneOf(lesson, pos);
	if (!current || current.scene.ending) return { pos, events: [] };
	const to = current.scene.choices?.[choice]?.to ?? (choice === 0 ? current.scene.next : undefined);
	if (to === undefined) return { pos, events: [] };
	return {
		pos: { ...pos, scenes: [...pos.scenes, to] },
		events: [
			{
				kind: LESSON_EVENT.choice,
				payload: { lesson: lesson.id, step: lesson.steps[pos.step]!.id, scene: current.id, choice, to }
			}
		]
	};
}

export function answer(lesson: CompiledLesson, pos: Position, index: number): Move {
	const step = lesson.steps[pos.step];
	if (step?.kind !== 'quiz' || !step.answers[index]) return { pos, events: [] };
	return {
		pos: { ...pos, answer: index },
		events: [
			{
				kind: LESSON_EVENT.answer,
				payload: { lesson: lesson.id, step: step.id, answer: index, right: step.answers[index]!.right }
			}
		]
	};
}

export function tick(pos: Position, objective: number): Position {
	return pos.ticked.includes(objective) ? pos : { ...pos, ticked: [...pos.ticked, objective] };
}

/** A saved position, checked against the lesson as it is now (it may have changed since). */
export function restorePosition(lesson: CompiledLesson, saved: unknown): Position | null {
	if (!saved || typeof saved !== 'object') return null;
	const p = saved as Partial<Position>;
	if (typeof p.step !== 'number' || !Number.isInteger(p.step) || p.step < 0 || p.step >= lesson.steps.length)
		return null;
	const step = lesson.steps[p.step]!;
	const base = entering(lesson, p.step);
	if (step.kind === 'scenario' && Array.isArray(p.scenes) && p.scenes.length > 0) {
		if (p.scenes.every((s) => typeof s === 'string' && s in step.scenes)) base.scenes = p.scenes;
	}
	if (step.kind === 'quiz' && typeof p.answer === 'number' && step.answers[p.answer]) base.answer = p.answer;
	if (Array.isArray(p.ticked)) base.ticked = p.ticked.filter((t) => typeof t === 'number');
	base.finished = p.finished === true;
	return base;
}
