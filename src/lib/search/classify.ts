/**
 * The safe-search classifier: should a child's query run, be blocked, or be blocked and
 * raise an alert for a grown-up?
 *
 * Child-facing code gets only a verdict and a category id. Which word or phrase matched is
 * available to staff tooling through `compileExplainer`, which is deliberately a separate
 * function: the matched words must never reach a child's screen, a log line or a URL.
 *
 * Browser-safe: no Node-only imports. Compile once (at start-up, or when the lists change),
 * then classify as often as needed: compiled lists answer thousands of queries a second.
 */
import { compileLists, type CompiledCategory, type CompiledLists } from './compile-lists';
import { findMatches, type Match, type MatchHow } from './find-matches';
import type { ExceptionLists, TermLists } from './lists-schema';

export type Verdict = 'allow' | 'block' | 'alert';

export interface Classification {
	readonly verdict: Verdict;
	/** The id of the category in terms.yaml, or null when the query is allowed. */
	readonly category: string | null;
}

export type Classifier = (query: string) => Classification;

/** The parts of the safe-search lists the classifier needs. */
export interface ClassifierLists {
	readonly terms: TermLists;
	readonly exceptions: ExceptionLists;
}

/** One match, for staff: which entry matched, how, and whether an exception excused it. */
export interface ExplainedMatch {
	readonly category: string;
	readonly entry: string;
	readonly how: MatchHow;
	readonly excusedBy: string | null;
}

export interface StaffExplanation extends Classification {
	/** Staff tooling only. Never show these words to a child, log them or put them in a URL. */
	readonly matched: readonly ExplainedMatch[];
}

export type Explainer = (query: string) => StaffExplanation;

const ALLOW: Classification = { verdict: 'allow', category: null };

/** Alert beats block beats allow; within an action, the category listed first wins. */
function decide(matches: readonly Match[]): Classification {
	let winner: CompiledCategory | null = null;
	for (const match of matches) {
		if (match.excusedBy !== null) continue;
		if (winner === null || match.category.priority < winner.priority) winner = match.category;
	}
	return winner === null ? ALLOW : { verdict: winner.action, category: winner.id };
}

export function compileClassifier(lists: ClassifierLists): Classifier {
	const compiled: CompiledLists = compileLists(lists);
	return (query) => decide(findMatches(compiled, query));
}

export function compileExplainer(lists: ClassifierLists): Explainer {
	const compiled = compileLists(lists);
	return (query) => {
		const matches = findMatches(compiled, query);
		return {
			...decide(matches),
			matched: matches.map((match) => ({
				category: match.category.id,
				entry: match.entry,
				how: match.how,
				excusedBy: match.excusedBy
			}))
		};
	};
}

const classifiers = new WeakMap<ClassifierLists, Classifier>();

/**
 * Classify one query. Compiles the lists on first use and keeps the result for as long as the
 * lists object lives, so calling this in a loop with the same lists is cheap.
 */
export function classify(query: string, lists: ClassifierLists): Classification {
	let classifier = classifiers.get(lists);
	if (classifier === undefined) {
		classifier = compileClassifier(lists);
		classifiers.set(lists, classifier);
	}
	return classifier(query);
}
