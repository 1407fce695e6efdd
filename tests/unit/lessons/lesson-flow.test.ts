/** How a lesson moves: steps, scenario choices, quiz answers, finishing, resuming, events. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLessons } from '../../../tooling/compile-lessons';
import {
	answer,
	back,
	canForward,
	choose,
	forward,
	restorePosition,
	sceneOf,
	startPosition
} from '../../../src/lib/lessons/lesson-flow';
import { lessonsForClass } from '../../../src/lib/lessons/class-lessons';
import { summaryOf } from '../../../tooling/compile-lessons';
import { halfTermOf, lessonYearOf } from '../../../src/lib/content/curriculum-schema';

const programme = compileLessons(join(process.cwd(), 'tests/fixtures/lessons/programme'));
const asking = programme.lessons.find((l) => l.id === 'asking-first')!;
const kind = programme.lessons.find((l) => l.id === 'kind-words')!;

describe('playing a lesson', () => {
	it('needs an ending to leave a scenario, and records each choice', () => {
		let pos = forward(asking, startPosition(asking)).pos;
		expect(sceneOf(asking, pos)?.id).toBe('nana-tablet');
		expect(canForward(asking, pos)).toBe(false);
		const move = choose(asking, pos, 1);
		expect(move.events).toEqual([
			{
				kind: 'lesson.choice',
				payload: {
					lesson: 'asking-first',
					step: 'video-plays-on',
					scene: 'nana-tablet',
					choice: 1,
					to: 'keeps-watching'
				}
			}
		]);
		pos = choose(asking, move.pos, 0).pos; // "next:" back to the start scene
		expect(sceneOf(asking, pos)?.id).toBe('nana-tablet');
		pos = back(asking, pos).pos;
		expect(sceneOf(asking, pos)?.id).toBe('keeps-watching');
		pos = choose(asking, choose(asking, pos, 0).pos, 0).pos;
		expect(sceneOf(asking, pos)?.id).toBe('asks-nana');
		expect(canForward(asking, pos)).toBe(true);
	});

	it('goes on from a quiz only after a right answer; a wrong one is only feedback', () => {
		let pos = forward(kind, startPosition(kind)).pos;
		const wrong = answer(kind, pos, 1);
		expect(wrong.events[0]).toEqual({
			kind: 'lesson.answer',
			payload: { lesson: 'kind-words', step: 'which-is-kind', answer: 1, right: false }
		});
		expect(canForward(kind, wrong.pos)).toBe(false);
		pos = answer(kind, wrong.pos, 0).pos;
		expect(canForward(kind, pos)).toBe(true);
	});

	it('finishes after the last step, recording it once', () => {
		let pos = startPosition(asking);
		pos = forward(asking, pos).pos;
		pos = choose(asking, pos, 0).pos;
		pos = forward(asking, pos).pos;
		const last = forward(asking, pos);
		expect(last.events).toEqual([
			{ kind: 'lesson.step', payload: { lesson: 'asking-first', step: 'what-we-learned', index: 3 } }
		]);
		const done = forward(asking, last.pos);
		expect(done.pos.finished).toBe(true);
		expect(done.events).toEqual([{ kind: 'lesson.finished', payload: { lesson: 'asking-first' } }]);
		expect(forward(asking, done.pos).events).toEqual([]);
	});

	it('resumes a saved position, and ignores one that no longer fits the lesson', () => {
		const saved = JSON.parse(
			JSON.stringify({ ...startPosition(asking), step: 1, scenes: ['nana-tablet', 'keeps-watching'] })
		);
		expect(restorePosition(asking, saved)?.scenes).toEqual(['nana-tablet', 'keeps-watching']);
		expect(restorePosition(asking, { ...saved, step: 40 })).toBeNull();
		expect(restorePosition(asking, { ...saved, scenes: ['gone'] })?.scenes).toEqual(['nana-tablet']);
	});
});

describe('a class’s lessons', () => {
	it('knows the year from the class’s year group', () => {
		expect(lessonYearOf('Reception')).toBe('reception');
		expect(lessonYearOf('Year 1')).toBe('year-1');
		expect(lessonYearOf('y2')).toBe('year-2');
		expect(lessonYearOf('Year 5')).toBeNull();
	});

	it('knows the half-term from the date', () => {
		expect(halfTermOf(new Date(2026, 8, 10))).toBe('autumn-1');
		expect(halfTermOf(new Date(2026, 10, 30))).toBe('autumn-2');
		expect(halfTermOf(new Date(2027, 0, 20))).toBe('spring-1');
		expect(halfTermOf(new Date(2027, 2, 1))).toBe('spring-2');
		expect(halfTermOf(new Date(2027, 4, 1))).toBe('summer-1');
		expect(halfTermOf(new Date(2027, 6, 1))).toBe('summer-2');
	});

	it('puts the current half-term first, then earlier ones to revisit', () => {
		const catalogue = programme.lessons.map(summaryOf);
		expect(lessonsForClass(catalogue, 'Reception', new Date(2026, 10, 30)).map((l) => l.id)).toEqual([
			'kind-words',
			'asking-first'
		]);
		expect(lessonsForClass(catalogue, 'Year 1', new Date(2026, 10, 30))).toEqual([]);
	});
});
