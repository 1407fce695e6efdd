/**
 * Aggregate figures for the head and governors: counts by category, class, weekday and hour;
 * time to acknowledge (median, 90th percentile); outcomes; practice presses. No pupil-level
 * detail, no free text: safe for governors.
 */
import { toCsv } from '../http/csv';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { categoryLabel } from '../../incidents/categories';

export interface Statistics {
	total: number;
	byCategory: [string, number][];
	byClass: [string, number][];
	byWeekday: [string, number][];
	byHour: [string, number][];
	bySource: [string, number][];
	acknowledge: { count: number; medianMinutes: number | null; p90Minutes: number | null };
	outcomes: { closed: number; open: number };
	practiceByClass: [string, number][];
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const london = new Intl.DateTimeFormat('en-GB', {
	weekday: 'long',
	hour: '2-digit',
	hourCycle: 'h23',
	timeZone: 'Europe/London'
});

export function percentile(sorted: number[], p: number): number | null {
	if (sorted.length === 0) return null;
	const rank = (p / 100) * (sorted.length - 1);
	const lo = Math.floor(rank);
	const hi = Math.ceil(rank);
	return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

function tally(keys: string[], order?: string[]): [string, number][] {
	const counts = new Map<string, number>();
	for (const k of order ?? []) counts.set(k, 0);
	for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
	const entries = [...counts.entries()];
	return order ? entries : entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export async function incidentStatistics(
	db: Kysely<Database>,
	from: string,
	to: string
): Promise<Statistics> {
	const rows = await db
		.selectFrom('incidents')
		.innerJoin('classes', 'classes.id', 'incidents.class_id')
		.select([
			'classes.name',
			'incidents.opened_at',
			'incidents.acknowledged_at',
			'incidents.status',
			'incidents.categories',
			'incidents.source'
		])
		.where('incidents.opened_at', '>=', from)
		.where('incidents.opened_at', '<', to)
		.execute();
	const practice = await db
		.selectFrom('pupil_events')
		.innerJoin('classes', 'classes.id', 'pupil_events.class_id')
		.select(['classes.name', 'pupil_events.payload'])
		.where('pupil_events.kind', '=', 'report.opened')
		.where('pupil_events.server_time', '>=', from)
		.where('pupil_events.server_time', '<', to)
		.execute();
	const parts = rows.map((r) => {
		const p = london.formatToParts(new Date(r.opened_at));
		return {
			weekday: p.find((x) => x.type === 'weekday')?.value ?? '',
			hour: p.find((x) => x.type === 'hour')?.value ?? ''
		};
	});
	const ackMinutes = rows
		.filter((r) => r.acknowledged_at && r.source !== 'staff')
		.map((r) => (Date.parse(r.acknowledged_at!) - Date.parse(r.opened_at)) / 60_000)
		.sort((a, b) => a - b);
	const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
	return {
		total: rows.length,
		byCategory: tally(
			rows.flatMap((r) => {
				const c = JSON.parse(r.categories) as string[];
				return c.length ? c.map(categoryLabel) : ['Not yet categorised'];
			})
		),
		byClass: tally(rows.map((r) => r.name)),
		byWeekday: tally(
			parts.map((p) => p.weekday),
			WEEKDAYS
		),
		byHour: tally(parts.map((p) => `${p.hour}:00`)).sort((a, b) => a[0].localeCompare(b[0])),
		bySource: tally(
			rows.map((r) =>
				r.source === 'staff'
					? 'Recorded by staff'
					: r.source === 'search'
						? 'Safe search'
						: 'Tell a grown-up button'
			)
		),
		acknowledge: {
			count: ackMinutes.length,
			medianMinutes: round(percentile(ackMinutes, 50)),
			p90Minutes: round(percentile(ackMinutes, 90))
		},
		outcomes: {
			closed: rows.filter((r) => r.status === 'closed').length,
			open: rows.filter((r) => r.status !== 'closed').length
		},
		practiceByClass: tally(
			practice.filter((p) => (JSON.parse(p.payload) as { practice?: boolean }).practice).map((p) => p.name)
		)
	};
}

/**
 * The same figures as CSV rows: measure, item, count, through the one CSV writer (so a class
 * named "=HYPERLINK(…)" is shown as text by a spreadsheet, never run).
 */
export function statisticsCsv(s: Statistics, periodLabel: string): string {
	const rows: (string | number | null)[][] = [];
	const add = (measure: string, pairs: [string, number][]) =>
		pairs.forEach(([k, v]) => rows.push([periodLabel, measure, k, v]));
	rows.push([periodLabel, 'incidents', 'total', s.total]);
	add('by category', s.byCategory);
	add('by class', s.byClass);
	add('by weekday', s.byWeekday);
	add('by hour', s.byHour);
	add('by source', s.bySource);
	rows.push([periodLabel, 'time to acknowledge (minutes)', 'median', s.acknowledge.medianMinutes]);
	rows.push([periodLabel, 'time to acknowledge (minutes)', '90th percentile', s.acknowledge.p90Minutes]);
	rows.push([periodLabel, 'outcomes', 'closed', s.outcomes.closed]);
	rows.push([periodLabel, 'outcomes', 'open', s.outcomes.open]);
	add('practice presses by class', s.practiceByClass);
	return toCsv(
		['period', 'measure', 'item', 'value'],
		rows.map((r) => r.map((v) => String(v ?? '')))
	);
}
