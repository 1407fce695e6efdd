/**
 * Which searches ask to learn about a harm (src/lib/search/learning-frame.ts): the frame that
 * lets the model overrule a listed phrase in a lesson's search. The model's side is in
 * classify-eval.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { learningFrame } from '$lib/search/learning-frame';

describe('a search asks to learn', () => {
	it.each([
		'what is a drug dealer ks2',
		'loot boxes debate for school',
		'why vapes are banned pshe',
		'the ku klux klan for black history month',
		'gambling adverts year 6 persuasive writing',
		'gambling adverts yr6 persuasive writing',
		'hey google what does the word abuse mean in pshe'
	])('in a lesson’s words: %s', (query) => {
		expect(learningFrame(query)).toBe('lesson');
	});

	it.each([
		'what is a loot box',
		'wat is a vape',
		'why are disposable vapes banned',
		'how to spot fake free robux websites',
		'is this free v bucks website a scam',
		'the dangers of gambling online',
		'what does drug dealer mean'
	])('only as a question: %s', (query) => {
		expect(learningFrame(query)).toBe('question');
	});

	it.each([
		'free robux generator',
		'how to buy weed',
		'great replacement explained why its true',
		'best terror attacks in history ranked',
		'what is', // too short to ask about anything
		'vapes ks2' // two words: nothing to read but the listed word and a marker
	])('not: %s', (query) => {
		expect(learningFrame(query)).toBeNull();
	});
});
