/**
 * Plays every game at every level to its end without a canvas, trying every wrong target for
 * every item first: each wrong move must give a gentle spoken hint and another try.
 */
import { describe, expect, it } from 'vitest';
import { GAMES } from '../../../src/lib/games/catalogue';
import { GAME_IDS, LEVELS, levelForYearGroup, type GameRules } from '../../../src/lib/games/types';
import { KindWords } from '../../../src/lib/games/kind-words/rules';

const SHAMING = /\b(wrong|bad|fail|failed|lose|lost|silly you|no!|naughty|stupid)\b/iu;

/** Plays to the end; returns every hint heard and the items placed. */
function playThrough(make: () => GameRules) {
	const game = make();
	// A second copy finds each item's right target without spoiling the first one's wrong tries.
	const probe = make();
	const heard: string[] = [];
	const placed: string[] = [];
	let guard = 0;
	while (!game.done) {
		if (guard++ > 100) throw new Error('the game did not finish');
		const view = game.view();
		expect(view.instruction.length).toBeGreaterThan(10);
		const item = view.items[0]!;
		expect(item).toBeDefined();
		let answer = '';
		for (const t of probe.view().targets) {
			if (probe.move(item.id, t.id).kind === 'right') {
				answer = t.id;
				break;
			}
		}
		expect(answer, `${view.game} ${item.id} has a right target`).not.toBe('');
		for (const t of view.targets.filter((t) => t.id !== answer)) {
			const before = game.hints;
			const r = game.move(item.id, t.id);
			expect(r.kind, `${view.game}/${view.level}: ${item.id} → ${t.id}`).toBe('hint');
			if (r.kind !== 'hint') continue;
			expect(r.say.length).toBeGreaterThan(10);
			expect(r.say).not.toMatch(SHAMING);
			expect(game.hints).toBe(before + 1);
			// The item is still there for another try.
			expect(game.view().items.some((i) => i.id === item.id)).toBe(true);
			heard.push(r.say);
		}
		const r = game.move(item.id, answer);
		expect(r.kind).toBe('right');
		if (r.kind === 'right') expect(r.say).not.toMatch(SHAMING);
		placed.push(item.id);
	}
	expect(game.view().done).toBe(true);
	expect(game.view().items).toEqual([]);
	expect(game.finale.length).toBeGreaterThan(10);
	return { game, heard, placed };
}

describe.each(GAME_IDS)('%s', (id) => {
	it.each(LEVELS)('plays to the end at %s, with a hint for every wrong move', (level) => {
		const { game, heard, placed } = playThrough(() => GAMES[id].rules(level));
		expect(game.hints).toBe(heard.length);
		expect(heard.length).toBeGreaterThan(0);
		expect(new Set(placed).size).toBeGreaterThan(1);
	});

	it('shows written words from Year 1, pictures only in Reception', () => {
		expect(GAMES[id].rules('reception').view().words).toBe(false);
		expect(GAMES[id].rules('year-1').view().words).toBe(true);
	});

	it('ignores moves that are not in play (no hint counted)', () => {
		const g = GAMES[id].rules('year-1');
		expect(g.move('not-an-item', g.view().targets[0]!.id)).toEqual({ kind: 'ignored' });
		expect(g.move(g.view().items[0]!.id, 'not-a-target')).toEqual({ kind: 'ignored' });
		expect(g.hints).toBe(0);
	});
});

