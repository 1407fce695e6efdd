/**
 * Splitting a decoded reading (see leetspeak.ts) into words, and the other ways of grouping
 * its letters that disguised words hide in.
 *
 * All positions are offsets into `joined`: the reading's word characters with every space and
 * punctuation mark removed. Using one coordinate system lets a match found in a word, in a
 * hyphenated chunk or in the whole run-together text be compared with exception words found
 * anywhere else.
 *
 * Browser-safe: no Node-only imports.
 */

/** A half-open range [start, end) of `joined`. */
export interface Span {
	readonly start: number;
	readonly end: number;
}

/** Words read as one: see TokenisedText.gluedWords. */
export interface GluedWord extends Span {
	/** Made of single letters ("s.e.x", "p o r n") rather than of real words ("wwf-uk"). */
	readonly spelledOut: boolean;
}

export interface TokenisedText {
	/** Every word character of the text, in order, with separators removed. */
	readonly joined: string;
	/** Each word: a maximal run of letters and digits. */
	readonly words: readonly Span[];
	/**
	 * Places where words may have been split on purpose, read as one word:
	 * - a whitespace-free chunk made of two or more words ("s.e.x", "k-i-l-l", "free-robux");
	 * - three or more one-letter words in a row ("p o r n", "s e x").
	 */
	readonly gluedWords: readonly GluedWord[];
}

/** Apostrophes inside a word are dropped, not treated as splits: "don't" reads as "dont". */
const INNER_APOSTROPHE = /(?<=[\p{L}\p{N}])['’‘`ʼ](?=[\p{L}\p{N}])/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const WHITESPACE = /\s+/u;

/** Fewer than this many single letters in a row are ordinary words ("i a", "a b"). */
const MIN_SPELLED_OUT_LETTERS = 3;

function spelledOutRuns(words: readonly Span[]): GluedWord[] {
	const runs: GluedWord[] = [];
	let runStart = -1;
	const closeRun = (endIndex: number): void => {
		const first = words[runStart];
		const last = words[endIndex - 1];
		if (first !== undefined && last !== undefined && endIndex - runStart >= MIN_SPELLED_OUT_LETTERS) {
			runs.push({ start: first.start, end: last.end, spelledOut: true });
		}
		runStart = -1;
	};
	words.forEach((word, i) => {
		const single = word.end - word.start === 1;
		if (single && runStart < 0) runStart = i;
		if (!single && runStart >= 0) closeRun(i);
	});
	if (runStart >= 0) closeRun(words.length);
	return runs;
}

export function tokenise(reading: string): TokenisedText {
	const text = reading.replace(INNER_APOSTROPHE, '');
	let joined = '';
	const words: Span[] = [];
	const gluedWords: GluedWord[] = [];
	for (const chunk of text.split(WHITESPACE)) {
		const chunkStart = joined.length;
		let wordsInChunk = 0;
		let allSingleLetters = true;
		for (const match of chunk.matchAll(WORD)) {
			words.push({ start: joined.length, end: joined.length + match[0].length });
			joined += match[0];
			wordsInChunk++;
			allSingleLetters &&= match[0].length === 1;
		}
		if (wordsInChunk >= 2) {
			gluedWords.push({ start: chunkStart, end: joined.length, spelledOut: allSingleLetters });
		}
	}
	for (const run of spelledOutRuns(words)) {
		const alreadyGlued = gluedWords.some((g) => g.start === run.start && g.end === run.end);
		if (!alreadyGlued) gluedWords.push(run);
	}
	return { joined, words, gluedWords };
}
