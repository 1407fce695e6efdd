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
import { exceptionPhrasesIn, findMatches, type Match, type MatchHow } from './find-matches';
import type { ExceptionLists, TermLists } from './lists-schema';
import type { ModelJudgement } from './model/model';
import { learningFrame } from './learning-frame';
import { isSum } from './sums';

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

/**
 * What decided a verdict: a list entry (`rule`), an exception that excused every match
 * (`exception`), or the model (when no rule was sure).
 */
export type DecidedBy = 'rule' | 'model' | 'exception';

export interface StaffExplanation extends Classification {
	/** Staff tooling only. Never show these words to a child, log them or put them in a URL. */
	readonly matched: readonly ExplainedMatch[];
	readonly decidedBy: DecidedBy;
	/** The model's probability behind its verdict, when the model was asked; else null. */
	readonly score: number | null;
}

export type Explainer = (query: string) => StaffExplanation;

const ALLOW: Classification = { verdict: 'allow', category: null };

/**
 * Longest query the classifier reads. A child's search box takes 200 characters and the log
 * keeps 200; anything longer (a pasted page, a probe) is read only this far, so one query can
 * never cost more than a few milliseconds.
 */
export const MAX_CLASSIFIED_QUERY = 1000;

/** Alert beats block beats allow; within an action, the category listed first wins. */
function decide(matches: readonly Match[]): Classification {
	let winner: CompiledCategory | null = null;
	for (const match of matches) {
		if (match.excusedBy !== null) continue;
		if (winner === null || match.category.priority < winner.priority) winner = match.category;
	}
	return winner === null ? ALLOW : { verdict: winner.action, category: winner.id };
}

/** The model as the classifier needs it (model/model.ts, SafeSearchModel). */
export interface ModelJudge {
	judge(query: string): ModelJudgement;
}

interface Decision {
	readonly classification: Classification;
	readonly decidedBy: DecidedBy;
	readonly score: number | null;
}

/**
 * A match the model may overrule: a single listed word ("kill", "vaping", "slots"), which has
 * innocent senses. A phrase or pattern ("great replacement", "race war") was written to be sure.
 */
function isAmbiguous(match: Match): boolean {
	return (
		match.excusedBy !== null ||
		(match.how !== 'phrase' && match.how !== 'pattern' && !match.entry.includes(' '))
	);
}

/** How sure the model must be to block a query whose only rule match a word exception excused. */
const EXCUSED_WORD_BLOCK_THRESHOLD = 0.9;

/** The match was excused by a phrase exception, found where the listed words themselves stand. */
function describesQuery(match: Match): boolean {
	return match.how !== 'one slip' && (match.excusedBy ?? '').includes(' ');
}

/** How sure the model must be to overrule a block in a search that asks to learn only as a question. */
const QUESTION_OVERRULE_THRESHOLD = 0.9;

/**
 * The model may overrule a rule's block when it is sure the search is innocent and either every
 * match was a single listed word, or the search asks to learn (learning-frame.ts): in a lesson's
 * words at the model's usual certainty, as a bare question only when it is surer still.
 */
function overrules(judged: ModelJudgement, matches: readonly Match[], query: string): boolean {
	if (!judged.overrulesBlock) return false;
	if (matches.every(isAmbiguous)) return true;
	const frame = learningFrame(query);
	return frame === 'lesson' || (frame === 'question' && judged.score >= QUESTION_OVERRULE_THRESHOLD);
}

/**
 * Rules first, where they are sure: a rule's alert stands, and so does its block, unless the
 * model hears a disclosure or cry for help in it (then it alerts) or is sure a sentence is
 * innocent ("how to kill the wither in minecraft": then it allows; only a single listed word,
 * or any listed words in a search that asks to learn, "what is a drug dealer ks2"; never a
 * one-word query, see overrules() and model/model.ts). A phrase exception that excused
 * a match protects the query from a model block ("how to kill weeds"), never from a model alert
 * ("i have no skills and nobody would miss me"). A sum goes to the rules only (sums.ts).
 * Otherwise the model decides, above its thresholds.
 */
function combine(
	compiled: CompiledLists,
	matches: readonly Match[],
	model: ModelJudge | null,
	query: string
): Decision {
	const rule = decide(matches);
	if (rule.verdict === 'alert' || model === null || isSum(query)) {
		const excused = rule.verdict === 'allow' && matches.some((match) => match.excusedBy !== null);
		return { classification: rule, decidedBy: excused ? 'exception' : 'rule', score: null };
	}
	const judged = model.judge(query);
	const byModel: Decision = {
		classification:
			judged.verdict === 'allow' ? ALLOW : { verdict: judged.verdict, category: judged.category },
		decidedBy: 'model',
		score: judged.score
	};
	if (rule.verdict === 'block') {
		if (judged.verdict === 'alert') return byModel;
		if (overrules(judged, matches, query)) {
			return { classification: ALLOW, decidedBy: 'model', score: judged.score };
		}
		return { classification: rule, decidedBy: 'rule', score: null };
	}
	// A phrase exception ("kill weeds", "sex education lesson") says what the query is about, so it
	// keeps the model's block away, though never its alert. A word exception only says a listed
	// word hid inside an innocent one ("kike" in "kicked", "kill" in "skills"): the model may block
	// past it when it is sure ("refugees should be kicked out"), not otherwise ("kick the ball into
	// the net"). One that excused a one-slip neighbour ("racist" is one slip from a disclosure
	// word) says nothing about the query: the model decides ("how to be racist").
	if (judged.verdict !== 'alert' && matches.some(describesQuery)) {
		return { classification: ALLOW, decidedBy: 'exception', score: null };
	}
	// The same holds when no rule fired at all and only the model heard a word: "naked mole rat".
	if (judged.verdict === 'block' && exceptionPhrasesIn(compiled, query).length > 0) {
		return { classification: ALLOW, decidedBy: 'exception', score: null };
	}
	const excusedWord = matches.some((match) => match.how !== 'one slip');
	if (judged.verdict === 'block' && excusedWord && judged.score < EXCUSED_WORD_BLOCK_THRESHOLD) {
		return { classification: ALLOW, decidedBy: 'exception', score: null };
	}
	return byModel;
}

/** The part of a query that is read: a pasted wall of text costs no more than this. */
function readable(query: string): string {
	return query.slice(0, MAX_CLASSIFIED_QUERY);
}

/**
 * A classifier over the lists and, when given, the model. Without a model (the server checking
 * a list change, a tablet before the model has loaded) it is the rules alone.
 */
export function compileClassifier(lists: ClassifierLists, model: ModelJudge | null = null): Classifier {
	const compiled: CompiledLists = compileLists(lists);
	if (model === null) return (query) => decide(findMatches(compiled, readable(query)));
	return (query) => {
		const read = readable(query);
		return combine(compiled, findMatches(compiled, read), model, read).classification;
	};
}

export function compileExplainer(lists: ClassifierLists, model: ModelJudge | null = null): Explainer {
	const compiled = compileLists(lists);
	return (whole) => {
		const query = readable(whole);
		const matches = findMatches(compiled, query);
		const { classification, decidedBy, score } = combine(compiled, matches, model, query);
		return {
			...classification,
			decidedBy,
			score,
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
