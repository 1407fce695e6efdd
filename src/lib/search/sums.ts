/**
 * Sums a child types for maths ("12 x 12", "100 - 37", "what is 8 times 7"). They give the
 * model nothing to read: digits alone once looked like a porn site's or a scam's name to it. So
 * the classifier reads a sum with the rules only, which still block a listed number ("420") or a
 * phone number typed into one.
 *
 * Browser-safe: no Node-only imports.
 */

/** Words that make a sum a sum. */
const OPERATIONS = [
	'x',
	'times',
	'multiplied',
	'divided',
	'plus',
	'add',
	'minus',
	'take',
	'equals',
	'squared',
	'cubed',
	'root',
	'half',
	'halves',
	'quarter',
	'third',
	'percent',
	'of'
];
/** Other words a sum may hold. */
const FILLERS = ['by', 'away', 'is', 'what', 'whats', 'makes', 'square', 'and', 'the'];

const SIGN = /[+\-*/×÷=%^]/u;
const NUMBER = /^\d+(?:[.,]\d+)?(?:st|nd|rd|th|s)?$/u;
const OPERATION_WORDS = new Set(OPERATIONS);
const SUM_WORDS = new Set([...OPERATIONS, ...FILLERS]);

/**
 * The query is a sum: numbers, signs and maths words only, with at least one number and one
 * operation (so a card number, four groups of digits, is not a sum).
 */
export function isSum(query: string): boolean {
	// Full-width digits ("１２ ｘ １２") read as ordinary ones; invisible format marks are dropped.
	const lower = query
		.normalize('NFKC')
		.replace(/\p{Cf}/gu, '')
		.toLowerCase();
	const words = lower
		.replace(/[+\-*/×÷=%^()?]/gu, ' ')
		.split(/\s+/u)
		.filter((word) => word !== '');
	const operation = SIGN.test(lower) || words.some((word) => OPERATION_WORDS.has(word));
	return (
		operation &&
		words.some((word) => NUMBER.test(word)) &&
		words.every((word) => NUMBER.test(word) || SUM_WORDS.has(word))
	);
}
