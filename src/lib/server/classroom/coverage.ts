/**
 * Evidence the programme is taught: per class and per strand, the lessons of the class's year
 * taught this school year (launched to the class and finished by most of the tablets that joined
 * it), with the date, against the year's plan. A strand with no lesson taught this year stands out.
 * No pupil data exists here: classes, lessons, dates and tablet counts only.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { listClasses, type ClassInfo } from '../school/classes';
import { HALF_TERMS, lessonYearOf, type HalfTerm } from '../../content/curriculum-schema';
import type { CompiledCurriculum, LessonSummary } from '../../lessons/compiled';
import { toCsv } from '../http/csv';

/** The school year starts on 1 September. */
export function schoolYearStart(today: Date): Date {
	const y = today.getUTCMonth() >= 8 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
	return new Date(Date.UTC(y, 8, 1));
}

/** When each lesson was last taught to each class since `since`: `classId lessonId` → ISO date. */
export async function taughtSince(db: Kysely<Database>, since: Date): Promise<Map<string, string>> {
	const rows = await db
		.selectFrom('class_launches as l')
		.leftJoin('launch_tablets as t', 't.launch_id', 'l.id')
		.select([
			'l.class_id',
			'l.lesson_id',
			'l.launched_at',
			(eb) => eb.fn.count<number>('t.device_id').as('joined'),
			(eb) => eb.fn.sum<number>('t.finished').as('finished')
		])
		.where('l.launched_at', '>=', since.toISOString())
		.groupBy(['l.id', 'l.class_id', 'l.lesson_id', 'l.launched_at'])
		.execute();
	const taught = new Map<string, string>();
	for (const r of rows) {
		const joined = Number(r.joined);
		// "Most of the class's tablets": more than half of those that joined the lesson.
		if (joined === 0 || Number(r.finished ?? 0) * 2 <= joined) continue;
		const key = `${r.class_id} ${r.lesson_id}`;
		if ((taught.get(key) ?? '') < r.launched_at) taught.set(key, r.launched_at);
	}
	return taught;
}

export interface ClassCoverage {
	classId: string;
	className: string;
	yearGroup: string;
	strands: {
		id: string;
		name: string;
		met: boolean;
		lessons: { id: string; title: string; halfTerm: HalfTerm; taughtAt: string | null }[];
	}[];
}

export function classCoverage(
	classes: readonly ClassInfo[],
	curriculum: CompiledCurriculum,
	catalogue: readonly LessonSummary[],
	taught: Map<string, string>
): ClassCoverage[] {
	const byId = new Map(catalogue.map((l) => [l.id, l]));
	return classes.map((c) => {
		const year = lessonYearOf(c.yearGroup);
		const plan = year
			? HALF_TERMS.flatMap((h) => curriculum.years[year][h].flatMap((id) => byId.get(id) ?? []))
			: [];
		return {
			classId: c.id,
			className: c.name,
			yearGroup: c.yearGroup,
			strands: curriculum.strands.map((s) => {
				const lessons = plan
					.filter((l) => l.strands.includes(s.id))
					.map((l) => ({
						id: l.id,
						title: l.title,
						halfTerm: l.halfTerm,
						taughtAt: taught.get(`${c.id} ${l.id}`) ?? null
					}));
				return { id: s.id, name: s.name, met: lessons.some((l) => l.taughtAt), lessons };
			})
		};
	});
}

export function coverageCsv(coverage: readonly ClassCoverage[]): string {
	const rows = coverage.flatMap((c) =>
		c.strands.flatMap((s) =>
			s.lessons.length
				? s.lessons.map((l) => [
						c.className,
						c.yearGroup,
						s.name,
						l.title,
						l.halfTerm,
						l.taughtAt?.slice(0, 10) ?? ''
					])
				: [[c.className, c.yearGroup, s.name, '', '', '']]
		)
	);
	return toCsv(['Class', 'Year group', 'Strand', 'Lesson', 'Half-term', 'Taught on'], rows);
}

/** What this person sees: a teacher their own class; the DSL, admins and governors every class. */
export async function coverageFor(
	db: Kysely<Database>,
	staff: { role: string; classId: string | null },
	curriculum: CompiledCurriculum,
	catalogue: readonly LessonSummary[],
	today = new Date()
): Promise<{ since: string; classes: ClassCoverage[] }> {
	const all = await listClasses(db);
	const classes = staff.role === 'teacher' ? all.filter((c) => c.id === staff.classId) : all;
	const since = schoolYearStart(today);
	return {
		since: since.toISOString(),
		classes: classCoverage(classes, curriculum, catalogue, await taughtSince(db, since))
	};
}
