/**
 * Disclosure frames (issue 12): a child's plain first-person sentence — harm, need, fear,
 * secrecy, an adult or online contact doing something — alerts even when no word in it is
 * unsafe alone, across spelling slips and spacing; the innocent sentences that share its words
 * do not. And the grown vocabulary: every block category catches its everyday words.
 * (None of these lines is in content/safe-search/heldout/: that set is only for classify-eval.)
 */
import { describe, expect, it } from 'vitest';
import { compileClassifier } from '$lib/search/classify';
import { loadSafeSearchLists } from '../../../scripts/lib/safe-search-lists';

const lists = loadSafeSearchLists();
const classify = compileClassifier(lists);
const disclosure = { verdict: 'alert', category: 'disclosure' };

describe('disclosure frames alert', () => {
	const frames: Record<string, string[]> = {
		harm: [
			'my step mum slaps me',
			'my nan hits me every night',
			'my brother kicks me every day',
			'mums boyfriend punched me'
		],
		'harm, spelt as typed': [
			'my stepdad hurt me',
			'mystepdadhurtsme',
			'my uncel hits me',
			'my dadd kicks me'
		],
		'harm at home': ['my stepdad hit my mum', 'they lock me in at night', 'he comes into my room at night'],
		need: [
			'theres nothing to eat at home',
			'we have no food again',
			'i havent eaten since friday',
			'nobody feeds me'
		],
		fear: ['im scared of my stepdad', 'i am frightened of my uncle', 'i feel unsafe at home'],
		secrecy: [
			'he said its our secret',
			'my coach told me to keep it secret',
			'she said i will get in trouble if i tell'
		],
		'online contact': [
			'someone on roblox asked me for pics',
			'a man online wants me to send photos',
			'my online friend wants to meet me',
			'someone from the game knows where i live'
		],
		'bullying and running away': [
			'i get bullied every day',
			'the big boys pick on me every day',
			'i want to run away'
		]
	};
	for (const [family, queries] of Object.entries(frames)) {
		it.each(queries)(`${family}: %s`, (query) => expect(classify(query)).toEqual(disclosure));
	}
});

describe('sentences that share the frames words stay allowed', () => {
	it.each([
		'im hungry can i have a snack',
		'im scared of spiders',
		'my dad is taking me to the cinema',
		'secret santa for my class',
		'how to keep a secret diary',
		'my brother wants to meet me at the park after football',
		'what to do if someone is mean to you online'
	])('%s', (query) => expect(classify(query)).toEqual({ verdict: 'allow', category: null }));
});

describe('every block category catches its everyday words', () => {
	const words: Record<string, string[]> = {
		pornography: ['pornhub', 'send nudes', 'rule 34 pics'],
		swearing: ['knobhead', 'stfu', 'bullshit'],
		discrimination: ['racist jokes', 'the n word'],
		'drugs-and-substance-abuse': ['where to get ketamine', 'elf bar flavours', 'magic mushrooms uk'],
		extremism: ['white pride', 'britain first rally'],
		violence: ['zombie knife', 'street fights'],
		gambling: ['free spins', 'football betting'],
		scams: ['free discord nitro', 'get rich quick'],
		'sharing-personal-information': ['my email is', 'whats ur number'],
		'malware-and-hacking': ['ip grabber', 'aimbot'],
		piracy: ['soap2day', 'mod apk'],
		'dangerous-challenges': ['cinnamon challenge', 'choking game'],
		'stranger-chat': ['omegle', 'talk to strangers', 'dating apps']
	};
	for (const [category, queries] of Object.entries(words)) {
		it.each(queries)(`${category}: %s`, (query) =>
			expect(classify(query)).toEqual({ verdict: 'block', category })
		);
	}
});

describe('the innocent questions the issue names never block', () => {
	it.each([
		'how can you tell the sex of a hamster',
		'how do i kill weeds on the patio',
		'what is sexting and why is it risky',
		'gun dog training',
		'cocktail sausages for a party',
		'scunthorpe weather'
	])('%s', (query) => expect(classify(query)).toEqual({ verdict: 'allow', category: null }));
});
