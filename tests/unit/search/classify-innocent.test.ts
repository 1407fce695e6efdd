/**
 * Innocent searches children really make must run. Most contain a blocked word's letters, a
 * blocked word's near neighbour, or a blocked word used in an innocent sense.
 */
import { describe, expect, it } from 'vitest';
import { compileClassifier } from '$lib/search/classify';
import { loadCorpus, TRAINING_DIR } from '../../../scripts/lib/safe-search-corpus';
import { loadSafeSearchLists } from '../../../scripts/lib/safe-search-lists';

const lists = loadSafeSearchLists();
const classify = compileClassifier(lists);
const ALLOW = { verdict: 'allow', category: null };

const innocent: Record<string, string[]> = {
	'place names': [
		'scunthorpe',
		'scunthorpe united',
		'essex',
		'sussex',
		'middlesex',
		'wessex',
		'penistone',
		'clitheroe',
		'cockermouth',
		'shitterton',
		'twatt orkney',
		'lake titicaca',
		'pakistan',
		'niger river',
		'nigeria flag',
		'hackney carriage',
		'cumbria'
	],
	'animals and plants': [
		'blue tits',
		'great tit nest',
		'coal tit',
		'long-tailed tit',
		'killer whale',
		'killer whales hunting',
		'sperm whale',
		'bamboo shoot',
		'booby bird',
		'blue-footed booby',
		'titmouse',
		'shag bird',
		'woodcock',
		'cockerel',
		'cockatoo',
		'peacock feathers',
		'cocker spaniel',
		'naked mole rat',
		'pussy willow',
		'murder of crows',
		'killer bee',
		'assassin bug',
		'shiitake mushrooms',
		'cucumber',
		'grapes',
		'grapefruit',
		'rapeseed fields',
		'fuchsia flowers',
		'bullocks on a farm',
		'nudibranch',
		'exotic animals',
		'where do penguins live',
		'birch tree',
		'weeds in the garden',
		'seaweed',
		'torrent of water',
		'gorilla',
		'gorge'
	],
	'stories, songs and rhymes': [
		'the owl and the pussy-cat',
		'pussy cat pussy cat where have you been',
		'ding dong bell pussy in the well',
		'i love little pussy',
		'who killed cock robin',
		'charles dickens',
		'dick whittington',
		'moby dick',
		'hello kitty',
		'she sells sea shells',
		'the emperor is naked',
		'superheroes',
		'heroine',
		'heroic knights',
		'pirates of the caribbean',
		'home alone'
	],
	'games (third pass: what a child defeats in a game is not a person)': [
		'how to kill a creeper without it blowing up',
		'fortnite how to get more kills',
		'how to kill endermen fast',
		'spice girls songs'
	],
	'language homework, safety advice and idioms (fourth pass)': [
		// Each was blocked by a rule before the exceptions of issue 12's fourth pass.
		'how do you say where do you live in welsh',
		'how to say my phone number is in spanish',
		'should i learn my dads phone number off by heart',
		'how to share my location with my parents on find my',
		'what should i do if a stranger messages me on a game',
		'how do i report abuse on youtube',
		'my legs are killing me after cross country',
		'you absolutely killed it in the school play',
		'dressed to kill meaning',
		'take a stab at the answer',
		'lamb shank hotpot',
		'set fire to the rain lyrics',
		// Everyday words a listed word hid inside (a dictionary run through the rules found them).
		'i got a smartwatch for christmas',
		'how to make wrapped presents look neat',
		'help im trapped in the nether',
		'when will the flood water subside',
		'thorny devil lizard facts',
		'knitted snoods for winter'
	],
	'scam questions, RSE, maths and history (fifth pass)': [
		// Each was blocked or alerted by a rule before the exceptions of issue 12's fifth pass.
		'is free robux real or fake',
		'are free vbucks sites a scam',
		'what do we learn in sex education year 6',
		'sex ed lesson tomorrow',
		'relationships and sex education letter for parents',
		'the sex pistols',
		'gambling in maths probability dice',
		'the peterloo massacre 1819',
		'amritsar massacre homework',
		'why is the field yellow oilseed rape',
		'shitzu puppies',
		'ur killin it',
		'i want to die my hair pink for red nose day',
		'what is the n word and why is it bad'
	],
	'school and everyday words': [
		// Each was blocked or alerted by a rule before the exceptions of issue 12's second pass.
		'how to kick a ball further',
		'breaststroke kick drills',
		'how do painkillers work',
		'how to die my hair pink',
		'how to die easter eggs',
		'rape seed fields',
		'peppa pig games',
		'suicide squad age rating',
		'stab stitch sewing',
		'twatt shetland',
		'class assembly',
		'pass the parcel',
		'bass guitar',
		'compass',
		'analysis',
		'canal boats',
		'cumulus clouds',
		'arsenal football club',
		'therapist',
		'skills for life',
		'skilful footballers',
		'skyscraper',
		'scraped knee',
		'draped curtains',
		'title page',
		'titanic',
		'sextant',
		'the sexton beetle',
		'torpedo',
		'pedometer',
		'encyclopaedia',
		'racism',
		'what is racist',
		'killer sudoku',
		'weed killer',
		'swanky shoes',
		'sniggered',
		'stable for horses',
		'stabilisers on my bike',
		'spicy food',
		'butter',
		'button',
		'as big as a bus',
		'casing',
		'batting in cricket',
		'wander',
		'whole numbers',
		'torment',
		'i bet you cant',
		'crackers',
		'life hacks',
		'hacking cough',
		'space shuttle',
		'shooting stars',
		'photo shoot',
		'how do footballers shoot',
		'wwf-uk',
		'liverpool fc',
		'chelsea fc'
	],
	'the body, in a science sense': [
		'dinosaur bones',
		'the human skeleton',
		'how do hearts work',
		'bottom of the sea',
		'why do we have bottoms',
		'body parts',
		'correct names for private parts',
		'penis',
		'vagina',
		'what medicine helps a cold',
		'say no to drugs',
		'why do people take drugs',
		'touch my toes',
		'i touched my funny bone',
		'i hurt my knee'
	],
	'things children say that sound worrying but are not': [
		'i want to dye my hair',
		'how to dye eggs',
		'i want to dig a hole',
		'how to dive',
		'my brother beats me at chess',
		'what to say when you hurt someone',
		'i dont want to go to bed',
		'make a bath bomb',
		'free colouring pages',
		'free games for kids',
		'robux',
		'roblox',
		'minecraft'
	],
	'numbers, dates and years': [
		'year 2 maths',
		'5th birthday',
		'1980s toys',
		'7-11 year olds',
		'covid-19',
		'3d shapes',
		'top 10 dinosaurs',
		'co2',
		'year 1 2nd term',
		'ks1 2nd',
		'm25 motorway',
		'counting 0 1 2 3 4 5 6 7 8 9',
		'01.02.2026',
		'999 emergency'
	]
};

