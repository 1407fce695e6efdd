/**
 * Finding every list entry a query matches, and every exception that excuses a match.
 *
 * A query is normalised, then each leetspeak reading of it is split into words. Matches are
 * looked for in four places:
 *   - each word, and each glued word ("s.e.x", "p o r n"), as a whole, in a word form
 *     ("stabbing" → "stab") or, for slip-tolerant categories, with one slip ("sucide");
 *   - inside each word, for terms long enough to be safe there ("watchporn");
 *   - the whole text run together, for phrases ("someoneishurtingme", "free r o b u x");
 *   - word by word, for phrases of slip-tolerant categories ("somone is hurtin me").
 * Personal-information patterns run on the normalised text.
 *
 * Browser-safe: no Node-only imports.
 */
import {
	mayBeSlipOf,
	MIN_SLIP_PHRASE_WORD_LENGTH,
	MIN_SLIP_TERM_LENGTH,
	type CompiledLists,
	type Rule,
	type WordRule
} from './compile-lists';
import { leetReadings } from './leetspeak';
import { normaliseText } from './normalise';
import { hasPersonalInfo } from './personal-info';
import {
	oneSlipApart,
	slipKeys,
	soundAlike,
	sourceSpan,
	stretches,
	toRuns,
	wordForms,
	wordStems,
	type Runs,
	type WordForms
} from './spelling';
import type { Occurrence } from './substring-index';
import { tokenise, type Span, type TokenisedText } from './tokenise';

/** How a match was made; for staff tooling and tests. */
export type MatchHow = 'word' | 'word form' | 'one slip' | 'part of a word' | 'phrase' | 'pattern';

export interface Match extends Rule {
	readonly how: MatchHow;
	/** The exception (from exceptions.yaml) that cancels this match, if any. */
	readonly excusedBy: string | null;
}

interface Found extends Rule {
	readonly how: MatchHow;
	/** Where in the reading's joined text (see tokenise.ts). */
	readonly span: Span;
}

interface ExceptionHit {
	readonly entry: string;
	readonly span: Span;
}

/** A word or glued word of the query. */
interface Piece {
	readonly span: Span;
	readonly word: WordForms;
	/**
	 * Whether to look for terms inside this piece. Not in glued real words, where a term
	 * would straddle two of them ("wwf-uk").
	 */
	readonly searchInside: boolean;
}

function toPiece(text: TokenisedText, span: Span, searchInside: boolean): Piece {
	return { span, word: wordForms(text.joined.slice(span.start, span.end), span.start), searchInside };
}

/** Map an occurrence in squeezed letters back to the joined text. */
function spanOf(runs: Runs, occurrence: Occurrence<unknown>, counts: readonly number[]): Span {
	return sourceSpan(runs, occurrence.start, occurrence.end, counts);
}

function findInPiece(lists: CompiledLists, piece: Piece, found: Found[]): void {
	const { sounds, typed } = piece.word;
	const push = (rule: Rule, how: MatchHow, span = piece.span): void => {
		found.push({ category: rule.category, entry: rule.entry, how, span });
	};

	for (const rule of lists.wholeWords.get(sounds.letters) ?? []) {
		if (stretches(sounds, 0, rule.word.sounds)) push(rule, 'word');
	}
	for (const stem of wordStems(sounds.source.text)) {
		const stemRuns = toRuns(soundAlike(stem));
		for (const rule of lists.wholeWords.get(stemRuns.letters) ?? []) {
			if (stretches(stemRuns, 0, rule.word.sounds)) push(rule, 'word form');
		}
	}
	if (mayBeSlipOf(sounds.letters, MIN_SLIP_TERM_LENGTH)) {
		const tried = new Set<WordRule>();
		for (const key of slipKeys(piece.word)) {
			for (const rule of lists.slips.get(key) ?? []) {
				if (tried.has(rule)) continue;
				tried.add(rule);
				if (oneSlipApart(piece.word, rule.word)) push(rule, 'one slip');
			}
		}
	}
	if (!piece.searchInside) return;
	for (const occurrence of lists.partsOfWords.findAll(typed.letters)) {
		const isWholeWord = occurrence.start === 0 && occurrence.end === typed.letters.length;
		if (!isWholeWord && stretches(typed, occurrence.start, occurrence.value.word.typed)) {
			push(occurrence.value, 'part of a word', spanOf(typed, occurrence, occurrence.value.word.typed.counts));
		}
	}
}

function sameWord(typed: Piece | undefined, listed: WordForms): boolean {
	if (typed === undefined) return false;
	if (typed.word.sounds.letters === listed.sounds.letters) return true;
	return listed.sounds.letters.length >= MIN_SLIP_PHRASE_WORD_LENGTH && oneSlipApart(typed.word, listed);
}

