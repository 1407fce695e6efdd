/**
 * The planned programme (content/curriculum.yaml): the eight strands of Education for a
 * Connected World as data, and for each year the six half-terms with their lessons in order.
 */
import * as v from 'valibot';
import { PictureSchema, UNKNOWN_FIELD, castName, text } from './picture-schema';

export const YEARS = ['reception', 'year-1', 'year-2'] as const;
export type Year = (typeof YEARS)[number];

export const HALF_TERMS = ['autumn-1', 'autumn-2', 'spring-1', 'spring-2', 'summer-1', 'summer-2'] as const;
export type HalfTerm = (typeof HALF_TERMS)[number];

export const YEAR_NAMES: Record<Year, string> = {
	reception: 'Reception',
	'year-1': 'Year 1',
	'year-2': 'Year 2'
};
export const HALF_TERM_NAMES: Record<HalfTerm, string> = {
	'autumn-1': 'Autumn 1',
	'autumn-2': 'Autumn 2',
	'spring-1': 'Spring 1',
	'spring-2': 'Spring 2',
	'summer-1': 'Summer 1',
	'summer-2': 'Summer 2'
};

export const LESSON_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const lessonList = v.array(
	v.pipe(
		v.string('A lesson id must be the name of its folder in lessons/.'),
		v.regex(LESSON_ID, 'A lesson id is its folder name: lower-case words joined by dashes.')
	),
	'Each half-term is a list of lesson ids, e.g. [asking-before-we-tap], or [] for none.'
);

const YearPlanSchema = v.strictObject(
	Object.fromEntries(HALF_TERMS.map((h) => [h, lessonList])) as Record<HalfTerm, typeof lessonList>,
	'is not a half-term. The six are autumn-1, autumn-2, spring-1, spring-2, summer-1, summer-2.'
);

export const StrandSchema = v.strictObject(
	{
		id: castName('A strand id'),
		name: text('The strand’s name', 80),
		childName: text('The strand’s child-friendly name (childName)', 60),
		picture: PictureSchema
	},
	UNKNOWN_FIELD
);
export type Strand = v.InferOutput<typeof StrandSchema>;

export const CurriculumSchema = v.pipe(
	v.strictObject(
		{
			strands: v.pipe(
				v.array(StrandSchema, 'strands must be a list.'),
				v.length(8, 'List the eight strands of Education for a Connected World, in order.')
			),
			years: v.strictObject(
				Object.fromEntries(YEARS.map((y) => [y, YearPlanSchema])) as Record<Year, typeof YearPlanSchema>,
				'is not a year. The years are reception, year-1 and year-2.'
			)
		},
		UNKNOWN_FIELD
	)
);
export type Curriculum = v.InferOutput<typeof CurriculumSchema>;

/** The year a class's free-text year group stands for ("Reception", "Year 1", "Y2"…), if any. */
export function lessonYearOf(yearGroup: string): Year | null {
	const g = yearGroup.trim().toLowerCase().replace(/\s+/g, ' ');
	if (g === 'reception' || g === 'r' || g === 'fs2' || g === 'eyfs') return 'reception';
	const m = /^(?:year|y) ?([12])$/.exec(g);
	return m ? (`year-${m[1]}` as Year) : null;
}

/**
 * The half-term a date falls in, by the usual English school year: Autumn 1 is September to the
 * October half-term, Autumn 2 to Christmas, Spring 1 January to February half-term, Spring 2 to
 * Easter, Summer 1 to the May half-term, Summer 2 June and July (August counts as Summer 2).
 */
export function halfTermOf(date: Date): HalfTerm {
	const month = date.getMonth(); // 0 = January
	const day = date.getDate();
	if (month === 8 || (month === 9 && day < 25)) return 'autumn-1';
	if (month >= 9) return 'autumn-2';
	if (month === 0 || (month === 1 && day < 17)) return 'spring-1';
	if (month <= 2 || (month === 3 && day < 15)) return 'spring-2';
	if (month === 3 || (month === 4 && day < 27)) return 'summer-1';
	return 'summer-2';
}
