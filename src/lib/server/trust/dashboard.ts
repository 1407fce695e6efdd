/**
 * The trust's dashboard: each school's open and unacknowledged concerns, escalations, the
 * programme's coverage and the governors' figures, read school by school. Each school's figures
 * are read inside `withSchool`, so on PostgreSQL the database shows one school's rows at a time
 * and a school can never be counted in another's row. Counts and dates only: no pupil detail,
 * no child's words (the trust DSL opens a school's concerns on their own page).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CompiledCurriculum, LessonSummary } from '../../lessons/compiled';
import type { Trust } from '../tenancy/trust';
import { withSchool } from '../tenancy/context';
import { openIncidentCounts, type OpenCounts } from '../incidents/open-counts';
import { incidentStatistics } from '../incidents/statistics';
import { coverageFor, schoolYearStart } from '../classroom/coverage';

export interface SchoolFigures {
	id: string;
	slug: string;
	name: string;
	concerns: OpenCounts;
	/** Concerns passed on to children's social care or the police, still open. */
	escalated: number;
	coverage: {
		/** Class × strand cells with a lesson taught this school year, of those planned. */
		met: number;
		planned: number;
		/** Strands no class has been taught yet this year. */
		untaught: string[];
	};
	/** This school year, for governors: how many, how fast acknowledged, how many still open. */
	year: { total: number; medianAckMinutes: number | null; stillOpen: number };
}

async function figuresOf(
	db: Kysely<Database>,
	curriculum: CompiledCurriculum,
	catalogue: readonly LessonSummary[],
	today: Date
): Promise<Omit<SchoolFigures, 'id' | 'slug' | 'name'>> {
	const concerns = await openIncidentCounts(db, null);
	const escalated = await db
		.selectFrom('incidents')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('status', '=', 'escalated')
		.executeTakeFirst();
	const coverage = await coverageFor(db, { role: 'dsl', classId: null }, curriculum, catalogue, today);
	const cells = coverage.classes.flatMap((c) => c.strands.filter((s) => s.lessons.length > 0));
	const untaught = curriculum.strands
		.filter((s) => coverage.classes.every((c) => !c.strands.find((x) => x.id === s.id)?.met))
		.map((s) => s.name);
	const stats = await incidentStatistics(db, schoolYearStart(today).toISOString(), today.toISOString());
	return {
		concerns,
		escalated: Number(escalated?.n ?? 0),
		coverage: { met: cells.filter((s) => s.met).length, planned: cells.length, untaught },
		year: {
			total: stats.total,
			medianAckMinutes: stats.acknowledge.medianMinutes,
			stillOpen: stats.outcomes.open
		}
	};
}

/** Every school of the trust, with its figures, in the trust's order (by name). */
export async function trustDashboard(
	db: Kysely<Database>,
	trust: Trust,
	curriculum: CompiledCurriculum,
	catalogue: readonly LessonSummary[],
	today = new Date()
): Promise<SchoolFigures[]> {
	const out: SchoolFigures[] = [];
	// One school after another: a trust of forty schools must not take forty connections at once.
	for (const s of trust.schools) {
		const figures = await withSchool(s.id, () => figuresOf(db, curriculum, catalogue, today));
		out.push({ id: s.id, slug: s.slug, name: s.name, ...figures });
	}
	return out;
}
