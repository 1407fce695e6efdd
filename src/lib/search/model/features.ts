/**
 * Turning a query into the model's features: character n-grams (3–5) inside each word (the
 * word padded with a space either side, so a gram never spans two words and a template's
 * fixed word order does not become a feature), words and word pairs of the query as the rules
 * read it (normalised, first leetspeak reading, repeated letters squeezed), and 4-grams of the
 * letters run together, hashed into a fixed space so the model needs no vocabulary.
 *
 * Browser-safe: no Node-only imports. Cheap: a typical query makes about 150 features.
 */
import { leetReadings } from '../leetspeak';
import { normaliseText } from '../normalise';

/** The hashed feature space has 2^FEATURE_BITS slots. */
export const FEATURE_BITS = 18;
const FEATURE_MASK = (1 << FEATURE_BITS) - 1;

/** Longest query text the model reads; a pasted wall of text costs no more than this. */
export const MAX_FEATURE_TEXT = 200;

const EMOJI = /\p{Extended_Pictographic}/u;
const NOT_WORD = /[^\p{L}\p{N}\p{Extended_Pictographic}]+/gu;
const APOSTROPHE = /['’‘`ʼ]/gu;
/** Three or more of the same letter read as two: "sooooo" → "soo", "pleeease" → "pleease". */
const LONG_REPEAT = /(\p{L})\1{2,}/gu;

/** The words the model reads: normalised, leetspeak decoded, emoji as words of their own. */
export function modelWords(query: string): string[] {
	const normalised = normaliseText(query.slice(0, MAX_FEATURE_TEXT));
	const reading = leetReadings(normalised)[0] ?? '';
	const words: string[] = [];
	for (const chunk of reading.replace(APOSTROPHE, '').replace(LONG_REPEAT, '$1$1').split(NOT_WORD)) {
		if (chunk === '') continue;
		// Emoji stuck to a word ("help😢") become their own word.
		let word = '';
		for (const char of chunk) {
			if (EMOJI.test(char)) {
				if (word !== '') words.push(word);
				words.push(char);
				word = '';
			} else word += char;
		}
		if (word !== '') words.push(word);
	}
	return words;
}

/** 32-bit FNV-1a over UTF-16 code units, seeded so the feature kinds do not collide. */
function hash(text: string, seed: number): number {
	let h = (0x811c9dc5 ^ seed) >>> 0;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0) & FEATURE_MASK;
}

const SEED_WORD = 1;
const SEED_PAIR = 2;
const SEED_GRAM = 3;
const SEED_JOINED = 4;
const GRAM_MIN = 3;
const GRAM_MAX = 5;

/** The query's feature slots (deduplicated, unordered). */
export function featuresOf(query: string): number[] {
	const words = modelWords(query);
	const slots = new Set<number>();
	words.forEach((word, i) => {
		slots.add(hash(word, SEED_WORD));
		const next = words[i + 1];
		if (next !== undefined) slots.add(hash(`${word} ${next}`, SEED_PAIR));
	});
	for (const word of words) {
		const padded = ` ${word} `;
		for (let n = GRAM_MIN; n <= GRAM_MAX; n++) {
			for (let i = 0; i + n <= padded.length; i++) slots.add(hash(padded.slice(i, i + n), SEED_GRAM + n * 8));
		}
	}
	// Letters run together, so "p o r n" and "kill my self" share grams with "porn" and "killmyself".
	const joined = words.join('');
	for (let i = 0; i + 4 <= joined.length; i++) slots.add(hash(joined.slice(i, i + 4), SEED_JOINED));
	return [...slots];
}
