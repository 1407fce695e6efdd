/**
 * The games' shared vocabulary: which games there are, their levels, and what a game's rules
 * show (a view) and answer (a move's result). Browser-safe, no Phaser, no Svelte.
 */
export const GAME_IDS = ['keep-it-secret', 'kind-words', 'real-or-pretend', 'spot-it-and-tell'] as const;
export type GameId = (typeof GAME_IDS)[number];

export const LEVELS = ['reception', 'year-1', 'year-2'] as const;
export type Level = (typeof LEVELS)[number];

export const isGameId = (x: string): x is GameId => (GAME_IDS as readonly string[]).includes(x);

/** The class's year group as staff type it ('Reception', 'Year 1', 'Y2'…) → the game level. */
export function levelForYearGroup(yearGroup: string): Level {
	const y = yearGroup.toLowerCase();
	if (/\b(2|two)\b|y2|year ?2/u.test(y)) return 'year-2';
	if (/\b(1|one)\b|y1|year ?1/u.test(y)) return 'year-1';
	return 'reception';
}

/** A picture from the lessons' cast: `things/<name>`, `people/<who>-<mood>` or `places/<name>`. */
export type CastPicture = `${'things' | 'people' | 'places'}/${string}`;

/** Something on screen: an item to move, or a place (target) to move it to. */
export interface Piece {
	id: string;
	/** Short words, spoken when touched and the button's accessible name. */
	name: string;
	picture: CastPicture;
}

export interface Target extends Piece {
	/** Not drawn in the game: the real "Tell a grown-up" button of the pupil screen is this target. */
	outside?: 'tell-button';
}

export interface GameView {
	game: GameId;
	level: Level;
	/** What to do now: spoken and captioned whenever it changes. */
	instruction: string;
	round: number;
	rounds: number;
	items: Piece[];
	targets: Target[];
	/** Written words under pictures (not for Reception: pictures only, everything spoken). */
	words: boolean;
	/** One big item at a time (the rest wait their turn). */
	oneAtATime: boolean;
	/** The backdrop, from the cast's places. */
	place: CastPicture;
	done: boolean;
}

export type MoveResult =
	| { kind: 'right'; say: string; roundDone: boolean; done: boolean }
	| { kind: 'hint'; say: string }
	/** Not a move the game knows (an item already put away, a stale tap): nothing happens. */
	| { kind: 'ignored' };

export interface GameRules {
	readonly game: GameId;
	readonly level: Level;
	/** Wrong moves so far: each got a gentle hint and another try. */
	readonly hints: number;
	readonly done: boolean;
	view(): GameView;
	move(itemId: string, targetId: string): MoveResult;
	/** Spoken at the end. */
	readonly finale: string;
	/** Every picture the game can show, so the scene loads them all before the first frame. */
	readonly pictures: CastPicture[];
}
