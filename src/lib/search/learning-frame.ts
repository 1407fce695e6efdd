/**
 * A search that asks to learn about a harm rather than to reach it: "what is cannabis drugs
 * education", "why are disposable vapes banned", "how to spot fake free robux websites", "the
 * ku klux klan for black history month". Schools teach these in PSHE, RSE and citizenship, and
 * a listed phrase inside them ("drug dealer", "free robux", "loot boxes") is no sign of harm. In
 * such a search the model may overrule a rule's block, phrases too, when it is sure the search
 * is innocent (classify.ts), as it may for a single listed word in any sentence. Never an alert: a child
 * asking "what does abuse mean" may be about to tell, and a grown-up checks.
 *
 * Browser-safe: no Node-only imports.
 */

/**
 * Words that put a search in a lesson: "for pshe", "year 6", "ks2", "debate", "homework". Not
 * "explained", "history" or "facts": propaganda and glorification use them too ("… explained why
 * its true", "best … in history").
 */
const LESSON_WORDS = new Set([
	'pshe',
	'pshce',
	'rse',
	'rshe',
	'citizenship',
	'ks1',
	'ks2',
	'ks3',
	'ks4',
	'lesson',
	'lessons',
	'homework',
	'debate',
	'project',
	'assembly',
	'topic',
	'worksheet',
	'education',
	'educational',
	'definition',
	'meaning',
	'dictionary',
	'eyfs'
]);

/** Questions that ask about a harm: what it is, why it is bad, how to spot or report it. */
const ASKING = [
	/^(?:hey google |ok google |hey siri |alexa )?(?:what|wat|wot) (?:is|are|was|were|does|do|did|dose|iz|r) /u,
	/^(?:hey google |ok google |hey siri |alexa )?(?:what|wat|wot)s /u,
	/^(?:why|y) (?:is|are|do|does|did|was|were|should|shouldnt) .* (?:bad|harmful|dangerous|illegal|banned|wrong|unkind|unfair|addictive|risky)\b/u,
	/\b(?:how|hw) (?:to|do you|do i|can i|can you) (?:spot|report|avoid|stay safe from|stop|recogni[sz]e|tell if|know if)\b/u,
	/\b(?:is|are) (?:it|this|that|they|these)\b.*\b(?:scam|fake|real|safe|legal|illegal)\b/u,
	/\b(?:dangers|risks|harms?) of\b/u,
	/\bwhy (?:is|are) .* (?:bad|harmful|dangerous|banned)\b/u,
	/\bmean(?:s|ing)?\b/u
];

/** Year groups: "year 6", "yr 5", "y4". */
const YEAR_GROUP = /\b(?:year|yr|y) ?[1-9]\b/u;

/** The words of a search, lower case, punctuation as spaces. */
function words(query: string): string[] {
	return query
		.toLowerCase()
		.replace(/[^\p{L}\p{N}' ]+/gu, ' ')
		.replace(/'/gu, '')
		.split(/\s+/u)
		.filter((word) => word !== '');
}

/**
 * How a search asks to learn: in a lesson's words ("for pshe", "year 6", "homework": `lesson`),
 * only as a question ("what is …", "why are … banned": `question`), or not at all (null). A
 * question alone says less: "what does 1488 mean" may be a child who has met the code online,
 * so classify.ts asks the model to be surer before it overrules a block on one.
 */
export function learningFrame(query: string): 'lesson' | 'question' | null {
	const list = words(query);
	if (list.length < 3) return null;
	const text = list.join(' ');
	if (
		list.some((word) => LESSON_WORDS.has(word)) ||
		YEAR_GROUP.test(text) ||
		text.includes('black history month')
	) {
		return 'lesson';
	}
	return ASKING.some((pattern) => pattern.test(text)) ? 'question' : null;
}
