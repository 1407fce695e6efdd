/**
 * The tablet's search index over the school's list of sites and Harbour's own pages.
 *
 * A small token index built in memory on the tablet (no network, no library):
 *   - every word of a title, keyword or description, and its word forms ("dinosaurs" →
 *     "dinosaur"), points at the documents it appears in, with the weight of its best field;
 *   - a sorted word list answers prefixes ("dino" finds "dinosaurs") as a child types;
 *   - words of five letters or more are also reachable with one slip (a letter missed, added,
 *     changed or two swapped: "dinosuar", "elefant"), through one-letter-deletion keys, so a
 *     near-miss costs a handful of map look-ups rather than a walk over every word.
 *
 * Ranking: documents matching more of the query's words come first; then title matches beat
 * keyword matches beat description matches, and exact words beat word forms beat prefixes beat
 * slips. Ties keep the list's own order.
 *
 * Browser-safe: no Node-only imports.
 */
import { normaliseText } from './normalise';
import { oneLetterDeletions, withinOneSlip, wordStems } from './spelling';

export interface IndexDocument {
	readonly title: string;
	readonly description: string;
	readonly keywords: readonly string[];
}

export interface SearchHit<D extends IndexDocument> {
	readonly doc: D;
	readonly score: number;
}

/** How much a field counts: a word in the title says more than one in the description. */
export const FIELD_WEIGHTS = { title: 3, keyword: 2, description: 1 } as const;

/** How much a kind of match counts. */
export const MATCH_WEIGHTS = { exact: 1, form: 0.85, prefix: 0.6, slip: 0.5 } as const;

/** Typed words shorter than this are not read as prefixes ("a", "an" would match everything). */
export const MIN_PREFIX_LENGTH = 3;
/** One slip is forgiven only in words this long: shorter words have too many neighbours. */
export const MIN_SLIP_LENGTH = 5;
/** A prefix stands for at most this many words, so "sta" stays fast on a huge list. */
export const MAX_PREFIX_EXPANSIONS = 40;
/** A query is cut to this many words: children paste, and nothing useful is that long. */
export const MAX_QUERY_WORDS = 12;
/** Every matched query word is worth more than any score a single word can earn. */
const COVERAGE_BONUS = 10;

/** Words that carry no meaning in a child's search ("games for kids" means "games"). */
const STOP_WORDS = new Set(
	'a an and are about at be can do for from how i in is it me my of on or please show the to want what where who with you'.split(
		' '
	)
);

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text, folded to plain lower-case letters (accents and fancy fonts removed). */
export function indexWords(text: string): string[] {
	return normaliseText(text).match(WORD) ?? [];
}

/** The query's meaningful words; all of them when every one is a stop word ("what is it"). */
export function queryWords(query: string): string[] {
	const words = [...new Set(indexWords(query))].slice(0, MAX_QUERY_WORDS);
	const meaningful = words.filter((word) => !STOP_WORDS.has(word));
	return meaningful.length > 0 ? meaningful : words;
}

/** Document number → best weight of a word in that document. */
type Postings = Map<number, number>;

function firstAtLeast(sorted: readonly string[], key: string): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if ((sorted[mid] ?? '') < key) low = mid + 1;
		else high = mid;
	}
	return low;
}

export class SiteIndex<D extends IndexDocument> {
	readonly #docs: readonly D[];
	readonly #postings = new Map<string, Postings>();
	readonly #sortedWords: string[];
	readonly #byDeletion = new Map<string, string[]>();

	constructor(docs: readonly D[]) {
		this.#docs = docs;
		docs.forEach((doc, n) => {
			this.#add(n, doc.title, FIELD_WEIGHTS.title);
			for (const keyword of doc.keywords) this.#add(n, keyword, FIELD_WEIGHTS.keyword);
			this.#add(n, doc.description, FIELD_WEIGHTS.description);
		});
		this.#sortedWords = [...this.#postings.keys()].sort();
		for (const word of this.#sortedWords) {
			if (word.length < MIN_SLIP_LENGTH - 1) continue;
			for (const key of oneLetterDeletions(word)) {
				const words = this.#byDeletion.get(key);
				if (words === undefined) this.#byDeletion.set(key, [word]);
				else words.push(word);
			}
		}
	}

	get size(): number {
		return this.#docs.length;
	}

	/** How many distinct words the index holds. */
	get wordCount(): number {
		return this.#sortedWords.length;
	}

	#post(word: string, doc: number, weight: number): void {
		let postings = this.#postings.get(word);
		if (postings === undefined) {
			postings = new Map();
			this.#postings.set(word, postings);
		}
		if ((postings.get(doc) ?? 0) < weight) postings.set(doc, weight);
	}

	#add(doc: number, text: string, weight: number): void {
		for (const word of indexWords(text)) {
			this.#post(word, doc, weight);
			for (const stem of wordStems(word)) this.#post(stem, doc, weight * MATCH_WEIGHTS.form);
		}
	}

	/** Every indexed word the typed word may stand for, with how well it matches. */
	#readings(typed: string): Map<string, number> {
		const readings = new Map<string, number>();
		const offer = (word: string, weight: number): void => {
			if (this.#postings.has(word) && (readings.get(word) ?? 0) < weight) readings.set(word, weight);
		};
		offer(typed, MATCH_WEIGHTS.exact);
		for (const stem of wordStems(typed)) offer(stem, MATCH_WEIGHTS.form);
		if (typed.length >= MIN_PREFIX_LENGTH) {
			let at = firstAtLeast(this.#sortedWords, typed);
			for (let taken = 0; taken < MAX_PREFIX_EXPANSIONS; taken++, at++) {
				const word = this.#sortedWords[at];
				if (word === undefined || !word.startsWith(typed)) break;
				offer(word, MATCH_WEIGHTS.prefix);
			}
		}
		if (typed.length >= MIN_SLIP_LENGTH) {
			for (const key of oneLetterDeletions(typed)) {
				for (const word of this.#byDeletion.get(key) ?? []) {
					if (withinOneSlip(typed, word)) offer(word, MATCH_WEIGHTS.slip);
				}
			}
		}
		return readings;
	}

	/** The best documents for a query, best first. An empty or meaningless query finds nothing. */
	search(query: string, limit = 20): SearchHit<D>[] {
		const scores = new Map<number, { score: number; words: number }>();
		for (const typed of queryWords(query)) {
			// Best score of this query word in each document.
			const best = new Map<number, number>();
			for (const [word, matchWeight] of this.#readings(typed)) {
				for (const [doc, fieldWeight] of this.#postings.get(word) ?? []) {
					const score = matchWeight * fieldWeight;
					if ((best.get(doc) ?? 0) < score) best.set(doc, score);
				}
			}
			for (const [doc, score] of best) {
				const total = scores.get(doc);
				if (total === undefined) scores.set(doc, { score, words: 1 });
				else {
					total.score += score;
					total.words += 1;
				}
			}
		}
		const ranked = [...scores].map(([doc, { score, words }]) => ({
			doc,
			score: words * COVERAGE_BONUS + score
		}));
		ranked.sort((a, b) => b.score - a.score || a.doc - b.doc);
		return ranked.slice(0, limit).map(({ doc, score }) => ({ doc: this.#docs[doc] as D, score }));
	}

	/** The index as plain data (words and their postings), for measuring what it weighs. */
	toJSON(): { words: [string, [number, number][]][] } {
		return { words: this.#sortedWords.map((word) => [word, [...(this.#postings.get(word) ?? [])]]) };
	}
}