describe('levels', () => {
	it('Keep it secret: 4 pictures in Reception, 8 in Year 2 with some "ask a grown-up first"', () => {
		const r = GAMES['keep-it-secret'].rules('reception').view();
		expect(r.items).toHaveLength(4);
		expect(r.targets.map((t) => t.id)).toEqual(['share', 'private']);
		const y2 = GAMES['keep-it-secret'].rules('year-2');
		expect(y2.view().items).toHaveLength(8);
		expect(y2.view().targets.map((t) => t.id)).toEqual(['share', 'private', 'ask']);
		// The photo of you needs a grown-up first.
		expect(y2.move('photo', 'ask').kind).toBe('right');
		expect(y2.move('drawing', 'ask').kind).toBe('right');
	});

	it('Real or pretend shows one picture at a time; Year 2 adds "not sure – ask a grown-up"', () => {
		const g = GAMES['real-or-pretend'].rules('year-2');
		expect(g.view().items).toHaveLength(1);
		expect(g.view().oneAtATime).toBe(true);
		expect(g.view().targets.map((t) => t.id)).toEqual(['real', 'pretend', 'ask']);
		expect(GAMES['real-or-pretend'].rules('reception').view().targets).toHaveLength(2);
	});

	it('Kind words: the friend’s face goes from sad to happy as kind words arrive', () => {
		const g = new KindWords('reception');
		const face = () => g.view().targets.find((t) => t.id === 'send')!.picture;
		expect(face()).toBe('people/sam-sad');
		expect(g.move('go-away', 'send').kind).toBe('hint');
		expect(face()).toBe('people/sam-sad');
		g.move('play', 'send');
		expect(face()).toBe('people/sam-thinking');
		g.move('go-away', 'block');
		g.move('friend', 'send');
		expect(face()).toBe('people/sam-happy');
		g.move('silly', 'block');
		expect(g.done).toBe(true);
	});

	it('Spot it and tell ends with the real Tell a grown-up button, after the click-yes trap', () => {
		for (const level of LEVELS) {
			const g = GAMES['spot-it-and-tell'].rules(level);
			const last = playThrough(() => GAMES['spot-it-and-tell'].rules(level));
			expect(last.placed.at(-1)).toBe('scary');
			expect(last.placed).toContain('prize');
			const rounds = g.view().rounds;
			expect(rounds).toBe(level === 'year-2' ? 4 : 3);
		}
		const g = GAMES['spot-it-and-tell'].rules('reception');
		for (const i of g.view().items) g.move(i.id, 'toy-box');
		expect(g.move('prize', 'yes')).toMatchObject({ kind: 'hint', say: expect.stringMatching(/close it/u) });
		g.move('prize', 'close');
		const tell = g.view().targets.find((t) => t.id === 'tell');
		expect(tell?.outside).toBe('tell-button');
		expect(g.move('scary', 'tell')).toMatchObject({ kind: 'right', done: true });
	});

	it('the class year group picks the level', () => {
		expect(levelForYearGroup('Reception')).toBe('reception');
		expect(levelForYearGroup('Year 1')).toBe('year-1');
		expect(levelForYearGroup('Year 2')).toBe('year-2');
		expect(levelForYearGroup('Y2')).toBe('year-2');
		expect(levelForYearGroup('Nursery')).toBe('reception');
	});
});

describe('a lesson chooses the items (lesson.yaml `items:`)', () => {
	it('plays exactly the chosen items, in the lesson’s order, at every level of every game', () => {
		for (const id of GAME_IDS)
			for (const level of LEVELS) {
				const { choosable } = GAMES[id].items(level);
				expect(choosable.length, `${id} ${level}`).toBeGreaterThan(1);
				// Every choosable item, in reverse order: each is playable, with a hint for every wrong place.
				const chosen = [...choosable].reverse();
				const { placed } = playThrough(() => GAMES[id].rules(level, chosen));
				if (id === 'spot-it-and-tell') expect(placed.filter((p) => chosen.includes(p))).toEqual(chosen);
				else expect(placed).toEqual(chosen);
			}
	});

	it('Keep it secret in Reception with two things: only those two float by', () => {
		const game = GAMES['keep-it-secret'].rules('reception', ['birthday', 'pet']);
		expect(game.view().items.map((i) => i.name)).toEqual(['Your birthday', 'A picture of your pet']);
	});

	it('refuses a choice the level cannot play, saying what it can', () => {
		// "A photo of you" belongs in "ask a grown-up first", which only Year 2 has.
		expect(() => GAMES['keep-it-secret'].rules('reception', ['photo', 'colour'])).toThrow(
			/unknown item “photo”; at this level choose from: .*colour/u
		);
		expect(() => GAMES['kind-words'].rules('year-1', ['play'])).toThrow(/at least 2/u);
		expect(() => GAMES['real-or-pretend'].rules('year-1', ['cat', 'cat'])).toThrow(/once/u);
		// Without a choice, the level's own set.
		expect(GAMES['keep-it-secret'].rules('reception', []).view().items).toHaveLength(4);
	});
});
