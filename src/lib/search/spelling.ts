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

/** The text exactly as it is, mapped to itself (for runs of the letters as typed). */
export function asTyped(source: string, offset = 0): MappedText {
	const positions = Array.from(source, (_, i) => offset + i);
	return { text: source, starts: positions, ends: positions.map((p) => p + 1) };
}

/**
 * A word as runs of repeated letters: "seeexxx" is s×1 e×3 x×3, with `letters` "sex".
 * Comparing runs rather than raw letters makes stretched words match ("seeexxx", "kiiiilll")
 * without merging words whose double letters matter: "as" is not "ass", "but" is not "butt",
 * "bobs" is not "boobs".
 */
export interface Runs {
	/** The letters with repeats squeezed out: one per run. */
	readonly letters: string;
	/** How many times each run's letter is repeated. */
	readonly counts: readonly number[];
	/** Index (into the unsqueezed text) of each run's first letter. */
	readonly firstLetters: readonly number[];
	/** Source range of each letter of the unsqueezed text. */
	readonly source: MappedText;
}

export function toRuns(mapped: MappedText): Runs {
	let letters = '';
	const counts: number[] = [];
	const firstLetters: number[] = [];
	for (let i = 0; i < mapped.text.length; i++) {
		const char = mapped.text.charAt(i);
		const last = counts.length - 1;
		if (last >= 0 && letters.charAt(last) === char) {
			counts[last] = (counts[last] ?? 0) + 1;
		} else {
			letters += char;
			counts.push(1);
			firstLetters.push(i);
		}
	}
	return { letters, counts, firstLetters, source: mapped };
}

/**
 * The source range of runs [from, to) that spell a word with the given run counts (its own
 * repeats, e.g. [1, 1, 1, 2] for "twatt"). Only as many letters of the first and last runs
 * are claimed as the word needs: squeezing can merge letters of two neighbouring words
 * ("great tits" squeezes to "greatits"), and a tight range keeps a match or an exception from
 * claiming letters of the next word.
 */
export function sourceSpan(
	runs: Runs,
	from: number,
	to: number,
	counts: readonly number[]
): { start: number; end: number } {
	const firstLetter = (run: number): number => runs.firstLetters[run] ?? 0;
	const runLength = (run: number): number => runs.counts[run] ?? 1;
	const needFirst = Math.min(counts[0] ?? 1, runLength(from));
	const needLast = Math.min(counts[counts.length - 1] ?? 1, runLength(to - 1));
	const startLetter = to - from === 1 ? firstLetter(from) : firstLetter(from) + runLength(from) - needFirst;
	const endLetter =
		to - from === 1 ? firstLetter(from) + runLength(from) - 1 : firstLetter(to - 1) + needLast - 1;
	return { start: runs.source.starts[startLetter] ?? 0, end: runs.source.ends[endLetter] ?? 0 };
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

/**
 * A word in the two spellings matching uses: sound-alike (for whole words, word forms and
 * slips) and as typed (for finding a term inside a longer word, where sound-alike spelling
 * would find "fuck" in "fuchsia"). Both squeezed into runs.
 */
export interface WordForms {
	readonly sounds: Runs;
	readonly typed: Runs;
}

export function wordForms(word: string, offset = 0): WordForms {
	return { sounds: toRuns(soundAlike(word, offset)), typed: toRuns(asTyped(word, offset)) };
}

/**
 * Keys under which a word's one-slip neighbours are found: every one-letter deletion of both
 * spellings. Two words one slip apart always share a key.
 */
export function slipKeys(word: WordForms): Set<string> {
	return new Set([...oneLetterDeletions(word.sounds.letters), ...oneLetterDeletions(word.typed.letters)]);
}

/**
 * One slip apart in either spelling, keeping the first letter (people rarely misspell the
 * start of a word). Both spellings are tried because sound-alike spelling can move a word
 * further away: "suicdie" sounds like "suikdie", two slips from "suiside", but it is one
 * swap from "suicide" as typed.
 */
export function oneSlipApart(a: WordForms, b: WordForms): boolean {
	if (a.typed.letters.charAt(0) !== b.typed.letters.charAt(0)) return false;
	return withinOneSlip(a.sounds.letters, b.sounds.letters) || withinOneSlip(a.typed.letters, b.typed.letters);
}
