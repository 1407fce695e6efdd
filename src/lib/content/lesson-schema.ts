/**
 * One lesson file (lessons/<id>/lesson.yaml), exactly as lessons/FORMAT.md describes it. Strict:
 * an unknown field is an error, so a misspelt field never silently disappears. Cross-file checks
 * (pictures exist, strands exist, the plan names the lesson, scenarios are sound) are in
 * src/lib/content/compile-lessons.ts; the scenario proof is in src/lib/scenarios/.
 */
import * as v from 'valibot';
import { YEARS } from './curriculum-schema';
import { PictureSchema, UNKNOWN_FIELD, castName, text } from './picture-schema';

export const GAMES = ['keep-it-secret', 'kind-words', 'real-or-pretend', 'spot-it-and-tell'] as const;

const clip = v.pipe(
	v.string('audio must be a file name.'),
	v.regex(
		/^[a-z0-9][a-z0-9-]*\.(?:mp3|m4a|ogg)$/,
		'audio must be an .mp3, .m4a or .ogg file in the lesson folder, e.g. hello.mp3.'
	)
);

const spoken = {
	narration: text('narration', 600),
	caption: v.optional(text('caption', 200)),
	audio: v.optional(clip)
};

const stepId = castName('A step id');
const sceneRef = (what: string) =>
	v.pipe(
		v.string(`${what} must name a scene of this scenario.`),
		v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${what} must name a scene: lower-case words joined by dashes.`)
	);

export const ChoiceSchema = v.strictObject(
	{ label: text('A choice’s label', 40), picture: PictureSchema, to: sceneRef('to') },
	UNKNOWN_FIELD
);

export const SceneSchema = v.pipe(
	v.strictObject(
		{
			picture: PictureSchema,
			...spoken,
			choices: v.optional(
				v.pipe(
					v.array(ChoiceSchema, 'choices must be a list.'),
					v.minLength(2, 'A scene with choices needs 2 or 3 of them (or use next: for one way on).'),
					v.maxLength(3, 'A scene offers at most 3 choices: young children choose best from a few.')
				)
			),
			next: v.optional(sceneRef('next')),
			ending: v.optional(v.literal(true, 'ending is written “ending: true” (or left out).'))
		},
		UNKNOWN_FIELD
	),
	v.check(
		(s) => [s.choices !== undefined, s.next !== undefined, s.ending === true].filter(Boolean).length === 1,
		'A scene needs exactly one of: choices (2–3), next (one scene), or ending: true.'
	)
);
export type Scene = v.InferOutput<typeof SceneSchema>;

const StoryStep = v.strictObject(
	{ kind: v.literal('story'), id: stepId, picture: PictureSchema, ...spoken },
	UNKNOWN_FIELD
);

const ScenarioStep = v.strictObject(
	{
		kind: v.literal('scenario'),
		id: stepId,
		start: sceneRef('start'),
		scenes: v.pipe(
			v.record(castName('A scene id'), SceneSchema, 'scenes must map scene ids to scenes.'),
			v.check((s) => Object.keys(s).length >= 2, 'A scenario needs at least 2 scenes.')
		)
	},
	UNKNOWN_FIELD
);

const AnswerSchema = v.strictObject(
	{
		label: text('An answer’s label', 40),
		picture: PictureSchema,
		right: v.boolean('right must be true or false.'),
		feedback: text('feedback', 300)
	},
	UNKNOWN_FIELD
);

const QuizStep = v.strictObject(
	{
		kind: v.literal('quiz'),
		id: stepId,
		picture: v.optional(PictureSchema),
		...spoken,
		answers: v.pipe(
			v.array(AnswerSchema, 'answers must be a list.'),
			v.minLength(2, 'A quiz needs 2 to 4 answers.'),
			v.maxLength(4, 'A quiz has at most 4 answers.'),
			v.check((a) => a.some((x) => x.right), 'Mark at least one answer right: true.')
		)
	},
	UNKNOWN_FIELD
);

const GameStep = v.strictObject(
	{
		kind: v.literal('game'),
		id: stepId,
		game: v.picklist(GAMES, `game must be one of: ${GAMES.join(', ')}.`),
		level: v.picklist(YEARS, `level must be one of: ${YEARS.join(', ')}.`),
		/** Which of the game's items to play, in order; the level's own set when left out. */
		items: v.optional(
			v.pipe(
				v.array(v.pipe(v.string('Each item is an item id, e.g. password.'), v.maxLength(40))),
				v.minLength(1, 'items: name at least one item, or leave items out.'),
				v.maxLength(12, 'items: a game plays at most 12 items.')
			)
		),
		picture: v.optional(PictureSchema),
		...spoken
	},
	UNKNOWN_FIELD
);

const PracticeStep = v.strictObject(
	{ kind: v.literal('practice'), id: stepId, picture: PictureSchema, ...spoken, praise: text('praise', 300) },
	UNKNOWN_FIELD
);

const RecapStep = v.strictObject(
	{ kind: v.literal('recap'), id: stepId, picture: PictureSchema, ...spoken },
	UNKNOWN_FIELD
);

export const STEP_KINDS = ['story', 'scenario', 'quiz', 'game', 'practice', 'recap'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const StepSchema = v.variant(
	'kind',
	[StoryStep, ScenarioStep, QuizStep, GameStep, PracticeStep, RecapStep],
	`kind must be one of: ${STEP_KINDS.join(', ')}.`
);
export type Step = v.InferOutput<typeof StepSchema>;

export const LessonSchema = v.strictObject(
	{
		title: text('title', 60),
		year: v.picklist(YEARS, `year must be one of: ${YEARS.join(', ')}.`),
		strands: v.pipe(
			v.array(castName('A strand'), 'strands must be a list of strand ids.'),
			v.minLength(1, 'A lesson belongs to 1 to 3 strands: add one.'),
			v.maxLength(3, 'A lesson belongs to at most 3 strands: keep the main ones.')
		),
		minutes: v.pipe(
			v.number('minutes must be a number.'),
			v.integer('minutes must be a whole number.'),
			v.minValue(10, 'minutes must be 10 to 20.'),
			v.maxValue(20, 'minutes must be 10 to 20.')
		),
		cover: PictureSchema,
		objectives: v.pipe(
			v.array(
				v.pipe(
					text('An objective', 120),
					v.startsWith('I can ', 'Each objective starts “I can ”, as a child would say it.')
				),
				'objectives must be a list.'
			),
			v.minLength(2, 'Write 2 or 3 “I can” objectives.'),
			v.maxLength(3, 'Write 2 or 3 “I can” objectives.')
		),
		teacherNotes: v.strictObject(
			{
				introduction: text('The introduction', 1200),
				questions: v.pipe(
					v.array(text('A question', 200), 'questions must be a list.'),
					v.minLength(2, 'Write 2 to 5 discussion questions.'),
					v.maxLength(5, 'Write 2 to 5 discussion questions.')
				),
				vocabulary: v.pipe(
					v.array(
						v.strictObject({ word: text('word', 40), meaning: text('meaning', 200) }, UNKNOWN_FIELD),
						'vocabulary must be a list of { word, meaning }.'
					),
					v.minLength(2, 'Give 2 to 6 vocabulary words.'),
					v.maxLength(6, 'Give 2 to 6 vocabulary words.')
				),
				watchFor: text('watchFor', 800),
				policy: v.optional(text('policy', 400))
			},
			UNKNOWN_FIELD
		),
		talkAtHome: v.strictObject(
			{
				sentences: v.pipe(
					v.array(text('A talk-at-home sentence', 200), 'sentences must be a list.'),
					v.length(3, 'The talk-at-home card has exactly three sentences.')
				),
				picture: PictureSchema
			},
			UNKNOWN_FIELD
		),
		steps: v.pipe(
			v.array(StepSchema, 'steps must be a list.'),
			v.minLength(3, 'A lesson has 3 to 12 steps.'),
			v.maxLength(12, 'A lesson has 3 to 12 steps: split it into two lessons.')
		)
	},
	UNKNOWN_FIELD
);
export type Lesson = v.InferOutput<typeof LessonSchema>;
export type ScenarioStep = Extract<Step, { kind: 'scenario' }>;
