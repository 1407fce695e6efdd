/**
 * One assembly (content/assemblies/<id>.yaml), exactly as content/assemblies/FORMAT.md describes
 * it. Strict like lessons: an unknown field is an error. Cross-file checks (pictures exist, the
 * lessons it reinforces exist and are taught by then) are in tooling/compile-assemblies.ts.
 */
import * as v from 'valibot';
import { HALF_TERMS } from './curriculum-schema';
import { PictureSchema, castName, text } from './picture-schema';

const UNKNOWN_FIELD =
	'is not a field Harbour knows here. Check its spelling, or remove it (see content/assemblies/FORMAT.md).';

/** When an assembly is given: a half-term, or an occasion that falls in one. */
export const OCCASIONS = { 'safer-internet-day': 'spring-1' } as const;
export type Occasion = keyof typeof OCCASIONS;
export const WHEN = [...HALF_TERMS, ...(Object.keys(OCCASIONS) as Occasion[])] as const;

const slideId = castName('A slide id');
/** Words on the big screen: read from the back of a hall, so short. */
const words = text('words (shown on the big screen)', 80);
const narration = text('narration', 600);
const notes = v.optional(text('notes', 600));

const plain = { id: slideId, words, picture: PictureSchema, narration, notes };

/** A slide in a choice's branch: words and a picture (kind may be left out). */
export const PlainSlideSchema = v.strictObject(
	{
		...plain,
		kind: v.optional(
			v.literal('slide', 'A slide in a choice’s branch is a plain slide: kind: slide, or leave kind out.')
		)
	},
	UNKNOWN_FIELD
);

const MainPlainSlideSchema = v.strictObject({ ...plain, kind: v.literal('slide') }, UNKNOWN_FIELD);

const ThumbsSlideSchema = v.strictObject(
	{
		id: slideId,
		kind: v.literal('thumbs'),
		words,
		picture: v.optional(PictureSchema),
		narration,
		notes
	},
	UNKNOWN_FIELD
);

const ChoiceSchema = v.strictObject(
	{
		label: text('A choice’s label', 30),
		picture: PictureSchema,
		slides: v.pipe(
			v.array(PlainSlideSchema, 'slides must be a list of slides.'),
			v.minLength(1, 'A choice leads to 1 to 4 slides: add one saying what happens next.'),
			v.maxLength(4, 'A choice leads to at most 4 slides: keep each branch short.')
		)
	},
	UNKNOWN_FIELD
);

const ChoiceSlideSchema = v.strictObject(
	{
		id: slideId,
		kind: v.literal('choice'),
		words,
		narration,
		notes,
		choices: v.pipe(
			v.array(ChoiceSchema, 'choices must be a list.'),
			v.minLength(2, 'A choice slide needs 2 or 3 choices.'),
			v.maxLength(3, 'A choice slide offers at most 3 choices (keys 1 to 3).')
		)
	},
	UNKNOWN_FIELD
);

/** A slide of the assembly: a plain slide when `kind` is left out. */
export const SlideSchema = v.pipe(
	v.unknown(),
	v.transform((s) =>
		s !== null && typeof s === 'object' && !Array.isArray(s) && !('kind' in s) ? { kind: 'slide', ...s } : s
	),
	v.variant(
		'kind',
		[MainPlainSlideSchema, ThumbsSlideSchema, ChoiceSlideSchema],
		'kind must be slide, choice or thumbs (or left out for a plain slide).'
	)
);

export const AssemblySchema = v.strictObject(
	{
		title: text('title', 60),
		when: v.picklist(WHEN, `when must be one of: ${WHEN.join(', ')}.`),
		minutes: v.pipe(
			v.number('minutes must be a number.'),
			v.integer('minutes must be a whole number.'),
			v.minValue(10, 'minutes must be 10 to 15: an assembly fits a slot in the school day.'),
			v.maxValue(15, 'minutes must be 10 to 15: an assembly fits a slot in the school day.')
		),
		reinforces: v.pipe(
			v.array(castName('A lesson id'), 'reinforces must be a list of lesson ids.'),
			v.minLength(1, 'reinforces: name at least one lesson this assembly goes over again.'),
			v.maxLength(6, 'reinforces: name at most 6 lessons.')
		),
		slides: v.pipe(
			v.array(SlideSchema, 'slides must be a list of slides.'),
			v.minLength(1, 'slides is empty: an assembly needs 12 to 24 slides.')
		)
	},
	UNKNOWN_FIELD
);
export type AssemblyFile = v.InferOutput<typeof AssemblySchema>;
export type SlideFile = v.InferOutput<typeof SlideSchema>;
export type PlainSlideFile = v.InferOutput<typeof PlainSlideSchema>;
