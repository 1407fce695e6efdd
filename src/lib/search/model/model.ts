/**
 * The safe-search model at run time: a linear (softmax) model over hashed n-gram features,
 * trained at build time (train.ts) and compiled into the app as a few kilobytes of quantised
 * weights. It reads meaning the word lists cannot ("there is no food in my house"), and the
 * classifier asks it only when no rule was sure (see classify.ts).
 *
 * Browser-safe: no Node-only imports. Scoring a query is a few hundred multiply-adds.
 */
import type { Verdict } from '../classify';
import { featuresOf, modelWords } from './features';

/**
 * A one-word query the word lists do not know is nearly always innocent ("promises"): the model
 * blocks one only when it is this sure. Alerts are not affected.
 */
export const ONE_WORD_BLOCK_THRESHOLD = 0.9;

/** A trained model as compiled into the app (plain JSON, so a virtual module can carry it). */
export interface SerialisedModel {
	readonly version: 1;
	readonly featureBits: number;
	/** One class per (verdict, category): `allow`, `block-gambling`, `alert-disclosure`... */
	readonly classes: readonly { readonly verdict: Verdict; readonly category: string | null }[];
	/** Probability of all alert classes together at or above which the model alerts. */
	readonly alertThreshold: number;
	/** Probability of all unsafe classes together at or above which the model blocks. */
	readonly blockThreshold: number;
	/**
	 * Probability of `allow` at or above which the model overrules a rule's block (never an
	 * alert) in a query of two or more words: "how to kill the wither in minecraft", "why is
	 * vaping bad for you". Above 1, never.
	 */
	readonly overruleThreshold: number;
	readonly bias: readonly number[];
	/** A weight is its int8 value times this. */
	readonly scale: number;
	/** Base64: the kept feature slots, ascending, as LEB128 varint gaps. */
	readonly slots: string;
	/** Base64: int8 weights, one row of `classes.length` per kept slot. */
	readonly weights: string;
}

/** What the model says about a query. `score` is the probability behind the verdict. */
export interface ModelJudgement {
	readonly verdict: Verdict;
	readonly category: string | null;
	readonly score: number;
	/** The model is sure enough the query is innocent to overrule a rule's block. */
	readonly overrulesBlock: boolean;
}

export function decodeBase64(text: string): Uint8Array {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

export function encodeBase64(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return btoa(binary);
}

function decodeSlots(bytes: Uint8Array): number[] {
	const slots: number[] = [];
	let value = 0;
	let shift = 0;
	let previous = 0;
	for (const byte of bytes) {
		value |= (byte & 0x7f) << shift;
		if (byte & 0x80) shift += 7;
		else {
			previous += value;
			slots.push(previous);
			value = 0;
			shift = 0;
		}
	}
	return slots;
}

export class SafeSearchModel {
	readonly #source: SerialisedModel;
	readonly #rows = new Map<number, number>();
	readonly #weights: Int8Array;
	readonly #classCount: number;

	constructor(source: SerialisedModel) {
		this.#source = source;
		this.#classCount = source.classes.length;
		decodeSlots(decodeBase64(source.slots)).forEach((slot, row) => this.#rows.set(slot, row));
		const bytes = decodeBase64(source.weights);
		this.#weights = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
		if (this.#weights.length !== this.#rows.size * this.#classCount) {
			throw new Error('safe-search model: weights and slots do not match — rebuild the app');
		}
	}

	get classes(): SerialisedModel['classes'] {
		return this.#source.classes;
	}

	/** The probability of each class (in `classes` order). */
	probabilities(query: string): Float64Array {
		const features = featuresOf(query);
		const k = this.#classCount;
		const logits = new Float64Array(this.#source.bias);
		const value = this.#source.scale / Math.sqrt(Math.max(1, features.length));
		for (const slot of features) {
			const row = this.#rows.get(slot);
			if (row === undefined) continue;
			const at = row * k;
			for (let c = 0; c < k; c++) logits[c] = (logits[c] ?? 0) + (this.#weights[at + c] ?? 0) * value;
		}
		let max = -Infinity;
		for (const logit of logits) max = Math.max(max, logit);
		let sum = 0;
		for (let c = 0; c < k; c++) {
			const e = Math.exp((logits[c] ?? 0) - max);
			logits[c] = e;
			sum += e;
		}
		for (let c = 0; c < k; c++) logits[c] = (logits[c] ?? 0) / sum;
		return logits;
	}

	judge(query: string): ModelJudgement {
		const oneWord = modelWords(query).length <= 1;
		// A one-word query a rule blocks is what the rule was written for: the model never overrules it.
		const source = oneWord
			? {
					...this.#source,
					blockThreshold: Math.max(this.#source.blockThreshold, ONE_WORD_BLOCK_THRESHOLD),
					overruleThreshold: Infinity
				}
			: this.#source;
		return judgeProbabilities(source, this.probabilities(query));
	}
}

/** Alert if the alert classes together pass their threshold, else block if all unsafe ones do. */
export function judgeProbabilities(
	model: Pick<SerialisedModel, 'classes' | 'alertThreshold' | 'blockThreshold' | 'overruleThreshold'>,
	probabilities: Float64Array
): ModelJudgement {
	let alertMass = 0;
	let unsafeMass = 0;
	let topAlert = -1;
	let topBlock = -1;
	model.classes.forEach((cls, c) => {
		const p = probabilities[c] ?? 0;
		if (cls.verdict === 'alert') {
			alertMass += p;
			if (topAlert < 0 || p > (probabilities[topAlert] ?? 0)) topAlert = c;
		}
		if (cls.verdict !== 'allow') {
			unsafeMass += p;
			if (cls.verdict === 'block' && (topBlock < 0 || p > (probabilities[topBlock] ?? 0))) topBlock = c;
		}
	});
	if (topAlert >= 0 && alertMass >= model.alertThreshold) {
		const category = model.classes[topAlert]?.category ?? null;
		return { verdict: 'alert', category, score: alertMass, overrulesBlock: false };
	}
	if (topBlock >= 0 && unsafeMass >= model.blockThreshold) {
		const category = model.classes[topBlock]?.category ?? null;
		return { verdict: 'block', category, score: unsafeMass, overrulesBlock: false };
	}
	const score = 1 - unsafeMass;
	return { verdict: 'allow', category: null, score, overrulesBlock: score >= model.overruleThreshold };
}
