import type { DecidedBy, Verdict } from '../classify';

/** What decides a logged search now, as the staff search log shows it (routes' +page.server.ts). */
export interface DecidedNow {
	readonly by: DecidedBy;
	readonly verdict: Verdict;
	/** The model's probability behind its verdict (classify.ts StaffExplanation.score), or null. */
	readonly score: number | null;
	/** A rule matched and nothing excused it: an allowed search was the model overruling it. */
	readonly ruleMatched: boolean;
}

function percent(x: number): string {
	return `${Math.round(Math.min(1, Math.max(0, x)) * 100)} %`;
}

/**
 * One line a DSL reads without knowing the model: who decided, and for the model how strongly
 * it heard harm. An allowed search shows how unsafe it sounded ("sounded 81 % unsafe, too little
 * to block" for a one-word search the model was unsure of; the word list's match, when the model
 * overruled one), never the bare probability of "allow", which read as if the model had been
 * 19 % sure of a search it let through.
 */
export function decidedLabel(decided: DecidedNow): string {
	if (decided.by === 'exception') return 'Allowed by an exception';
	if (decided.by === 'rule' || decided.score === null) return 'Decided by the word list';
	if (decided.verdict === 'alert')
		return `Decided by the model: ${percent(decided.score)} sure a child needs help`;
	if (decided.verdict === 'block') return `Decided by the model: ${percent(decided.score)} sure it is unsafe`;
	const sounded = percent(1 - decided.score);
	if (decided.ruleMatched)
		return `The word list would block it; the model is sure it is innocent (sounded ${sounded} unsafe)`;
	return `Decided by the model: sounded ${sounded} unsafe, too little to block`;
}
