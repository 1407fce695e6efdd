/**
 * Disguised unsafe searches, against the shipped lists. Each row is one evasion technique
 * and must be caught with the right verdict and category.
 */
import { describe, expect, it } from 'vitest';
import { compileClassifier, MAX_CLASSIFIED_QUERY } from '$lib/search/classify';
import { MAX_LOGGED_QUERY } from '$lib/search/search-log-event';
import { loadSafeSearchLists } from '../../../scripts/lib/safe-search-lists';

const classify = compileClassifier(loadSafeSearchLists());

type Row = [query: string, category: string];

const cases: Record<string, Row[]> = {
	'plain words and capitals': [
		['porn', 'pornography'],
		['PORN', 'pornography'],
		['Free Robux', 'scams'],
		['casino games', 'gambling'],
		['cocaine', 'drugs-and-substance-abuse'],
		['how to hack someones account', 'malware-and-hacking'],
		['the pirate bay', 'piracy'],
		['heil hitler', 'extremism'],
		['blackout challenge', 'dangerous-challenges'],
		['i hate jews', 'discrimination'],
		['murder', 'violence'],
		['bitch', 'swearing'],
		// The place-name exception "twatt" once squeezed to this word and excused it everywhere.
		['twat', 'swearing'],
		['you are a twat', 'swearing'],
		['paltalk', 'stranger-chat'],
		['roblox e dating', 'stranger-chat'],
		['hitler did nothing wrong', 'extremism']
	],
	'fullwidth, fancy-font and emoji letters': [
		['ｐｏｒｎ', 'pornography'],
		['𝐩𝐨𝐫𝐧', 'pornography'],
		['ⓟⓞⓡⓝ', 'pornography'],
		['🅟🅞🅡🅝', 'pornography'],
		['ᴘᴏʀɴ', 'pornography'],
		['ＦＲＥＥ ＲＯＢＵＸ', 'scams']
	],
	'look-alike letters from other alphabets': [
		['p\u043ern', 'pornography'],
		['\u03c1orn', 'pornography'],
		['\u0455\u0435\u0445', 'pornography'],
		['c\u043ec\u0430ine', 'drugs-and-substance-abuse']
	],
	'invisible characters and accents': [
		['p\u200Born', 'pornography'],
		['p\u00ADorn', 'pornography'],
		['p\u2060orn', 'pornography'],
		['k\u202Eill', 'violence'],
		['f\u2066uck\u2069', 'swearing'],
		['pórñ', 'pornography'],
		['p̷o̷r̷n̷', 'pornography']
	],
	leetspeak: [
		['p0rn', 'pornography'],
		['5ex', 'pornography'],
		['$3x', 'pornography'],
		['sh!t', 'swearing'],
		['$h1t', 'swearing'],
		['a$$', 'swearing'],
		['@ss', 'swearing'],
		['k1ll', 'violence'],
		['ki11', 'violence'],
		['c0caine', 'drugs-and-substance-abuse'],
		['n1gger', 'discrimination'],
		['fr33 r0bux', 'scams'],
		['b3t365', 'gambling']
	],
	'stars hiding vowels': [
		['f*ck', 'swearing'],
		['f**k', 'swearing'],
		['sh*t', 'swearing'],
		['p*rn', 'pornography']
	],
	'stretched letters': [
		['pooorrrnnn', 'pornography'],
		['seeexxx', 'pornography'],
		['kiiilll', 'violence'],
		['fuuuuck', 'swearing']
	],
	'letters split by spaces or punctuation': [
		['p o r n', 'pornography'],
		['s e x', 'pornography'],
		['k i l l', 'violence'],
		['p 0 r n', 'pornography'],
		['s 3 x', 'pornography'],
		['p.o.r.n', 'pornography'],
		['s.e.x', 'pornography'],
		['k-i-l-l', 'violence'],
		['f_u_c_k', 'swearing'],
		['k.1.l.l', 'violence'],
		['free r o b u x', 'scams']
	],
	'words run together': [
		['watchporn', 'pornography'],
		['freepornvideos', 'pornography'],
		['freerobux', 'scams'],
		['free-robux', 'scams'],
		['freevbucks', 'scams'],
		['sexvideos', 'pornography'],
		['motherfucker', 'swearing'],
		['getfreerobuxnow', 'scams']
	],
	'sound-alike spellings': [
		['phuck', 'swearing'],
		['fuk', 'swearing'],
		['kunt', 'swearing'],
		['kokaine', 'drugs-and-substance-abuse'],
		['nudez', 'pornography']
	],
	'word forms': [
		['killing', 'violence'],
		['kills', 'violence'],
		['stabbing', 'violence'],
		['stabbed', 'violence'],
		['nudes', 'pornography'],
		['fucking', 'swearing']
	],
	'the home languages of UK classrooms': [
		['spierdalaj', 'swearing'],
		['pizda ma tii', 'swearing'],
		['ty chuju', 'swearing'],
		['pula mea', 'swearing'],
		['tu harami hai', 'swearing'],
		['ffycin hell', 'swearing'],
		['twll dy din di', 'swearing'],
		['siktir git', 'swearing'],
		['naswar where to buy', 'drugs-and-substance-abuse'],
		['zioło', 'drugs-and-substance-abuse'],
		['zalukaj filmy', 'piracy'],
		['nagie dziewczyny', 'pornography']
	],
	'several tricks at once': [
		['FrEe R0bUx!!!', 'scams'],
		['Ｐ.０.Ｒ.Ｎ', 'pornography'],
		['s\u200Be\u200Bx', 'pornography'],
		['p0000rn', 'pornography']
	]
};

describe.each(Object.entries(cases))('catches %s', (_technique, rows) => {
	it.each(rows)('%s → block (%s)', (query, category) => {
		expect(classify(query)).toEqual({ verdict: 'block', category });
	});
});

describe('exceptions cannot be used as a disguise', () => {
	it.each([
		['scunthorpe porn', 'pornography'],
		['scunthorpeporn', 'pornography'],
		['es sex', 'pornography'],
		['sus sex', 'pornography'],
		['blue tit tits', 'pornography'],
		['killer', 'violence'],
		['skill kill', 'violence'],
		['skillkill', 'violence']
	])('%s → block (%s)', (query, category) => {
		expect(classify(query)).toEqual({ verdict: 'block', category });
	});
});

describe('a pasted wall of text', () => {
	it('is read only as far as MAX_CLASSIFIED_QUERY, so a megabyte still gets an answer at once', () => {
		// Without the bound this query keeps the rules busy for minutes.
		expect(classify('kill '.repeat(200_000))).toEqual({ verdict: 'block', category: 'violence' });
		expect(MAX_CLASSIFIED_QUERY).toBeGreaterThanOrEqual(MAX_LOGGED_QUERY);
	});
});