describe.each(Object.entries(innocent))('allows %s', (_group, queries) => {
	it.each(queries)('%s', (query) => {
		expect(classify(query)).toEqual(ALLOW);
	});
});

describe('the lists themselves', () => {
	it.each([...lists.exceptions.words, ...lists.exceptions.phrases])(
		'allows the exception "%s"',
		(exception) => {
			expect(classify(exception)).toEqual(ALLOW);
		}
	);

	it('allows every topic button and every site keyword', () => {
		const searches = [...lists.topics.map((t) => t.query), ...lists.sites.flatMap((s) => s.keywords)];
		const blocked = searches.filter((query) => classify(query).verdict !== 'allow');
		expect(blocked).toEqual([]);
	});

	// Thousands of innocent lines by many authors (content/safe-search/training/): a new list entry
	// that catches an ordinary search fails here, whatever the model would have made of it.
	const training = loadCorpus(TRAINING_DIR, true);
	const rulesBlock = (label: string) =>
		training.filter((q) => q.label.id === label).filter((q) => classify(q.query).verdict !== 'allow');

	it('lets every ordinary search in the training lines through on the rules alone', () => {
		expect(rulesBlock('allow').map((q) => `${q.query} (${q.source})`)).toEqual([]);
	});

	it('blocks at most 6 % of the innocent look-alikes in the training lines on the rules alone (5.0 % today)', () => {
		const traps = training.filter((q) => q.label.id === 'allow-traps');
		// The model overrules most of the rest ("my feet are killing me"); see classify-eval.
		expect(rulesBlock('allow-traps').length / traps.length).toBeLessThanOrEqual(0.06);
	});

	it('allows an empty or blank query', () => {
		expect(classify('')).toEqual(ALLOW);
		expect(classify('   \t ')).toEqual(ALLOW);
		expect(classify('\u200B\u200B')).toEqual(ALLOW);
	});
});

describe('exceptions never excuse the unsafe search beside them', () => {
	it.each([
		['free robux generator no verification', 'scams'],
		['sex education naked scenes', 'pornography'],
		['i want to die', 'self-harm'],
		['the n word', 'discrimination']
	])('%s', (query, category) => {
		expect(classify(query).category).toBe(category);
	});
});
