/**
 * The list checker: the shipped lists are valid and complete, and a broken list produces a
 * message naming the file, the line and what to fix.
 */
import { describe, expect, it } from 'vitest';
import {
	AGE_BANDS,
	LIST_FILES,
	parseSafeSearchLists,
	SafeSearchListsError,
	type ListTexts
} from '$lib/search/lists-schema';
import { allowlistUrlProblem } from '$lib/search/url-guard';
import { loadSafeSearchLists } from '../../../scripts/lib/safe-search-lists';

describe('the shipped lists', () => {
	const lists = loadSafeSearchLists();

	it('list at least 80 sites, including the required ones', () => {
		expect(lists.sites.length).toBeGreaterThanOrEqual(80);
		const urls = lists.sites.map((site) => site.url);
		expect(urls).toEqual(
			expect.arrayContaining([
				'https://www.bbc.co.uk/cbeebies/',
				'https://spaceplace.nasa.gov/',
				'https://www.natgeokids.com/uk/',
				'https://www.thinkuknow.co.uk/4_7/'
			])
		);
	});

	it('write every site url in its plain https form, and describe every site', () => {
		for (const site of lists.sites) {
			expect(allowlistUrlProblem(site.url), site.url).toBeNull();
			expect(site.description.length, site.title).toBeLessThanOrEqual(160);
			expect(
				site.ages.every((age) => AGE_BANDS.includes(age)),
				site.title
			).toBe(true);
		}
	});

	it('have many sites for the youngest children', () => {
		expect(lists.sites.filter((site) => site.ages.includes('4-7')).length).toBeGreaterThanOrEqual(50);
	});

	it('offer the required picture topics, each finding at least one site', () => {
		expect(lists.topics.map((topic) => topic.id)).toEqual(
			expect.arrayContaining([
				'animals',
				'space',
				'dinosaurs',
				'weather',
				'sea',
				'bugs',
				'stories',
				'music',
				'shapes',
				'staying-safe-online'
			])
		);
		for (const topic of lists.topics) {
			const found = lists.sites.filter(
				(site) =>
					site.keywords.includes(topic.query) || (site.subjects as readonly string[]).includes(topic.query)
			);
			expect(found.length, topic.id).toBeGreaterThan(0);
			expect(topic.say.length, topic.id).toBeGreaterThan(0);
		}
	});

	it('have the UK filtering categories and the extra ones, each with the right action', () => {
		const actions = Object.fromEntries(lists.terms.categories.map((c) => [c.id, c.action]));
		expect(actions).toMatchObject({
			disclosure: 'alert',
			'self-harm': 'alert',
			discrimination: 'block',
			'drugs-and-substance-abuse': 'block',
			extremism: 'block',
			gambling: 'block',
			'malware-and-hacking': 'block',
			pornography: 'block',
			piracy: 'block',
			violence: 'block',
			'sharing-personal-information': 'block',
			scams: 'block'
		});
	});
});

// ---------------------------------------------------------------------------------------------
// Small valid files; each test breaks one thing.

const SITES = `topics:
  - id: animals
    label: Animals
    picture: 🐾
    say: Animals
    query: animals
sites:
  - url: https://www.bbc.co.uk/cbeebies/
    title: CBeebies
    description: Games and songs.
    keywords: [games, songs]
    ages: [4-7]
    subjects: [games]
    embeddable: false
    reviewed_by: Harbour starter list
    reviewed_on: 2026-11-22
  - url: https://www.bbc.co.uk/bitesize/
    title: BBC Bitesize
    description: Help with school subjects.
    keywords: [homework, animals]
    ages: [4-7, 7-11]
    subjects: [maths, animals]
    embeddable: false
    reviewed_by: Harbour starter list
    reviewed_on: 2026-11-22
`;

const TERMS = `placeholders:
  who: [someone, my uncle]
categories:
  - id: disclosure
    action: alert
    label: Something worrying you
    misspellings: true
    phrases:
      - '{who} is hurting me'
  - id: violence
    action: block
    label: Violent things
    terms: [kill]
    whole_words: [stab]
`;

