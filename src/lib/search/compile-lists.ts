/**
 * Turning terms.yaml and exceptions.yaml into look-up tables, once, so that classifying a
 * query is a handful of map look-ups rather than a walk over every list entry.
 *
 * Every list entry is read exactly as a query is (normalise → first leetspeak reading →
 * words → spellings → runs of letters), so "bet365" in the list and "bet365" typed by a
 * child end up as the same key whatever the normaliser does to them.
 *
 * Browser-safe: no Node-only imports.
 */
import { leetReadings } from './leetspeak';
import type { ExceptionLists, TermAction, TermCategory, TermLists } from './lists-schema';
import { normaliseText } from './normalise';
import type { PersonalInfoPattern } from './personal-info';
import { expandPhrase } from './phrase-templates';
import { slipKeys, soundAlike, toRuns, wordForms, type Runs, type WordForms } from './spelling';
import { SubstringIndex } from './substring-index';
import { tokenise } from './tokenise';

/**
 * Terms shorter than this match only as whole words: "sex" inside "Essex", "ass" inside
 * "class" or "tit" inside "title" are everyday words, not evasions. Longer terms also match
 * inside run-together words ("watchporn"), with exceptions.yaml naming innocent hosts.
 */
export const MIN_PART_OF_WORD_LENGTH = 4;

/**
 * One-letter slips are tried only for terms this long (letters after squeezing repeats):
 * shorter words have too many innocent neighbours ("whore"/"where", "bitch"/"birch").
 * Slips are also switched on per category in terms.yaml (`misspellings: true`).
 */
export const MIN_SLIP_TERM_LENGTH = 6;

/**
 * Inside a phrase the other words give context, so slips are tried from five letters
 * ("my uncel touches me"). The few innocent neighbours this lets in ("touched my funny bone")
 * are named in exceptions.yaml.
 */
export const MIN_SLIP_PHRASE_WORD_LENGTH = 5;

/**
 * Typed words longer than this are never checked for slips. No list word comes near it, and a
 * pasted wall of letters would otherwise cost time in proportion to its length squared.
 */
export const MAX_SLIP_WORD_LENGTH = 32;

/** Could a typed word (squeezed letters) be one slip from a list word at least `min` long? */
export function mayBeSlipOf(typedLetters: string, min: number): boolean {
	return typedLetters.length >= min - 1 && typedLetters.length <= MAX_SLIP_WORD_LENGTH;
}

/**
 * A phrase is also searched for with the spaces taken out ("someoneishurtingme"). Below this
 * many letters a run-together phrase turns up inside innocent text by chance.
 */
export const MIN_PHRASE_LETTERS = 6;

export interface CompiledCategory {
	readonly id: string;
	readonly action: TermAction;
	/** Lower wins: every alert category beats every block category, then file order. */
	readonly priority: number;
}

/** What every rule carries. `entry` (the list text) is for staff tooling only. */
export interface Rule {
	readonly category: CompiledCategory;
	readonly entry: string;
}

export interface WordRule extends Rule {
	readonly word: WordForms;
}

export interface PhraseRule extends Rule {
	readonly words: readonly WordForms[];
	/** Repeats in the phrase run together (see spelling.ts, sourceSpan). */
	readonly counts: readonly number[];
}

export interface ExceptionRule {
	readonly entry: string;
	readonly counts: readonly number[];
}

export interface PhraseAnchor {
	readonly rule: PhraseRule;
	/** Which word of the phrase the anchor key came from. */
	readonly position: number;
}

export interface CompiledLists {
	/** Every term and whole word, by squeezed sound-alike letters. */
	readonly wholeWords: ReadonlyMap<string, readonly WordRule[]>;
	/** Terms that also count inside longer words, by squeezed letters as written. */
	readonly partsOfWords: SubstringIndex<WordRule>;
	/** Terms of slip-tolerant categories, by their slip keys (see spelling.ts). */
	readonly slips: ReadonlyMap<string, readonly WordRule[]>;
	/** Phrases with spaces removed and repeats squeezed. */
	readonly phrases: SubstringIndex<PhraseRule>;
	/** Phrases of slip-tolerant categories, by their longest word (and its slip keys). */
	readonly phraseAnchors: ReadonlyMap<string, readonly PhraseAnchor[]>;
	readonly exceptionWords: SubstringIndex<ExceptionRule>;
	readonly exceptionPhrases: SubstringIndex<ExceptionRule>;
	readonly patterns: readonly (Rule & { readonly pattern: PersonalInfoPattern })[];
}

