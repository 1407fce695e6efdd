/**
 * Measuring the classifier on a labelled set (normally content/safe-search/heldout/):
 * unsafe queries caught (blocked or alerted), disclosures and cries for help alerted, innocent
 * queries blocked, per label and overall, with Wilson 95 % confidence intervals, against the
 * goals in the issue (unsafe caught ≥ 97 %, alerted ≥ 90 %, innocent blocked ≤ 2 %).
 */
import type { Classifier } from '../classify';
import type { LabelledQuery } from './corpus';

export const GOALS = { caught: 0.97, alerted: 0.9, innocentBlocked: 0.02 } as const;

/**
 * The floor the build and tests hold the filter to on heldout/ (README, "Safe search"): the
 * goals for caught and innocent blocked (heldout/ reached them in issue 12's third pass: 97.6 %
 * and 0 %), and alerted just under the 100 % measured there (above the 90 % goal). Anything
 * worse stops the build, so the filter only moves forward. heldout/ has been a development set
 * since the second pass: the fresh sets (heldout-15 and -16 today; older ones are retired into
 * training/ once measured) give the honest figures.
 */
export const RELEASE_FLOOR = {
	caught: GOALS.caught,
	alerted: 0.95,
	innocentBlocked: GOALS.innocentBlocked
} as const;

/** Why an evaluation falls below the release floor, or null if it does not. */
export function belowFloor(
	evaluation: Pick<Evaluation, 'caught' | 'alerted' | 'innocentBlocked'>
): string | null {
	const problems: string[] = [];
	if (evaluation.caught.rate < RELEASE_FLOOR.caught)
		problems.push(`unsafe caught ${formatRate(evaluation.caught)}`);
	if (evaluation.alerted.rate < RELEASE_FLOOR.alerted)
		problems.push(`alerted ${formatRate(evaluation.alerted)}`);
	if (evaluation.innocentBlocked.rate > RELEASE_FLOOR.innocentBlocked) {
		problems.push(`innocent blocked ${formatRate(evaluation.innocentBlocked)}`);
	}
	return problems.length === 0 ? null : problems.join('; ');
}

export interface Rate {
	readonly hits: number;
	readonly total: number;
	readonly rate: number;
	/** Wilson score interval, 95 %. */
	readonly low: number;
	readonly high: number;
}

export function wilson(hits: number, total: number, z = 1.96): Rate {
	if (total === 0) return { hits, total, rate: 0, low: 0, high: 1 };
	const p = hits / total;
	const z2 = z * z;
	const centre = (p + z2 / (2 * total)) / (1 + z2 / total);
	const half = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / (1 + z2 / total);
	return { hits, total, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface LabelResult {
	readonly label: string;
	/** What the figure counts: unsafe caught, alerts raised, or innocent queries blocked. */
	readonly measure: 'caught' | 'alerted' | 'innocent blocked';
	readonly result: Rate;
	/** Also for unsafe labels: how many got the label's own category. */
	readonly rightCategory: number;
}

export interface Evaluation {
	readonly labels: readonly LabelResult[];
	readonly caught: Rate;
	readonly alerted: Rate;
	readonly innocentBlocked: Rate;
	readonly meetsGoals: boolean;
	/** Misclassified queries (for cross-validation on training data only: never read held-out misses). */
	readonly misses: readonly { readonly query: string; readonly label: string; readonly got: string }[];
}

export function evaluate(classify: Classifier, set: readonly LabelledQuery[]): Evaluation {
	const byLabel = new Map<
		string,
		{ measure: LabelResult['measure']; hits: number; total: number; right: number }
	>();
	const misses: { query: string; label: string; got: string }[] = [];
	let caught = 0;
	let unsafe = 0;
	let alerted = 0;
	let alerts = 0;
	let blocked = 0;
	let innocent = 0;
	for (const { query, label } of set) {
		const got = classify(query);
		const measure: LabelResult['measure'] =
			label.verdict === 'allow' ? 'innocent blocked' : label.verdict === 'alert' ? 'alerted' : 'caught';
		const entry = byLabel.get(label.id) ?? { measure, hits: 0, total: 0, right: 0 };
		byLabel.set(label.id, entry);
		entry.total++;
		let hit: boolean;
		if (label.verdict === 'allow') {
			hit = got.verdict !== 'allow';
			innocent++;
			if (hit) blocked++;
		} else if (label.verdict === 'alert') {
			hit = got.verdict === 'alert';
			alerts++;
			if (hit) alerted++;
			unsafe++;
			if (got.verdict !== 'allow') caught++;
		} else {
			hit = got.verdict !== 'allow';
			unsafe++;
			if (hit) caught++;
		}
		if (hit) entry.hits++;
		if (got.category === label.category) entry.right++;
		if (hit === (label.verdict === 'allow')) {
			misses.push({
				query,
				label: label.id,
				got: got.verdict === 'allow' ? 'allow' : `${got.verdict}-${got.category}`
			});
		}
	}
	const result = {
		labels: [...byLabel.entries()]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([label, e]) => ({
				label,
				measure: e.measure,
				result: wilson(e.hits, e.total),
				rightCategory: e.right
			})),
		caught: wilson(caught, unsafe),
		alerted: wilson(alerted, alerts),
		innocentBlocked: wilson(blocked, innocent),
		misses
	};
	return {
		...result,
		meetsGoals:
			result.caught.rate >= GOALS.caught &&
			result.alerted.rate >= GOALS.alerted &&
			result.innocentBlocked.rate <= GOALS.innocentBlocked
	};
}

const percent = (x: number): string => `${(x * 100).toFixed(1)} %`;

export function formatRate(rate: Rate): string {
	return `${percent(rate.rate)} (${rate.hits}/${rate.total}, 95 % CI ${percent(rate.low)}–${percent(rate.high)})`;
}

/** A plain-text report, one line per label and the overall figures against the goals. */
export function formatEvaluation(evaluation: Evaluation): string {
	const lines = evaluation.labels.map(
		(l) => `${l.label.padEnd(38)} ${l.measure.padEnd(17)} ${formatRate(l.result)}`
	);
	const goal = (ok: boolean): string => (ok ? 'meets goal' : 'BELOW GOAL');
	lines.push(
		'',
		`unsafe caught      ${formatRate(evaluation.caught)}  goal ≥ ${percent(GOALS.caught)}: ${goal(evaluation.caught.rate >= GOALS.caught)}`,
		`alerted            ${formatRate(evaluation.alerted)}  goal ≥ ${percent(GOALS.alerted)}: ${goal(evaluation.alerted.rate >= GOALS.alerted)}`,
		`innocent blocked   ${formatRate(evaluation.innocentBlocked)}  goal ≤ ${percent(GOALS.innocentBlocked)}: ${goal(evaluation.innocentBlocked.rate <= GOALS.innocentBlocked)}`
	);
	return lines.join('\n');
}
