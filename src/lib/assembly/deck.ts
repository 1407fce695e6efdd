/**
 * Where an assembly is up to, and how each key moves it: plain functions on a plain state, so
 * the big screen and the presenter's window (which share the state over BroadcastChannel) move
 * the same way, and tests can drive them without a browser.
 */
import type { CompiledAssembly } from './compiled';

export interface DeckState {
	/** The slide showing (an index into the assembly's slides). */
	index: number;
	/** The slides shown before, so ← retraces the branch the hall took. */
	trail: number[];
	/** The screen is blacked out. */
	blank: boolean;
	/** The narration is being spoken on the big screen. */
	narrating: boolean;
	/** When the presenter started (ms since 1970), for the elapsed time. */
	startedAt: number;
	/** When this state was made (ms): the newer of two windows' states wins. */
	at: number;
}

export type DeckCommand =
	| { do: 'next' }
	| { do: 'prev' }
	| { do: 'first' }
	| { do: 'last' }
	| { do: 'go'; number: number }
	| { do: 'choose'; choice: number }
	| { do: 'blank' }
	| { do: 'narrate'; on: boolean }
	| { do: 'restart-clock' };

export function startState(now: number): DeckState {
	return { index: 0, trail: [], blank: false, narrating: false, startedAt: now, at: 0 };
}

const TRAIL_MAX = 100;

/**
 * Moves on, remembering the way (for ←); a jump (End, a slide number) starts a new way, so ←
 * after it goes to the slide before in the story.
 */
function moveTo(s: DeckState, index: number, now: number, jump = false): DeckState {
	if (index === s.index) return { ...s, blank: false, at: now };
	return {
		...s,
		index,
		trail: jump ? [] : [...s.trail, s.index].slice(-TRAIL_MAX),
		blank: false,
		narrating: false,
		at: now
	};
}

/** The state after a command; the same state when the command does nothing here. */
export function apply(a: CompiledAssembly, s: DeckState, cmd: DeckCommand, now: number): DeckState {
	const slide = a.slides[s.index];
	if (!slide) return { ...startState(now), at: now };
	switch (cmd.do) {
		case 'next':
			return slide.next === null ? s : moveTo(s, slide.next, now);
		case 'prev': {
			if (s.trail.length) {
				const trail = s.trail.slice(0, -1);
				return { ...s, index: s.trail.at(-1)!, trail, blank: false, narrating: false, at: now };
			}
			return slide.prev === null ? s : { ...s, index: slide.prev, blank: false, narrating: false, at: now };
		}
		case 'first':
			return { ...s, index: 0, trail: [], blank: false, narrating: false, at: now };
		case 'last':
			return moveTo(s, a.slides.length - 1, now, true);
		case 'go':
			return Number.isInteger(cmd.number) && cmd.number >= 1 && cmd.number <= a.slides.length
				? moveTo(s, cmd.number - 1, now, true)
				: s;
		case 'choose': {
			const choice = slide.choices?.[cmd.choice];
			return choice ? moveTo(s, choice.to, now) : s;
		}
		case 'blank':
			return { ...s, blank: !s.blank, narrating: false, at: now };
		case 'narrate':
			return { ...s, narrating: cmd.on, at: now };
		case 'restart-clock':
			return { ...s, startedAt: now, at: now };
	}
}

/** The slide after this one on the story's way, for the presenter's "next" (null at the end). */
export function upNext(a: CompiledAssembly, s: DeckState): number | null {
	return a.slides[s.index]?.next ?? null;
}

/** "12:05" for a number of milliseconds. */
export function elapsed(ms: number): string {
	const total = Math.max(0, Math.floor(ms / 1000));
	return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

export type KeyAction =
	| { action: 'command'; command: DeckCommand }
	| { action: 'digit'; digit: string }
	| { action: 'jump' }
	| { action: 'clear' }
	| { action: 'fullscreen' }
	| { action: 'presenter' }
	| { action: 'narrate' };

/**
 * What a key does. Presentation clickers send → / ← / Page Down / Page Up, and some "B" or "."
 * for a black screen. On a choice slide 1, 2 or 3 picks that choice; elsewhere a typed slide
 * number and Enter jumps to it. Keys with Ctrl, Alt or ⌘ are the browser's.
 */
export function keyAction(
	key: string,
	mods: { ctrl: boolean; alt: boolean; meta: boolean },
	choices: number,
	typing: boolean
): KeyAction | null {
	if (mods.ctrl || mods.alt || mods.meta) return null;
	if (/^[0-9]$/.test(key)) {
		const n = Number(key);
		if (!typing && choices > 0 && n >= 1 && n <= choices)
			return { action: 'command', command: { do: 'choose', choice: n - 1 } };
		return { action: 'digit', digit: key };
	}
	switch (key) {
		case 'Enter':
			return typing ? { action: 'jump' } : { action: 'command', command: { do: 'next' } };
		case 'ArrowRight':
		case 'ArrowDown':
		case 'PageDown':
		case ' ':
			return { action: 'command', command: { do: 'next' } };
		case 'ArrowLeft':
		case 'ArrowUp':
		case 'PageUp':
		case 'Backspace':
			return { action: 'command', command: { do: 'prev' } };
		case 'Home':
			return { action: 'command', command: { do: 'first' } };
		case 'End':
			return { action: 'command', command: { do: 'last' } };
		case 'b':
		case 'B':
		case '.':
			return { action: 'command', command: { do: 'blank' } };
		case 'f':
		case 'F':
			return { action: 'fullscreen' };
		case 'p':
		case 'P':
			return { action: 'presenter' };
		case 's':
		case 'S':
			return { action: 'narrate' };
		case 'Escape':
			return { action: 'clear' };
		default:
			return null;
	}
}
