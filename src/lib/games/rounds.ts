/**
 * The engine every game's rules build on: rounds of items, each with the one target it belongs
 * in, a word of praise, and a gentle hint for every other target. No lives, no timer, no losing:
 * a wrong move counts a hint and the item waits for another try.
 */
import type { CastPicture, GameId, GameRules, GameView, Level, MoveResult, Piece, Target } from './types';

export interface RuleItem extends Piece {
	/** The target this item belongs in. */
	answer: string;
	praise: string;
	/** A hint for each wrong target this item could be put in (the unit tests check every one). */
	hints: Record<string, string>;
}

export interface Round {
	instruction: string;
	items: RuleItem[];
	targets: Target[];
	oneAtATime?: boolean;
}

export interface RoundGameSetup {
	game: GameId;
	level: Level;
	place: CastPicture;
	rounds: Round[];
	finale: string;
}

export class RoundGame implements GameRules {
	readonly game: GameId;
	readonly level: Level;
	readonly finale: string;
	protected readonly rounds: Round[];
	protected readonly place: CastPicture;
	#round = 0;
	#left: RuleItem[];
	#hints = 0;
	#moves = 0;

	constructor(setup: RoundGameSetup) {
		this.game = setup.game;
		this.level = setup.level;
		this.finale = setup.finale;
		this.rounds = setup.rounds;
		this.place = setup.place;
		for (const r of this.rounds)
			for (const item of r.items) {
				const targets = new Set(r.targets.map((t) => t.id));
				if (!targets.has(item.answer))
					throw new Error(`${setup.game}: ${item.id} has no target ${item.answer}`);
				for (const t of targets)
					if (t !== item.answer && !item.hints[t])
						throw new Error(`${setup.game}: ${item.id} needs a hint for ${t}`);
			}
		this.#left = [...(this.rounds[0]?.items ?? [])];
	}

	get pictures(): CastPicture[] {
		const all = this.rounds.flatMap((r) => [...r.items, ...r.targets].map((p) => p.picture));
		return [...new Set([this.place, ...all])];
	}

	get hints(): number {
		return this.#hints;
	}
	get done(): boolean {
		return this.#round >= this.rounds.length;
	}
	/** Right moves so far (each item put where it belongs). */
	protected get rightMoves(): number {
		return this.#moves;
	}

	protected currentRound(): Round | undefined {
		return this.rounds[this.#round];
	}

	/** The items still to place in the current round (all of them, or the first of them). */
	protected visibleItems(): RuleItem[] {
		const r = this.currentRound();
		if (!r) return [];
		return r.oneAtATime ? this.#left.slice(0, 1) : [...this.#left];
	}

	protected targetsNow(): Target[] {
		return this.currentRound()?.targets ?? [];
	}

	view(): GameView {
		const r = this.currentRound();
		return {
			game: this.game,
			level: this.level,
			instruction: r ? r.instruction : this.finale,
			round: Math.min(this.#round, this.rounds.length - 1),
			rounds: this.rounds.length,
			items: this.visibleItems().map(({ id, name, picture }) => ({ id, name, picture })),
			targets: this.targetsNow(),
			words: this.level !== 'reception',
			oneAtATime: r?.oneAtATime ?? false,
			place: this.place,
			done: this.done
		};
	}

	move(itemId: string, targetId: string): MoveResult {
		const item = this.visibleItems().find((i) => i.id === itemId);
		if (!item || !this.currentRound()?.targets.some((t) => t.id === targetId)) return { kind: 'ignored' };
		if (item.answer !== targetId) {
			this.#hints += 1;
			return { kind: 'hint', say: item.hints[targetId] ?? '' };
		}
		this.#moves += 1;
		this.#left = this.#left.filter((i) => i !== item);
		let roundDone = false;
		if (this.#left.length === 0) {
			roundDone = true;
			this.#round += 1;
			this.#left = [...(this.rounds[this.#round]?.items ?? [])];
		}
		return { kind: 'right', say: this.praiseFor(item), roundDone, done: this.done };
	}

	protected praiseFor(item: RuleItem): string {
		return item.praise;
	}
}

/** The same hint for every wrong target. */
export const hintsFor = (targets: readonly string[], answer: string, hint: string): Record<string, string> =>
	Object.fromEntries(targets.filter((t) => t !== answer).map((t) => [t, hint]));
