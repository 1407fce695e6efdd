/**
 * The text pipeline under the classifier: folding disguised text to plain letters, reading
 * leetspeak, and splitting into words. Each case is a trick someone could use to hide a word.
 */
import { describe, expect, it } from 'vitest';
import { leetReadings } from '$lib/search/leetspeak';
import { normaliseText } from '$lib/search/normalise';
import { tokenise } from '$lib/search/tokenise';

describe('normaliseText', () => {
	it.each([
		['PORN', 'porn', 'capital letters'],
		['ｐｏｒｎ', 'porn', 'fullwidth letters'],
		['𝐩𝐨𝐫𝐧', 'porn', 'mathematical bold letters'],
		['ⓟⓞⓡⓝ', 'porn', 'circled letters'],
		['🅟🅞🅡🅝', 'porn', 'emoji letters'],
		['ᴘᴏʀɴ', 'porn', 'small capitals'],
		['p\u043ern', 'porn', 'a Cyrillic o'],
		['\u0440\u043ern', 'porn', 'Cyrillic р and о'],
		['\u03c1\u03bfrn', 'porn', 'Greek rho and omicron'],
		['\u0405\u0415\u0425', 'sex', 'Cyrillic capitals'],
		['pórñ', 'porn', 'accents'],
		['p̷o̷r̷n̷', 'porn', 'combining overlays (zalgo)'],
		['p\u200Born', 'porn', 'a zero-width space'],
		['p\u200C\u200Dorn', 'porn', 'zero-width (non-)joiners'],
		['p\u00ADorn', 'porn', 'a soft hyphen'],
		['p\u2060orn', 'porn', 'a word joiner'],
		['p\uFEFForn', 'porn', 'a byte-order mark'],
		['p\u202Eorn\u202C', 'porn', 'bidi override controls'],
		['p\u2066orn\u2069', 'porn', 'bidi isolates'],
		['stra\u00DFe', 'strasse', 'German sharp s']
	])('folds %s to %s (%s)', (input, expected) => {
		expect(normaliseText(input)).toBe(expected);
	});

	it('keeps spaces, digits and punctuation for the later steps', () => {
		expect(normaliseText('Year 2: K-I-L-L 5!')).toBe('year 2: k-i-l-l 5!');
	});
});

describe('leetReadings', () => {
	it.each([
		['p0rn', 'porn'],
		['5ex', 'sex'],
		['$3x', 'sex'],
		['@ss', 'ass'],
		['a$$', 'ass'],
		['sh!t', 'shit'],
		['c0ca1ne', 'cocaine'],
		['8oobs', 'boobs'],
		['n1gg3r', 'nigger']
	])('reads %s as %s', (input, expected) => {
		expect(leetReadings(input)).toContain(expected);
	});

	it('tries both letters a "1" can stand for', () => {
		expect(leetReadings('k1ll')).toContain('kill');
		expect(leetReadings('ki11')).toContain('kill');
	});

	it('tries every vowel a star can hide', () => {
		expect(leetReadings('f*ck')).toContain('fuck');
		expect(leetReadings('p*rn')).toContain('porn');
	});

	it('leaves numbers, and punctuation at the edge of a word, alone', () => {
		expect(leetReadings('year 1 has 30 children!')).toEqual(['year 1 has 30 children!']);
		expect(leetReadings('help!')).toEqual(['help!']);
		expect(leetReadings('7-11')).toEqual(['7-11']);
	});

	it('decodes a lone digit between spelled-out letters', () => {
		expect(leetReadings('p 0 r n')).toContain('p o r n');
		expect(leetReadings('1 2 3')).toEqual(['1 2 3']);
	});

	it('gives one reading for ordinary text, so most queries cost one pass', () => {
		expect(leetReadings('how do bees make honey')).toHaveLength(1);
	});
});

describe('tokenise', () => {
	const words = (text: string): string[] => {
		const t = tokenise(text);
		return t.words.map((w) => t.joined.slice(w.start, w.end));
	};
	const glued = (text: string): string[] => {
		const t = tokenise(text);
		return t.gluedWords.map((g) => t.joined.slice(g.start, g.end));
	};

	it('splits on spaces and punctuation, but not on apostrophes', () => {
		expect(words("don't tell, ok?")).toEqual(['dont', 'tell', 'ok']);
	});

	it('glues words split by punctuation, and letters spelled out with spaces', () => {
		expect(glued('s.e.x')).toEqual(['sex']);
		expect(glued('k-i-l-l')).toEqual(['kill']);
		expect(glued('free-robux')).toEqual(['freerobux']);
		expect(glued('watch p o r n now')).toEqual(['porn']);
	});

	it('does not glue one or two single letters, which are ordinary words', () => {
		expect(glued('i am a cat')).toEqual([]);
		expect(glued('a b')).toEqual([]);
	});

	it('marks glued real words so terms are not looked for across them', () => {
		const t = tokenise('wwf-uk s.e.x');
		expect(t.gluedWords.map((g) => g.spelledOut)).toEqual([false, true]);
	});
});