const EXCEPTIONS = `words:
  - skill
phrases:
  - killer whale
`;

const valid: ListTexts = { sites: SITES, terms: TERMS, exceptions: EXCEPTIONS };

function problemsWith(texts: Partial<ListTexts>): string {
	try {
		parseSafeSearchLists({ ...valid, ...texts });
	} catch (error) {
		expect(error).toBeInstanceOf(SafeSearchListsError);
		return (error as SafeSearchListsError).message;
	}
	throw new Error('the lists were accepted');
}

describe('parseSafeSearchLists', () => {
	it('accepts valid lists and fills in optional fields', () => {
		const lists = parseSafeSearchLists(valid);
		expect(lists.sites).toHaveLength(2);
		expect(lists.terms.categories[1]).toMatchObject({ id: 'violence', phrases: [], patterns: [] });
		expect(lists.exceptions).toEqual({ words: ['skill'], phrases: ['killer whale'] });
	});

	it('names the file, the line and the fix for a bad url (the example in the issue)', () => {
		const sites = SITES.replace('https://www.bbc.co.uk/bitesize/', 'http://www.bbc.co.uk/bitesize/');
		expect(problemsWith({ sites })).toBe(
			'content/safe-search/sites.yaml line 17: entry "BBC Bitesize" url must start with https:// — fix the url'
		);
	});

	it('uses the paths it is given in messages', () => {
		const paths = {
			sites: 'lists/sites.yaml',
			terms: 'lists/terms.yaml',
			exceptions: 'lists/exceptions.yaml'
		};
		const sites = SITES.replace('embeddable: false', 'embeddable: yes');
		expect(() => parseSafeSearchLists({ ...valid, sites }, paths)).toThrow(
			'lists/sites.yaml line 14: entry "CBeebies" embeddable must be true or false — when unsure, write false'
		);
		expect(LIST_FILES.sites).toBe('content/safe-search/sites.yaml');
	});

	it('reports YAML that cannot be read, with its line', () => {
		const terms = TERMS.replace('    label: Violent things', '    label: Violent: things: [');
		expect(problemsWith({ terms })).toMatch(
			/^content\/safe-search\/terms\.yaml line 1[12]: the YAML could not be read \(.+\) — check the indentation/u
		);
	});

	it.each([
		[
			'a missing field',
			SITES.replace('    title: CBeebies\n', ''),
			'sites.yaml line 8: entry "https://www.bbc.co.uk/cbeebies/" is missing title — add a "title:" line'
		],
		[
			'a misspelt field',
			SITES.replace('    keywords: [games, songs]', '    keywrods: [games, songs]'),
			'sites.yaml line 11: entry "CBeebies" has "keywrods" — fix the spelling to "keywords"'
		],
		[
			'an unknown age band',
			SITES.replace('    ages: [4-7]', '    ages: [4-8]'),
			'sites.yaml line 12: entry "CBeebies" ages (item 1) must be one of: 4-7, 7-11 — fix the spelling'
		],
		[
			'an impossible date',
			SITES.replace('reviewed_on: 2026-11-22', 'reviewed_on: 2026-13-01'),
			'sites.yaml line 16: entry "CBeebies" reviewed_on must be a real date written as YYYY-MM-DD, e.g. 2026-11-22 — fix the date'
		],
		[
			'a url that is not a path prefix',
			SITES.replace('https://www.bbc.co.uk/cbeebies/', 'https://www.bbc.co.uk/cbeebies'),
			'sites.yaml line 8: entry "CBeebies" url must end with / because it is a path prefix — fix the url'
		],
		[
			'the same url twice',
			SITES.replace('https://www.bbc.co.uk/bitesize/', 'https://www.bbc.co.uk/cbeebies/'),
			'sites.yaml line 17: url https://www.bbc.co.uk/cbeebies/ is already listed on line 8 — remove one of the two entries'
		],
		[
			'an empty keyword list',
			SITES.replace('keywords: [games, songs]', 'keywords: []'),
			'sites.yaml line 11: entry "CBeebies" keywords must list at least one keyword'
		],
		[
			'a topic query the terms would block',
			SITES.replace('query: animals', 'query: kill animals'),
			'sites.yaml line 6: topic "animals" query "kill animals" is blocked by the terms list (category violence) — change it, or add an innocent word to exceptions.yaml'
		]
	])('sites.yaml: %s', (_problem, sites, expected) => {
		expect(problemsWith({ sites })).toBe(`content/safe-search/${expected}`);
	});

	it.each([
		[
			'a term of two words',
			TERMS.replace('terms: [kill]', 'terms: [kill, shoot people]'),
			'terms.yaml line 13: term "shoot people" must be a single word — move it to phrases'
		],
		[
			'an unknown placeholder',
			TERMS.replace("'{who} is hurting me'", "'{whom} is hurting me'"),
			'terms.yaml line 9: phrase "{whom} is hurting me" uses {whom}, which is not under placeholders — add it there or fix the name'
		],
		[
			'a phrase too short to match safely',
			TERMS.replace("      - '{who} is hurting me'", "      - '{who} is hurting me'\n      - hi me"),
			'terms.yaml line 10: phrase "hi me" is too short to match safely — use at least 6 letters'
		],
		[
			'the same word in two categories',
			TERMS.replace('whole_words: [stab]', 'whole_words: [stab, kill]'),
			'terms.yaml line 14: term "kill" is already listed on line 13 — keep it in one category only'
		],
		[
			'an unknown action',
			TERMS.replace('action: block', 'action: warn'),
			'terms.yaml line 11: category "violence" action must be block or alert — alert also tells a grown-up'
		],
		[
			'a category with nothing to match',
			TERMS.replace('    terms: [kill]\n    whole_words: [stab]\n', ''),
			'terms.yaml line 10: category "violence" has nothing to match — add terms, whole_words, phrases or patterns'
		],
		[
			'an unknown pattern',
			TERMS.replace('    whole_words: [stab]', '    whole_words: [stab]\n    patterns: [postcode]'),
			'terms.yaml line 15: category "violence" patterns (item 1) must be one of: email-address, uk-phone-number, uk-postcode, payment-card-number, home-address — fix the spelling'
		]
	])('terms.yaml: %s', (_problem, terms, expected) => {
		expect(problemsWith({ terms })).toBe(`content/safe-search/${expected}`);
	});

	it('exceptions.yaml: an exception word of two words', () => {
		const exceptions = EXCEPTIONS.replace('  - skill', '  - skill\n  - blue tit');
		expect(problemsWith({ exceptions })).toBe(
			'content/safe-search/exceptions.yaml line 3: exception word "blue tit" must be a single word — move it to phrases'
		);
	});

	it('reports every problem in every file at once, one per line', () => {
		const message = problemsWith({
			sites: SITES.replace('embeddable: false', 'embeddable: maybe'),
			terms: TERMS.replace('action: alert', 'action: shout'),
			exceptions: 'words: skill\n'
		});
		const lines = message.split('\n');
		expect(lines).toHaveLength(3);
		expect(lines[0]).toMatch(/^content\/safe-search\/sites\.yaml line 14: /u);
		expect(lines[1]).toMatch(/^content\/safe-search\/terms\.yaml line 5: /u);
		expect(lines[2]).toMatch(/^content\/safe-search\/exceptions\.yaml line 1: words must be a list/u);
	});

	it('reports a field it does not know', () => {
		const sites = SITES.replace('    embeddable: false\n', '    embeddable: false\n    colour: blue\n');
		expect(problemsWith({ sites })).toBe(
			'content/safe-search/sites.yaml line 15: entry "CBeebies" has a field "colour" that is not known — check the spelling or remove it'
		);
	});

	it('reports an empty file as missing its lists', () => {
		expect(problemsWith({ sites: '' })).toBe(
			[
				'content/safe-search/sites.yaml line 1: the file is missing topics — add a "topics:" line',
				'content/safe-search/sites.yaml line 1: the file is missing sites — add a "sites:" line'
			].join('\n')
		);
	});
});
