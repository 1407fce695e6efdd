/**
 * Reporting periods for heads and governors: school terms (autumn Sep–Dec, spring Jan–Mar,
 * summer Apr–Aug) and calendar months. Ids are plain (`2026-autumn`, `2026-11`), safe in URLs.
 */
export interface Period {
	id: string;
	label: string;
	from: string;
	to: string;
}

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];
const iso = (y: number, m: number) => new Date(Date.UTC(y, m, 1)).toISOString();

function term(year: number, name: 'autumn' | 'spring' | 'summer'): Period {
	const [start, end] = name === 'autumn' ? [8, 12] : name === 'spring' ? [0, 3] : [3, 8];
	const label = `${name[0]!.toUpperCase()}${name.slice(1)} term ${year}`;
	return { id: `${year}-${name}`, label, from: iso(year, start), to: iso(year, end) };
}

function month(year: number, m: number): Period {
	return {
		id: `${year}-${String(m + 1).padStart(2, '0')}`,
		label: `${MONTHS[m]} ${year}`,
		from: iso(year, m),
		to: iso(year, m + 1)
	};
}

/** The current and previous five terms, and the last twelve months, newest first. */
export function recentPeriods(now = new Date()): { terms: Period[]; months: Period[] } {
	const y = now.getUTCFullYear();
	const m = now.getUTCMonth();
	const current: 'autumn' | 'spring' | 'summer' = m >= 8 ? 'autumn' : m >= 3 ? 'summer' : 'spring';
	const order = ['spring', 'summer', 'autumn'] as const;
	const terms: Period[] = [];
	let ty = y;
	let ti = order.indexOf(current);
	for (let i = 0; i < 6; i++) {
		terms.push(term(ty, order[ti]!));
		ti -= 1;
		if (ti < 0) {
			ti = 2;
			ty -= 1;
		}
	}
	const months: Period[] = [];
	for (let i = 0; i < 12; i++) {
		const d = new Date(Date.UTC(y, m - i, 1));
		months.push(month(d.getUTCFullYear(), d.getUTCMonth()));
	}
	return { terms, months };
}

export function findPeriod(id: string | null, now = new Date()): Period {
	const { terms, months } = recentPeriods(now);
	return [...terms, ...months].find((p) => p.id === id) ?? terms[0]!;
}
