/**
 * Training the safe-search model from the labelled corpus (corpus.ts): softmax regression by
 * stochastic gradient descent over hashed features (features.ts), on every example plus
 * altered copies (augment.ts). Then the least useful feature slots are dropped and the
 * weights quantised to one byte, so the model fits its budget (≤ 150 KB gzip).
 *
 * Runs at build time (tooling/vite-plugin-safe-search.ts) and in scripts/classify-eval.ts.
 * Deterministic: the same corpus always trains the same model.
 */
import type { Verdict } from '../classify';
import { augment, seededRandom } from './augment';
import type { LabelledQuery } from './corpus';
import { FEATURE_BITS, featuresOf } from './features';
import { encodeBase64, type SerialisedModel } from './model';

export interface TrainOptions {
	/** Altered copies of each example (augment.ts). */
	readonly augmentations: number;
	readonly epochs: number;
	/** Feature slots kept in the shipped model (the rest are dropped after training). */
	readonly keptSlots: number;
	readonly alertThreshold: number;
	readonly blockThreshold: number;
	/** See SerialisedModel.overruleThreshold. */
	readonly overruleThreshold: number;
	readonly seed: number;
	/** How much all allowed examples weigh against all unsafe ones together. */
	readonly allowWeight: number;
	/**
	 * How much a template line's many expansions are damped: each example of a line that
	 * expands to n queries weighs n^-lineDamping (then each class is scaled back to its
	 * weight). 0 counts every expansion fully, so one long template out-votes many short,
	 * differently worded lines; 1 counts every hand-written line once.
	 */
	readonly lineDamping: number;
	/** L2 weight decay per update, on the features an example touches. */
	readonly l2: number;
	/**
	 * Quantised weights smaller than this (of 127) are shipped as 0: they barely move a score,
	 * and runs of zeros compress, so the budget holds more feature slots.
	 */
	readonly smallestWeight: number;
}

export const TRAIN_DEFAULTS: TrainOptions = {
	augmentations: 2,
	epochs: 6,
	keptSlots: 36000,
	alertThreshold: 0.2,
	blockThreshold: 0.7,
	overruleThreshold: 0.7,
	seed: 12,
	allowWeight: 1.5,
	lineDamping: 0.5,
	l2: 0,
	smallestWeight: 8
};

interface Example {
	readonly features: readonly number[];
	readonly target: number;
	readonly weight: number;
}

function classKey(verdict: Verdict, category: string | null): string {
	return verdict === 'allow' ? 'allow' : `${verdict}-${category ?? ''}`;
}