/** Phrases of slip-tolerant categories, compared word by word. */
function findPhrasesWordByWord(lists: CompiledLists, words: readonly Piece[], found: Found[]): void {
	const seen = new Set<string>();
	words.forEach((word, i) => {
		const letters = word.word.sounds.letters;
		const keys = mayBeSlipOf(letters, MIN_SLIP_PHRASE_WORD_LENGTH) ? slipKeys(word.word) : [letters];
		for (const key of keys) {
			for (const { rule, position } of lists.phraseAnchors.get(key) ?? []) {
				const start = i - position;
				const first = words[start];
				const last = words[start + rule.words.length - 1];
				const id = `${start} ${rule.category.id} ${rule.entry}`;
				if (first === undefined || last === undefined || seen.has(id)) continue;
				if (!rule.words.every((listed, j) => sameWord(words[start + j], listed))) continue;
				seen.add(id);
				const span = { start: first.span.start, end: last.span.end };
				found.push({ category: rule.category, entry: rule.entry, how: 'phrase', span });
			}
		}
	});
}

function findExceptions(
	lists: CompiledLists,
	text: TokenisedText,
	pieces: readonly Piece[],
	wholeText: Runs
): ExceptionHit[] {
	const hits: ExceptionHit[] = [];
	// An exception word counts only inside one word or glued word: "es sex" is not "Essex".
	for (const piece of pieces) {
		for (const occurrence of lists.exceptionWords.findAll(piece.word.sounds.letters)) {
			const span = spanOf(piece.word.sounds, occurrence, occurrence.value.counts);
			hits.push({ entry: occurrence.value.entry, span });
		}
	}
	// An exception phrase must start where a word starts; it may end inside a word, so
	// "blue tit" also excuses "blue tits".
	const wordStarts = new Set(text.words.map((word) => word.start));
	for (const occurrence of lists.exceptionPhrases.findAll(wholeText.letters)) {
		const span = spanOf(wholeText, occurrence, occurrence.value.counts);
		if (wordStarts.has(span.start)) hits.push({ entry: occurrence.value.entry, span });
	}
	return hits;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const strictlyContains = (outer: Span, inner: Span): boolean =>
	outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start;

/**
 * An exception excuses a match that lies inside it or cuts through it ("cunt" in
 * "Scunthorpe", "kill myself" starting inside "i want to skill myself"). A match that wholly
 * contains an exception and more is not excused, and one beside an exception is not touched:
 * "scunthorpeporn" is still caught by "porn". Word forms and slips are guesses, so any
 * overlapping exception excuses them ("i touched my funny bone" is not a slip of "fanny").
 */
function excuse(match: Found, exceptions: readonly ExceptionHit[]): string | null {
	const guess = match.how === 'word form' || match.how === 'one slip';
	for (const exception of exceptions) {
		if (!overlaps(match.span, exception.span)) continue;
		if (guess || !strictlyContains(match.span, exception.span)) return exception.entry;
	}
	return null;
}

function scanReading(lists: CompiledLists, reading: string): Match[] {
	const text = tokenise(reading);
	const words = text.words.map((span) => toPiece(text, span, true));
	const glued = text.gluedWords.map((glue) => toPiece(text, glue, glue.spelledOut));
	const pieces = [...words, ...glued];
	const wholeText = toRuns(soundAlike(text.joined));

	const found: Found[] = [];
	for (const piece of pieces) findInPiece(lists, piece, found);
	for (const occurrence of lists.phrases.findAll(wholeText.letters)) {
		const { category, entry, counts } = occurrence.value;
		found.push({ category, entry, how: 'phrase', span: spanOf(wholeText, occurrence, counts) });
	}
	if (lists.phraseAnchors.size > 0) findPhrasesWordByWord(lists, words, found);
	if (found.length === 0) return [];

	// Exceptions are only looked for when something matched: most queries skip this.
	const exceptions = findExceptions(lists, text, pieces, wholeText);
	return found.map((match) => ({
		category: match.category,
		entry: match.entry,
		how: match.how,
		excusedBy: excuse(match, exceptions)
	}));
}

export function findMatches(lists: CompiledLists, query: string): Match[] {
	const normalised = normaliseText(query);
	// Patterns are shapes, not words: exceptions never excuse them.
	const matches: Match[] = lists.patterns
		.filter((rule) => hasPersonalInfo(rule.pattern, normalised))
		.map((rule) => ({ category: rule.category, entry: rule.entry, how: 'pattern', excusedBy: null }));
	for (const reading of leetReadings(normalised)) matches.push(...scanReading(lists, reading));
	return matches;
}

/**
 * The phrase exceptions (exceptions.yaml) a query contains as written, whether or not anything
 * matched inside them: "naked mole rat" says what the query is about even when no rule fired and
 * only the model heard "naked". Read plainly (no leetspeak), as a child types an animal's name.
 */
export function exceptionPhrasesIn(lists: CompiledLists, query: string): string[] {
	if (lists.exceptionPhrases.size === 0) return [];
	const text = tokenise(normaliseText(query));
	const wholeText = toRuns(soundAlike(text.joined));
	const wordStarts = new Set(text.words.map((word) => word.start));
	const found: string[] = [];
	for (const occurrence of lists.exceptionPhrases.findAll(wholeText.letters)) {
		const span = spanOf(wholeText, occurrence, occurrence.value.counts);
		if (wordStarts.has(span.start)) found.push(occurrence.value.entry);
	}
	return found;
}
