/**
 * One window's hold on a running assembly: the big screen's or the presenter's. Both windows
 * keep the same DeckState and tell each other every change over a BroadcastChannel named for
 * the assembly, so either can lead: a newer state always wins, and a window that opens asks
 * the other for where it is up to. Only the big screen speaks the narration.
 */
import type { CompiledAssembly } from './compiled';
import { apply, keyAction, startState, type DeckCommand, type DeckState } from './deck';

type Message = { type: 'hello' } | { type: 'state'; state: DeckState };

export class DeckSync {
	state = $state.raw<DeckState>(startState(0));
	/** The slide number being typed (digits, then Enter). */
	typed = $state('');
	#channel: BroadcastChannel | null = null;
	readonly assembly: CompiledAssembly;

	constructor(assembly: CompiledAssembly) {
		this.assembly = assembly;
	}

	/** Opens the channel and asks the other window where it is; returns the teardown. */
	connect(): () => void {
		this.state = startState(Date.now());
		if (typeof BroadcastChannel === 'undefined') return () => undefined;
		const channel = new BroadcastChannel(`harbour-assembly:${this.assembly.id}`);
		this.#channel = channel;
		channel.onmessage = (event: MessageEvent<Message>) => {
			const m = event.data;
			if (m?.type === 'hello') channel.postMessage({ type: 'state', state: this.state } satisfies Message);
			else if (m?.type === 'state' && m.state && m.state.at > this.state.at) this.state = m.state;
		};
		channel.postMessage({ type: 'hello' } satisfies Message);
		return () => {
			channel.close();
			this.#channel = null;
		};
	}

	run(command: DeckCommand): void {
		const next = apply(this.assembly, this.state, command, Date.now());
		if (next === this.state) return;
		this.state = next;
		this.#channel?.postMessage({ type: 'state', state: next } satisfies Message);
	}

	get slide() {
		return this.assembly.slides[this.state.index]!;
	}

	/**
	 * Handles a key for this window; returns what the window itself must do (full screen, open
	 * the presenter) or null. Every key Harbour uses has its default prevented.
	 */
	key(event: KeyboardEvent): 'fullscreen' | 'presenter' | null {
		const what = keyAction(
			event.key,
			{ ctrl: event.ctrlKey, alt: event.altKey, meta: event.metaKey },
			this.slide.choices?.length ?? 0,
			this.typed !== ''
		);
		if (!what) return null;
		event.preventDefault();
		switch (what.action) {
			case 'command':
				this.typed = '';
				this.run(what.command);
				return null;
			case 'digit':
				this.typed = (this.typed + what.digit).slice(-3);
				return null;
			case 'jump':
				this.run({ do: 'go', number: Number(this.typed) });
				this.typed = '';
				return null;
			case 'clear':
				this.typed = '';
				return null;
			case 'narrate':
				this.run({ do: 'narrate', on: !this.state.narrating });
				return null;
			default:
				return what.action;
		}
	}
}
