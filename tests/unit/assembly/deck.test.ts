/**
 * How the keys move an assembly: the same plain functions run in the big screen's window and
 * the presenter's, so the hall's story follows the branch picked and ← retraces it.
 */
import { describe, expect, it } from 'vitest';
import { compileLessons } from '../../../tooling/compile-lessons';
import { compileAssemblies } from '../../../tooling/compile-assemblies';
import {
	apply,
	elapsed,
	keyAction,
	startState,
	type DeckCommand,
	type DeckState
} from '../../../src/lib/assembly/deck';

const root = process.cwd();
const deck = compileAssemblies(root, compileLessons(root)).assemblies.find(
	(a) => a.id === 'hands-still-screen-down'
)!;
const run = (s: DeckState, ...cmds: DeckCommand[]) =>
	cmds.reduce((acc, c, i) => apply(deck, acc, c, 1000 + i), s);
const id = (s: DeckState) => deck.slides[s.index]!.id;
const choiceAt = deck.slides.findIndex((sl) => sl.kind === 'choice');
const nexts = (n: number): DeckCommand[] => Array.from({ length: n }, () => ({ do: 'next' }));

describe('moving through an assembly', () => {
	it('follows the picked branch to where the story meets again, and ← retraces it', () => {
		let s = run(startState(0), ...nexts(choiceAt));
		expect(id(s)).toBe('what-should-sam-do');
		s = run(s, { do: 'choose', choice: 1 });
		expect(id(s)).toBe('sam-stops');
		s = run(s, ...nexts(2));
		expect(id(s)).toBe('know-and-dont-know');
		s = run(s, { do: 'prev' }, { do: 'prev' });
		expect(id(s)).toBe('sam-stops');
		s = run(s, { do: 'prev' });
		expect(id(s)).toBe('what-should-sam-do');
	});

	it('stops at the ends, jumps by number, and a choice only on a choice slide', () => {
		let s = run(startState(0), { do: 'prev' });
		expect(s.index).toBe(0);
		s = run(s, { do: 'last' }, { do: 'next' });
		expect(id(s)).toBe('goodbye');
		s = run(s, { do: 'go', number: 3 });
		expect(s.index).toBe(2);
		expect(run(s, { do: 'go', number: 99 }).index).toBe(2);
		expect(run(s, { do: 'choose', choice: 0 }).index).toBe(2);
		expect(run(s, { do: 'first' })).toMatchObject({ index: 0, trail: [] });
		// After a jump, ← is the slide before in the story, not the way the jump came.
		expect(run(s, { do: 'last' }, { do: 'prev' }).index).toBe(deck.slides.length - 2);
	});

	it('blacks out and back; a move stops the narration', () => {
		let s = run(startState(0), { do: 'blank' });
		expect(s.blank).toBe(true);
		s = run(s, { do: 'blank' }, { do: 'narrate', on: true });
		expect(s).toMatchObject({ blank: false, narrating: true });
		expect(run(s, { do: 'next' }).narrating).toBe(false);
	});

	it('maps clicker and keyboard keys; digits pick on a choice slide and jump elsewhere', () => {
		const none = { ctrl: false, alt: false, meta: false };
		expect(keyAction('PageDown', none, 0, false)).toEqual({ action: 'command', command: { do: 'next' } });
		expect(keyAction('PageUp', none, 0, false)).toEqual({ action: 'command', command: { do: 'prev' } });
		expect(keyAction('.', none, 0, false)).toEqual({ action: 'command', command: { do: 'blank' } });
		expect(keyAction('2', none, 2, false)).toEqual({
			action: 'command',
			command: { do: 'choose', choice: 1 }
		});
		expect(keyAction('2', none, 0, false)).toEqual({ action: 'digit', digit: '2' });
		expect(keyAction('Enter', none, 0, true)).toEqual({ action: 'jump' });
		expect(keyAction('ArrowRight', { ...none, ctrl: true }, 0, false)).toBeNull();
		expect(elapsed(725_000)).toBe('12:05');
	});
});
