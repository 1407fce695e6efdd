/**
 * Lesson progress events, sent through the tablet's outbox at class level (never a pupil): the
 * tablet and the server share these payload schemas. Kept together here so they can join the
 * typed event catalogue (src/lib/events/) as one block.
 */
import * as v from 'valibot';

export const LESSON_EVENT = {
	started: 'lesson.started',
	step: 'lesson.step',
	choice: 'lesson.choice',
	answer: 'lesson.answer',
	finished: 'lesson.finished'
} as const;

const id = (what: string) =>
	v.pipe(
		v.string(`${what} must be text.`),
		v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${what} must be lower-case words joined by dashes.`),
		v.maxLength(80, `${what} is too long.`)
	);
const index = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(50));

const lesson = { lesson: id('lesson') };

export const LessonStartedPayload = v.strictObject({ ...lesson });
export const LessonStepPayload = v.strictObject({ ...lesson, step: id('step'), index });
export const LessonChoicePayload = v.strictObject({
	...lesson,
	step: id('step'),
	scene: id('scene'),
	choice: index,
	to: id('to')
});
export const LessonAnswerPayload = v.strictObject({
	...lesson,
	step: id('step'),
	answer: index,
	right: v.boolean()
});
export const LessonFinishedPayload = v.strictObject({ ...lesson });

export type LessonStarted = v.InferOutput<typeof LessonStartedPayload>;
export type LessonStepReached = v.InferOutput<typeof LessonStepPayload>;
export type LessonChoice = v.InferOutput<typeof LessonChoicePayload>;
export type LessonAnswer = v.InferOutput<typeof LessonAnswerPayload>;
export type LessonFinished = v.InferOutput<typeof LessonFinishedPayload>;

/** What the player records, by kind. */
export type LessonEvent =
	| { kind: typeof LESSON_EVENT.started; payload: LessonStarted }
	| { kind: typeof LESSON_EVENT.step; payload: LessonStepReached }
	| { kind: typeof LESSON_EVENT.choice; payload: LessonChoice }
	| { kind: typeof LESSON_EVENT.answer; payload: LessonAnswer }
	| { kind: typeof LESSON_EVENT.finished; payload: LessonFinished };
