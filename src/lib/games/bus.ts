/**
 * The one typed channel between Svelte (which owns the rules and speaks) and a Phaser scene
 * (which only draws and forwards touches). Every `on` returns its own `off`.
 */
import type { GameView } from './types';

export interface BusEvents {
	/** Svelte → scene: draw this (after every move). */
	view: { view: GameView; selected: string | null };
	/** Svelte → scene: the item picked up by a tap or the DOM mirror (outlined; nothing redrawn). */
	select: { itemId: string | null };
	/** Svelte → scene: how the last move went, for a small gentle animation. */
	result: { itemId: string; targetId: string; kind: 'right' | 'hint' };
	/** Scene → Svelte: an item was dropped on a target. */
	move: { itemId: string; targetId: string };
	/** Scene → Svelte: an item or a target was tapped (spoken; a tapped item is picked up). */
	touch: { kind: 'item' | 'target'; id: string };
	/** Scene → Svelte: the game's first frame is on screen. */
	ready: { at: number };
}

type Handler<K extends keyof BusEvents> = (payload: BusEvents[K]) => void;

export class GameBus {
	#handlers = new Map<keyof BusEvents, Set<Handler<never>>>();

	on<K extends keyof BusEvents>(kind: K, handler: Handler<K>): () => void {
		let set = this.#handlers.get(kind);
		if (!set) this.#handlers.set(kind, (set = new Set()));
		set.add(handler as Handler<never>);
		return () => {
			set.delete(handler as Handler<never>);
		};
	}

	emit<K extends keyof BusEvents>(kind: K, payload: BusEvents[K]): void {
		for (const h of [...(this.#handlers.get(kind) ?? [])]) (h as Handler<K>)(payload);
	}

	/** Handlers still listening (the leak test expects 0 after a game is left). */
	get listenerCount(): number {
		let n = 0;
		for (const set of this.#handlers.values()) n += set.size;
		return n;
	}
}
