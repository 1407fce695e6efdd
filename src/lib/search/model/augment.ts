/**
 * Training-time augmentation: the ways children (and older siblings) change a query — a
 * letter missed, doubled or swapped, digits for letters, text-speak, spaces taken out or put
 * in, an emoji on the end — so the model learns the meaning, not one spelling.
 *
 * Deterministic (seeded), so a build trains the same model every time.
 */

/** A small seeded generator (mulberry32). */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const LEET: Readonly<Record<string, string>> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };
const TEXT_SPEAK: Readonly<Record<string, string>> = {
	you: 'u',
	your: 'ur',
	youre: 'ur',
	are: 'r',
	to: '2',
	too: '2',
	for: '4',
	please: 'pls',
	because: 'cos',
	what: 'wat',
	whats: 'wots',
	dont: 'dnt',
	im: 'i',
	people: 'ppl',
	someone: 'some1',
	really: 'rly',
	want: 'wnt',
	with: 'wiv',
	the: 'da',
	my: 'me'
};
const EMOJI = ['😢', '😭', '😂', '🙏', '😡', '😳', '💀', '🥺', '❤️', '👀', '🔥', '💯', '?', '!!', '??'];

/** Change one letter of one word: missed, doubled, swapped with its neighbour or replaced. */
function slip(word: string, random: Random): string {
	if (word.length < 4) return word;
	const i = 1 + Math.floor(random() * (word.length - 2));
	switch (Math.floor(random() * 4)) {
		case 0:
			return word.slice(0, i) + word.slice(i + 1);
		case 1:
			return word.slice(0, i) + (word[i] ?? '') + word.slice(i);
		case 2:
			return word.slice(0, i - 1) + (word[i] ?? '') + (word[i - 1] ?? '') + word.slice(i + 1);
		default:
			return word.slice(0, i) + pick(random, [...'aeiouy']) + word.slice(i + 1);
	}
}

const AUGMENTERS: readonly ((words: string[], random: Random) => string[])[] = [
	// a slip in one or two words
	(words, random) => {
		const out = [...words];
		for (let n = 0; n < 1 + Math.floor(random() * 2); n++) {
			const i = Math.floor(random() * out.length);
			out[i] = slip(out[i] ?? '', random);
		}
		return out;
	},
	// digits and symbols for letters
	(words, random) =>
		words.map((word) => [...word].map((c) => (random() < 0.35 && LEET[c] ? LEET[c] : c)).join('')),
	// text-speak
	(words) => words.map((word) => TEXT_SPEAK[word] ?? word),
	// spaces taken out
	(words, random) => {
		if (words.length < 2) return words;
		const i = Math.floor(random() * (words.length - 1));
		return [...words.slice(0, i), (words[i] ?? '') + (words[i + 1] ?? ''), ...words.slice(i + 2)];
	},
	// one word spelled out
	(words, random) => {
		const i = Math.floor(random() * words.length);
		return words.map((word, j) => (j === i && word.length <= 8 ? [...word].join(' ') : word));
	},
	// one word left out (of three or more), so no single template word carries the meaning
	(words, random) => {
		if (words.length < 3) return words;
		const i = Math.floor(random() * words.length);
		return words.filter((_, j) => j !== i);
	},
	// an emoji or punctuation on the end, and a letter stretched
	(words, random) => {
		const out = [...words];
		const i = Math.floor(random() * out.length);
		const word = out[i] ?? '';
		const at = Math.floor(random() * word.length);
		out[i] = word.slice(0, at + 1) + (word[at] ?? '').repeat(2) + word.slice(at + 1);
		return [...out, pick(random, EMOJI)];
	}
];

/** `count` altered copies of a query (it may repeat one when the query is short). */
export function augment(query: string, count: number, random: Random): string[] {
	const words = query.split(' ').filter((word) => word !== '');
	if (words.length === 0) return [];
	const out: string[] = [];
	for (let n = 0; n < count; n++) {
		let changed = pick(random, AUGMENTERS)(words, random);
		if (random() < 0.3) changed = pick(random, AUGMENTERS)(changed, random);
		out.push(changed.join(' '));
	}
	return out;
}
