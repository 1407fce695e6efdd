/**
 * Searches that must reach a grown-up (alert), scams and personal information (block), and
 * how the classifier decides between categories and what it reveals.
 */
import { describe, expect, it } from 'vitest';
import { classify, compileClassifier, compileExplainer } from '$lib/search/classify';
import type { SafeSearchLists } from '$lib/search/lists-schema';
import { loadSafeSearchLists } from '../../../scripts/lib/safe-search-lists';

const lists = loadSafeSearchLists();
const classifier = compileClassifier(lists);
const alert = (category: string) => ({ verdict: 'alert', category });
const block = (category: string) => ({ verdict: 'block', category });

describe('disclosures of harm raise an alert', () => {
	it.each([
		'someone is hurting me',
		'my uncle touches me',
		'my step dad hits me',
		'mummy hit me',
		'a man touched me',
		'he touched my privates',
		'she touched my bottom',
		'someone touched my willy',
		'dont tell my mum',
		"don't tell my mum",
		'he said dont tell anyone',
		'its our secret',
		'a stranger wants to meet me',
		'someone online wants to meet me',
		'asked me to take my clothes off',
		'im being bullied',
		'i am being bullied at school',
		'i dont feel safe at home',
		'my dad locked me in',
		'raped',
		'abuse',
		// Seventh pass: hands where they should not be, being told not to tell.
		'grandpa puts his hand up my skirt when we watch telly',
		'he made me touch his thing',
		'my online friend says i shouldnt tell my parents we talk'
	])('%s', (query) => {
		expect(classifier(query)).toEqual(alert('disclosure'));
	});

	it.each([
		['someoneishurtingme', 'run together'],
		['s o m e o n e is hurting me', 'spelled out'],
		['somone is hurtin me', 'misspelt'],
		['my uncel touches me', 'misspelt name'],
		['SOMEONE IS HURTING ME!!!', 'shouted'],
		['d0nt t3ll my mum', 'leetspeak'],
		['donttellmymum', 'run together']
	])('%s (%s)', (query) => {
		expect(classifier(query)).toEqual(alert('disclosure'));
	});
});

describe('self-harm raises an alert', () => {
	it.each([
		'i want to die',
		'iwanttodie',
		'i wanna die',
		'i want 2 die',
		'i want to d1e',
		'how to kill myself',
		'kil myself',
		'k1ll mys3lf',
		'suicide',
		'sucide',
		'suiside',
		'suicdie',
		'self harm',
		'self-harm',
		'i hate myself',
		'nobody loves me',
		'unalive myself',
		'how to stop eating',
		// Third pass: text-speak, and asking how other people do it.
		'gonna kms tonight',
		'how do people kill themselves',
		'what is the easiest way to end your life',
		// Seventh pass: not wanting to live, and how-to for their own body.
		'i dont want to live anymore',
		'i dont want to wake up tomorrow',
		'everyone would be happier without me',
		'i wish i could disappear',
		'how to hide my cuts for pe',
		'how to make myself bleed',
		'how to starve myself',
		'how long to suffocate myself'
	])('%s', (query) => {
		expect(classifier(query)).toEqual(alert('self-harm'));
	});
});

describe('a cry for help typed in a home language raises an alert (written with or without accents)', () => {
	it.each([
		['dw i eisiau marw', 'self-harm'],
		['dwi isio marw', 'self-harm'],
		['chcę umrzeć', 'self-harm'],
		['nienawidzę siebie', 'self-harm'],
		['mujhe marna hai', 'alert'],
		['vreau să mor', 'self-harm'],
		['quero morrer', 'self-harm'],
		['noriu mirti', 'self-harm'],
		['mam yn taro fi', 'disclosure'],
		['tata mnie bije', 'disclosure'],
		['tata mă bate', 'disclosure'],
		['ami morte chai', 'self-harm'],
		['mi padre me pega', 'disclosure']
	])('%s', (query, category) => {
		const got = classifier(query);
		expect(got.verdict).toBe('alert');
		if (category !== 'alert') expect(got.category).toBe(category);
	});

	it.each([
		'mae mamgu wedi marw', // gran has died: grief, allowed
		'ma bate gandul sa merg la mare', // Romanian "I am thinking of going to the seaside"
		'serce mi bije szybko', // Polish "my heart beats fast"
		'welsh words for family'
	])('but not everyday words in those languages: %s', (query) => {
		expect(classifier(query)).toEqual({ verdict: 'allow', category: null });
	});
});