/** The words of a list entry, read exactly as a query would be. */
export function listEntryWords(entry: string): string[] {
	const reading = leetReadings(normaliseText(entry))[0] ?? '';
	const text = tokenise(reading);
	return text.words.map((word) => text.joined.slice(word.start, word.end));
}

/** Words run together, in sound-alike spelling: phrases are searched for by its letters. */
export function runTogether(words: readonly string[]): Runs {
	return toRuns(soundAlike(words.join('')));
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const values = map.get(key);
	if (values === undefined) map.set(key, [value]);
	else values.push(value);
}

function compileCategory(source: TermCategory, order: number, count: number): CompiledCategory {
	const alertsFirst = source.action === 'alert' ? 0 : 1;
	return { id: source.id, action: source.action, priority: alertsFirst * count + order };
}

/**
 * A phrase is looked up by its longest word, the one least likely to appear by chance, under
 * the word itself and (if long enough to allow a slip) its slip keys.
 */
function addAnchor(anchors: Map<string, PhraseAnchor[]>, rule: PhraseRule): void {
	let position = 0;
	rule.words.forEach((word, i) => {
		if (word.sounds.letters.length > (rule.words[position]?.sounds.letters.length ?? 0)) position = i;
	});
	const anchor = rule.words[position];
	if (anchor === undefined) return;
	const keys =
		anchor.sounds.letters.length >= MIN_SLIP_PHRASE_WORD_LENGTH ? slipKeys(anchor) : [anchor.sounds.letters];
	for (const key of keys) addTo(anchors, key, { rule, position });
}

export function compileLists(lists: { terms: TermLists; exceptions: ExceptionLists }): CompiledLists {
	const wholeWords = new Map<string, WordRule[]>();
	const slips = new Map<string, WordRule[]>();
	const partEntries: [string, WordRule][] = [];
	const phraseEntries: [string, PhraseRule][] = [];
	const phraseAnchors = new Map<string, PhraseAnchor[]>();
	const patterns: (Rule & { pattern: PersonalInfoPattern })[] = [];
	const { categories, placeholders } = lists.terms;

	categories.forEach((source, order) => {
		const category = compileCategory(source, order, categories.length);
		const addWord = (entry: string, canBePartOfWord: boolean): void => {
			const written = listEntryWords(entry).join('');
			const rule: WordRule = { category, entry, word: wordForms(written) };
			addTo(wholeWords, rule.word.sounds.letters, rule);
			if (canBePartOfWord && written.length >= MIN_PART_OF_WORD_LENGTH) {
				partEntries.push([rule.word.typed.letters, rule]);
			}
			if (source.misspellings && rule.word.sounds.letters.length >= MIN_SLIP_TERM_LENGTH) {
				for (const key of slipKeys(rule.word)) addTo(slips, key, rule);
			}
		};
		source.terms.forEach((term) => addWord(term, true));
		source.whole_words.forEach((word) => addWord(word, false));

		for (const template of source.phrases) {
			for (const entry of expandPhrase(template, placeholders)) {
				const words = listEntryWords(entry);
				const key = runTogether(words);
				const rule: PhraseRule = {
					category,
					entry,
					words: words.map((word) => wordForms(word)),
					counts: key.counts
				};
				phraseEntries.push([key.letters, rule]);
				if (source.misspellings) addAnchor(phraseAnchors, rule);
			}
		}
		source.patterns.forEach((pattern) => patterns.push({ category, entry: pattern, pattern }));
	});

	const exceptionIndex = (entries: readonly string[]): SubstringIndex<ExceptionRule> =>
		new SubstringIndex(
			entries.map((entry) => {
				const key = runTogether(listEntryWords(entry));
				return [key.letters, { entry, counts: key.counts }] as const;
			})
		);

	return {
		wholeWords,
		partsOfWords: new SubstringIndex(partEntries),
		slips,
		phrases: new SubstringIndex(phraseEntries),
		phraseAnchors,
		exceptionWords: exceptionIndex(lists.exceptions.words),
		exceptionPhrases: exceptionIndex(lists.exceptions.phrases),
		patterns
	};
}
