/** The programme for staff screens: lessons by year and half-term, and strand coverage. */
import { HALF_TERMS, YEARS, type HalfTerm, type Year } from '../content/curriculum-schema';
import type { CompiledCurriculum, LessonSummary } from './compiled';

export interface ProgrammeYear {
	year: Year;
	halfTerms: { halfTerm: HalfTerm; lessons: LessonSummary[] }[];
}

export function programmeByYear(
	curriculum: CompiledCurriculum,
	catalogue: readonly LessonSummary[]
): ProgrammeYear[] {
	const byId = new Map(catalogue.map((l) => [l.id, l]));
	return YEARS.map((year) => ({
		year,
		halfTerms: HALF_TERMS.map((halfTerm) => ({
			halfTerm,
			lessons: curriculum.years[year][halfTerm].flatMap((id) => byId.get(id) ?? [])
		}))
	}));
}

/** For each strand, how many lessons meet it in each year. */
export function coverage(
	curriculum: CompiledCurriculum,
	catalogue: readonly LessonSummary[]
): { strand: CompiledCurriculum['strands'][number]; counts: Record<Year, number> }[] {
	return curriculum.strands.map((strand) => {
		const counts = { reception: 0, 'year-1': 0, 'year-2': 0 } as Record<Year, number>;
		for (const l of catalogue) if (l.strands.includes(strand.id)) counts[l.year] += 1;
		return { strand, counts };
	});
}
