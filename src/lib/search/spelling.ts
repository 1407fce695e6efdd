/**
 * Spelling-tolerant word comparison: sound-alike spellings, stretched letters, word endings
 * and one-letter slips.
 *
 * Browser-safe: no Node-only imports.
 */

/** Text plus, for each of its characters, the range of the source text it came from. */
export interface MappedText {
	readonly text: string;
	readonly starts: readonly number[];
	readonly ends: readonly number[];
}

/**
 * Sound-alike spelling: "phuck" and "fuk" both become "fuk"; "kunt", "suiside", "nudez" match
 * their usual spellings. Kept deliberately small, because every rule here also merges innocent
 * words: y → i is left out, for instance, because it would make "dye" read as "die".
 *
 *   ph → f    ck → k    c before e, i or y → s    any other c → k    q → k    z → s
 *
 * `offset` is added to every source position, so a slice of a longer text maps back to it.
 */
export function soundAlike(source: string, offset = 0): MappedText {
	let text = '';
	const starts: number[] = [];
	const ends: number[] = [];
	const emit = (letter: string, from: number, to: number): void => {
		text += letter;
		starts.push(offset + from);
		ends.push(offset + to);
	};
	for (let i = 0; i < source.length; i++) {
		const char = source.charAt(i);
		const next = source.charAt(i + 1);
		if ((char === 'p' && next === 'h') || (char === 'c' && next === 'k')) {
			emit(char === 'p' ? 'f' : 'k', i, i + 2);
			i++;
		} else if (char === 'c') {
			emit(next === 'e' || next === 'i' || next === 'y' ? 's' : 'k', i, i + 1);
		} else if (char === 'q') {
			emit('k', i, i + 1);
		} else if (char === 'z') {
			emit('s', i, i + 1);
		} else {
			emit(char, i, i + 1);
		}
	}
	return { text, starts, ends };
}

/**
 * A word as runs of repeated letters: "seeexxx" is s×1 e×3 x×3, with `letters` "sex".
 * Comparing runs rather than raw letters makes stretched words match ("seeexxx", "kiiiilll")
 * without merging words whose double letters matter: "as" is not "ass", "but" is not "butt",
 * "bobs" is not "boobs".
 */
export interface Runs {
	/** The letters with repeats squeezed out. */
	readonly letters: string;
	readonly counts: readonly number[];
	/** Source range of each run. */
	readonly starts: readonly number[];
	readonly ends: readonly number[];
}

export function toRuns(mapped: MappedText): Runs {
	let letters = '';
	const counts: number[] = [];
	const starts: number[] = [];
	const ends: number[] = [];
	for (let i = 0; i < mapped.text.length; i++) {
		const char = mapped.text.charAt(i);
		const last = counts.length - 1;
		if (last >= 0 && letters.charAt(last) === char) {
			counts[last] = (counts[last] ?? 0) + 1;
			ends[last] = mapped.ends[i] ?? 0;
		} else {
			letters += char;
			counts.push(1);
			starts.push(mapped.starts[i] ?? 0);
			ends.push(mapped.ends[i] ?? 0);
		}
	}
	return { letters, counts, starts, ends };
}

/** Runs of a word on its own, with source positions relative to the word. */
export function wordRuns(word: string): Runs {
	return toRuns(soundAlike(word));
}

/**
 * Does the text, from run `at` on, spell `word` with every letter repeated at least as often
 * as in the word? ("kiiilll" spells "kill"; "kil" does not.) The caller has already checked
 * that the squeezed letters agree.
 */
export function stretches(text: Runs, at: number, word: Pick<Runs, 'counts'>): boolean {
	return word.counts.every((needed, i) => (text.counts[at + i] ?? 0) >= needed);
}

/** A stem must keep at least this many letters, so "assess" is never read as "ass" + "es". */
const MIN_STEM_LENGTH = 4;

/** Endings removed to find the word a form comes from: "killed", "stabbing", "raping", "nudes". */
const ENDINGS: readonly (readonly [ending: string, replacement: string])[] = [
	['s', ''],
	['es', ''],
	['d', ''],
	['ed', ''],
	['ing', ''],
	['ing', 'e']
];

export function wordStems(word: string): string[] {
	const stems = new Set<string>();
	for (const [ending, replacement] of ENDINGS) {
		if (!word.endsWith(ending)) continue;
		const stem = word.slice(0, word.length - ending.length) + replacement;
		if (stem.length >= MIN_STEM_LENGTH) stems.add(stem);
	}
	return [...stems];
}

/**
 * Are two words at most one slip apart: one letter missed, added or changed, or two
 * neighbouring letters swapped ("sucide", "suicidee", "suicdie")?
 */
export function withinOneSlip(a: string, b: string): boolean {
	if (a === b) return true;
	if (Math.abs(a.length - b.length) > 1) return false;
	if (a.length !== b.length) {
		const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
		let i = 0;
		while (i < shorter.length && shorter.charAt(i) === longer.charAt(i)) i++;
		return shorter.slice(i) === longer.slice(i + 1);
	}
	let first = 0;
	while (a.charAt(first) === b.charAt(first)) first++;
	if (a.slice(first + 1) === b.slice(first + 1)) return true;
	return (
		a.charAt(first) === b.charAt(first + 1) &&
		a.charAt(first + 1) === b.charAt(first) &&
		a.slice(first + 2) === b.slice(first + 2)
	);
}

/**
 * The word and every way of deleting one letter from it. Two words one slip apart always
 * share one of these keys, so a map keyed by them finds near-misses without comparing the
 * query against every list word.
 */
export function oneLetterDeletions(word: string): string[] {
	const keys = new Set<string>([word]);
	for (let i = 0; i < word.length; i++) keys.add(word.slice(0, i) + word.slice(i + 1));
	return [...keys];
}