describe('scams aimed at children are blocked', () => {
	it.each([
		'free robux',
		'FREE ROBUX generator',
		'free vbucks',
		'free v-bucks',
		'free v bucks now',
		'robux generator',
		'free minecoins',
		'claim your prize',
		'you won a prize'
	])('%s', (query) => {
		expect(classifier(query)).toEqual(block('scams'));
	});
});

describe('personal information is blocked', () => {
	it.each([
		'what is your address',
		'whats your phone number',
		'where do you live',
		'my password is bananas',
		'my phone number is 07700 900123',
		'07700900123',
		'+44 7700 900123',
		'call 0117 496 0123',
		'020 7946 0123',
		'my email is sam@example.com',
		'sw1a 1aa',
		'i live at 10 high street, M1 1AE',
		'cf10 1ep',
		// A parent's card number copied off the card: the rules catch it, not only the model.
		'4111 1111 1111 1111',
		'4111-1111-1111-1111',
		'my mums card number is 5500000000000004',
		// A home address: a house number or whose home it is, before a street.
		'who lives at 22 chapel street',
		'i live on beech grove near the metro',
		'my house is the blue one on trelowen lane',
		'my nan lives on 5 maple close'
	])('%s', (query) => {
		expect(classifier(query)).toEqual(block('sharing-personal-information'));
	});

	it.each(['1234 5678 9012 3456', '2026 2027 2028 2029 2030', '123456789 x 987654321'])(
		'but not digits that are no card number: %s',
		(query) => {
			expect(classifier(query)).toEqual({ verdict: 'allow', category: null });
		}
	);

	it.each([
		'who lives at 10 downing street',
		'4 privet drive harry potter',
		'the great fire of london started on pudding lane',
		'do you know the muffin man who lives on drury lane',
		'mario kart 8 shortcuts rainbow road',
		'we live on a busy road',
		'my house is really close to school',
		'we live an hour drive from the beach'
	])('but not a famous street or a description: %s', (query) => {
		expect(classifier(query)).toEqual({ verdict: 'allow', category: null });
	});
});

describe('choosing between categories', () => {
	it('an alert beats a block: "kill myself" is self-harm, not violence', () => {
		expect(classifier('kill myself')).toEqual(alert('self-harm'));
	});

	it('an alert beats a block in the same query', () => {
		expect(classifier('free robux someone is hurting me')).toEqual(alert('disclosure'));
	});

	it('among blocks, the category listed first in terms.yaml wins', () => {
		// "kill all jews" matches discrimination (a phrase) and violence (the word "kill").
		expect(classifier('kill all jews')).toEqual(block('discrimination'));
		const reordered: SafeSearchLists = {
			...lists,
			terms: {
				...lists.terms,
				categories: [...lists.terms.categories].sort((a) => (a.id === 'violence' ? -1 : 0))
			}
		};
		expect(compileClassifier(reordered)('kill all jews')).toEqual(block('violence'));
	});
});

describe('what the child-facing classifier reveals', () => {
	it('returns only the verdict and the category, never the matched words', () => {
		const result = classifier('watch p0rn');
		expect(Object.keys(result).sort()).toEqual(['category', 'verdict']);
		expect(result).toEqual(block('pornography'));
	});

	it('classify() compiles once per lists object and gives the same answers', () => {
		expect(classify('free robux', lists)).toEqual(block('scams'));
		expect(classify('dinosaurs', lists)).toEqual({ verdict: 'allow', category: null });
	});

	it('staff tooling can see which entry matched, how, and what excused it', () => {
		const explain = compileExplainer(lists);
		expect(explain('watchporn').matched).toContainEqual({
			category: 'pornography',
			entry: 'porn',
			how: 'part of a word',
			excusedBy: null
		});
		const scunthorpe = explain('scunthorpe');
		expect(scunthorpe.verdict).toBe('allow');
		expect(scunthorpe.matched).toContainEqual(expect.objectContaining({ excusedBy: 'scunthorpe' }));
	});
});

describe('speed', () => {
	it('classifies thousands of queries a second once compiled', () => {
		const queries = ['dinosaurs for kids', 'free r0bux', 'someoneishurtingme', 'how do volcanoes work'];
		const count = 4000;
		const started = performance.now();
		for (let i = 0; i < count; i++) classifier(`${queries[i % queries.length]} ${i}`);
		const perSecond = count / ((performance.now() - started) / 1000);
		expect(perSecond).toBeGreaterThan(2000);
	});

	it('copes with a pasted wall of text in time proportional to its length', () => {
		for (const wall of ['x'.repeat(20_000), 'a*b1c '.repeat(2_000), '0 1 2 3 4 5 6 7 8 9 '.repeat(1_000)]) {
			const started = performance.now();
			classifier(wall);
			expect(performance.now() - started).toBeLessThan(3_000);
		}
	});
});