export function trainModel(
	corpus: readonly LabelledQuery[],
	options: Partial<TrainOptions> = {}
): SerialisedModel {
	const o = { ...TRAIN_DEFAULTS, ...options };
	const random = seededRandom(o.seed);

	const classes: { verdict: Verdict; category: string | null }[] = [{ verdict: 'allow', category: null }];
	const classIndex = new Map<string, number>([['allow', 0]]);
	for (const { label } of corpus) {
		const key = classKey(label.verdict, label.category);
		if (!classIndex.has(key)) {
			classIndex.set(key, classes.length);
			classes.push({ verdict: label.verdict, category: label.category });
		}
	}
	const k = classes.length;

	// The unsafe classes count about equally however many examples each has (square-root
	// balancing), and all of them together weigh as much as the allowed examples: otherwise a
	// query with no telling feature would look unsafe just because there are 15 unsafe classes.
	const counts = new Array<number>(k).fill(0);
	for (const { label } of corpus) {
		const c = classIndex.get(classKey(label.verdict, label.category)) ?? 0;
		counts[c] = (counts[c] ?? 0) + 1;
	}
	const unsafeCount = corpus.length - (counts[0] ?? 0);
	const mean = unsafeCount / Math.max(1, k - 1);
	const classWeight = counts.map((n) => Math.min(3, Math.sqrt(mean / Math.max(1, n))));
	const unsafeWeight = counts.reduce((sum, n, c) => (c === 0 ? sum : sum + n * (classWeight[c] ?? 1)), 0);
	classWeight[0] = (o.allowWeight * unsafeWeight) / Math.max(1, counts[0] ?? 0);

	// Damp the expansions of one template line, keeping each class's total weight.
	const perLine = new Map<string, number>();
	for (const { source } of corpus) perLine.set(source, (perLine.get(source) ?? 0) + 1);
	const damping = (source: string): number => Math.pow(perLine.get(source) ?? 1, -o.lineDamping);
	const dampedTotal = new Array<number>(k).fill(0);
	for (const { label, source } of corpus) {
		const c = classIndex.get(classKey(label.verdict, label.category)) ?? 0;
		dampedTotal[c] = (dampedTotal[c] ?? 0) + damping(source);
	}

	const examples: Example[] = [];
	for (const { query, label, source } of corpus) {
		const target = classIndex.get(classKey(label.verdict, label.category)) ?? 0;
		const weight =
			((classWeight[target] ?? 1) * (counts[target] ?? 1) * damping(source)) /
			Math.max(1e-9, dampedTotal[target] ?? 1);
		for (const text of [query, ...augment(query, o.augmentations, random)]) {
			const features = featuresOf(text);
			if (features.length > 0) examples.push({ features, target, weight });
		}
	}

	const size = 1 << FEATURE_BITS;
	const weights = new Float32Array(size * k);
	const bias = new Float64Array(k);
	const logits = new Float64Array(k);
	const order = examples.map((_, i) => i);
	for (let epoch = 0; epoch < o.epochs; epoch++) {
		for (let i = order.length - 1; i > 0; i--) {
			const j = Math.floor(random() * (i + 1));
			[order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
		}
		const rate = 0.4 / (1 + epoch);
		const decay = 1 - rate * o.l2;
		for (const index of order) {
			const { features, target, weight } = examples[index] as Example;
			const value = 1 / Math.sqrt(features.length);
			logits.set(bias);
			for (const slot of features) {
				const at = slot * k;
				for (let c = 0; c < k; c++) logits[c] = (logits[c] ?? 0) + (weights[at + c] ?? 0) * value;
			}
			let max = -Infinity;
			for (const logit of logits) max = Math.max(max, logit);
			let sum = 0;
			for (let c = 0; c < k; c++) {
				logits[c] = Math.exp((logits[c] ?? 0) - max);
				sum += logits[c] ?? 0;
			}
			for (let c = 0; c < k; c++) {
				const gradient = ((logits[c] ?? 0) / sum - (c === target ? 1 : 0)) * weight * rate;
				bias[c] = (bias[c] ?? 0) - gradient * 0.1;
				if (gradient === 0) continue;
				for (const slot of features) {
					const at = slot * k + c;
					weights[at] = (weights[at] ?? 0) * decay - gradient * value;
				}
			}
		}
	}

	// Softmax ignores a constant added to a slot's row: centre each row, then keep the slots
	// whose weights differ most between classes.
	const importance: { slot: number; size: number }[] = [];
	for (let slot = 0; slot < size; slot++) {
		const at = slot * k;
		let rowMean = 0;
		for (let c = 0; c < k; c++) rowMean += (weights[at + c] ?? 0) / k;
		let largest = 0;
		for (let c = 0; c < k; c++) {
			weights[at + c] = (weights[at + c] ?? 0) - rowMean;
			largest = Math.max(largest, Math.abs(weights[at + c] ?? 0));
		}
		if (largest > 0) importance.push({ slot, size: largest });
	}
	importance.sort((a, b) => b.size - a.size);
	const kept = importance
		.slice(0, o.keptSlots)
		.map((entry) => entry.slot)
		.sort((a, b) => a - b);

	let largest = 0;
	for (const slot of kept) {
		for (let c = 0; c < k; c++) largest = Math.max(largest, Math.abs(weights[slot * k + c] ?? 0));
	}
	const scale = largest / 127 || 1;
	const quantised = new Int8Array(kept.length * k);
	const gaps: number[] = [];
	let previous = 0;
	kept.forEach((slot, row) => {
		for (let c = 0; c < k; c++) {
			const q = Math.round((weights[slot * k + c] ?? 0) / scale);
			quantised[row * k + c] = Math.abs(q) < o.smallestWeight ? 0 : q;
		}
		let gap = slot - previous;
		previous = slot;
		while (gap >= 0x80) {
			gaps.push((gap & 0x7f) | 0x80);
			gap >>>= 7;
		}
		gaps.push(gap);
	});

	return {
		version: 1,
		featureBits: FEATURE_BITS,
		classes,
		alertThreshold: o.alertThreshold,
		blockThreshold: o.blockThreshold,
		overruleThreshold: o.overruleThreshold,
		bias: [...bias].map((b) => Math.round(b * 1e4) / 1e4),
		scale,
		slots: encodeBase64(Uint8Array.from(gaps)),
		weights: encodeBase64(new Uint8Array(quantised.buffer))
	};
}
