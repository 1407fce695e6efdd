/**
 * Which lessons a class sees, and in what order: its year's lessons, the current half-term's
 * first, then earlier half-terms (most recent first) to revisit, then those still to come.
 */
import { HALF_TERMS, halfTermOf, lessonYearOf } from '../content/curriculum-schema';
import type { LessonSummary } from './compiled';

export function lessonsForClass(
	catalogue: readonly LessonSummary[],
	yearGroup: string,
	today: Date
): LessonSummary[] {
	const year = lessonYearOf(yearGroup);
	if (!year) return [];
	const now = HALF_TERMS.indexOf(halfTermOf(today));
	const rank = (h: number) => (h === now ? 0 : h < now ? 1 + (now - h) : 10 + h);
	return catalogue
		.filter((l) => l.year === year)
		.map((l, i) => ({ l, i, r: rank(HALF_TERMS.indexOf(l.halfTerm)) }))
		.sort((a, b) => a.r - b.r || a.i - b.i)
		.map(({ l }) => l);
}

export const lessonPositionKey = (lessonId: string) => `harbour-lesson:${lessonId}`;
