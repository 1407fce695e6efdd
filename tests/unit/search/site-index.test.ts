import { describe, expect, it } from 'vitest';
import { loadSafeSearchLists } from '../../../scripts/lib/safe-search-lists';
import { ageBandOf, siteDocuments } from '../../../src/lib/search/search-documents';
import { queryWords, SiteIndex, type IndexDocument } from '../../../src/lib/search/site-index';

interface Doc extends IndexDocument {
	readonly id: string;
}

const doc = (id: string, title: string, keywords: string[] = [], description = ''): Doc => ({
	id,
	title,
	keywords,
	description
});

const ids = (index: SiteIndex<Doc>, query: string) => index.search(query).map((hit) => hit.doc.id);

describe('the site index', () => {
	const index = new SiteIndex<Doc>([
		doc('desc', 'Nature Trail', ['walks'], 'Find out about dinosaurs on a walk'),
		doc('keyword', 'Fossil Club', ['dinosaurs', 'fossils']),
		doc('title', 'Dinosaurs for Everyone', ['prehistoric']),
		doc('elephants', 'Elephant Family', ['elephants', 'africa'], 'Big grey animals'),
		doc('space', 'Space Place', ['planets', 'rockets'], 'The moon and the stars'),
		doc('maths-games', 'Maths Games', ['maths', 'games'], 'Number games'),
		doc('games', 'Puzzle Games', ['games'], 'Jigsaws and puzzles')
	]);

	it('ranks a title match above a keyword match above a description match', () => {
		expect(ids(index, 'dinosaurs')).toEqual(['title', 'keyword', 'desc']);
	});

	it('ranks documents matching more of the query words first', () => {
		expect(ids(index, 'maths games')[0]).toBe('maths-games');
		expect(ids(index, 'maths games')).toContain('games');
	});

	it('finds word forms both ways ("dinosaur" finds "dinosaurs", "planet" finds "planets")', () => {
		expect(ids(index, 'dinosaur')[0]).toBe('title');
		expect(ids(index, 'planet')).toEqual(['space']);
	});

	it('reads the last letters a child has typed as the start of a word', () => {
		expect(ids(index, 'dino')[0]).toBe('title');
		expect(ids(index, 'eleph')).toEqual(['elephants']);
	});

	it('forgives one slip in words of five letters or more', () => {
		expect(ids(index, 'dinosuars')[0]).toBe('title'); // two letters swapped
		expect(ids(index, 'elefants')).toEqual([]); // two slips: not forgiven
		expect(ids(index, 'elephnts')).toEqual(['elephants']); // a letter missed
		expect(ids(index, 'planetts')).toEqual(['space']); // a letter added
		expect(ids(index, 'rockex')).toEqual(['space']); // a letter changed
	});

	it('does not forgive slips in short words, which have too many neighbours', () => {
		expect(ids(index, 'mone')).toEqual([]); // not "moon"
	});

	it('ranks an exact word above a slip', () => {
		const both = new SiteIndex<Doc>([doc('slip', 'Plants'), doc('exact', 'Planet')]);
		expect(ids(both, 'planet')).toEqual(['exact', 'slip']);
	});

	it('ignores accents, capitals and fancy letters', () => {
		expect(ids(index, 'DÍNOSAURS')[0]).toBe('title');
		expect(ids(index, 'ｓｐａｃｅ')).toEqual(['space']);
	});

	it('leaves out words that carry no meaning, unless nothing else is left', () => {
		expect(queryWords('games for kids please')).toEqual(['games', 'kids']);
		expect(queryWords('what is it')).toEqual(['what', 'is', 'it']);
		expect(ids(index, 'show me the dinosaurs')[0]).toBe('title');
	});

	it('finds nothing for an empty or meaningless query', () => {
		expect(index.search('')).toEqual([]);
		expect(index.search('   !!! ')).toEqual([]);
		expect(index.search('zzzzqqq')).toEqual([]);
	});

	it('keeps the list order for equal scores, and honours the limit', () => {
		const same = new SiteIndex<Doc>([doc('a', 'Games'), doc('b', 'Games'), doc('c', 'Games')]);
		expect(ids(same, 'games')).toEqual(['a', 'b', 'c']);
		expect(same.search('games', 2).map((h) => h.doc.id)).toEqual(['a', 'b']);
	});
});

describe('the shipped list, searched as a Year 1 tablet would', () => {
	const lists = loadSafeSearchLists();
	const index = new SiteIndex(siteDocuments(lists.sites, ageBandOf('Year 1')));

	it('offers infant classes only sites for ages 4-7, and juniors only 7-11', () => {
		expect(index.size).toBe(lists.sites.filter((s) => s.ages.includes('4-7')).length);
		expect(ageBandOf('Reception')).toBe('4-7');
		expect(ageBandOf('Year 4')).toBe('7-11');
		expect(ageBandOf('Mixed')).toBeNull();
	});

	it('finds something for every picture topic', () => {
		for (const topic of lists.topics) {
			expect(index.search(topic.query).length, topic.id).toBeGreaterThan(0);
		}
	});

	it('finds phonics sites with a typo', () => {
		const titles = index.search('phonix').map((h) => h.doc.title);
		expect(titles.length).toBeGreaterThan(0);
	});
});

describe('speed sanity (no timing asserts: budgets live in npm run bench)', () => {
	it('builds over 10,000 entries and answers a thousand varied queries', () => {
		const words = Array.from({ length: 3000 }, (_, i) => `w${(i * 7919).toString(36)}x`);
		const pick = (n: number) => words[n % words.length] ?? '';
		const docs = Array.from({ length: 10_000 }, (_, i) =>
			doc(
				String(i),
				`${pick(i)} ${pick(i * 3)}`,
				[pick(i * 5), pick(i * 11)],
				`${pick(i * 13)} ${pick(i * 17)}`
			)
		);
		const index = new SiteIndex(docs);
		expect(index.size).toBe(10_000);
		let found = 0;
		for (let i = 0; i < 1000; i++) found += index.search(`${pick(i * 31)} ${pick(i).slice(0, 4)}`).length;
		expect(found).toBeGreaterThan(1000);
	});
});
