/**
 * Starts a game in a CSS-sized element and returns its teardown. Phaser is imported here,
 * dynamically, so only game screens ever load it (it touches `window` on import and does not
 * tree-shake). One game at a time: a new mount waits for the last game's DESTROY event.
 */
import type { GameBus } from './bus';
import { castUrl } from './pictures';
import type { GameId, GameRules } from './types';
import { WORLD } from './layout';
import type { BusEvents } from './bus';

export interface MountOptions {
	game: GameId;
	rules: GameRules;
	bus: GameBus;
	reducedMotion: boolean;
	initial: () => BusEvents['view'];
}

/** Counters for the browser tests (leaving and re-entering must not grow games or canvases). */
interface GamesDebug {
	created: number;
	destroyed: number;
	live: number;
}
const debug: GamesDebug = { created: 0, destroyed: 0, live: 0 };
if (typeof window !== 'undefined' && (import.meta.env.DEV || navigator.webdriver))
	(window as unknown as { __harbourGames: GamesDebug }).__harbourGames = debug;

let lastGone: Promise<void> = Promise.resolve();

/** Returns the teardown; it resolves once Phaser has destroyed the game and removed its canvas. */
export async function mountGame(parent: HTMLElement, opts: MountOptions): Promise<() => Promise<void>> {
	await lastGone;
	const [{ default: Phaser }, { SCENES }] = await Promise.all([import('phaser'), import('./scenes')]);
	const urls = Object.fromEntries(opts.rules.pictures.map((p) => [p, castUrl(p)]));
	const scene = new SCENES[opts.game]({
		bus: opts.bus,
		urls,
		reducedMotion: opts.reducedMotion,
		initial: opts.initial
	});
	const phaserLeftovers: Leftovers = {};
	const game = new Phaser.Game({
		// Flat pictures and a few cards: the 2D canvas draws them well on any tablet, and headless.
		type: Phaser.CANVAS,
		parent,
		backgroundColor: '#e8f4fd',
		banner: false,
		// Narration is the Web Speech voice; the games make no sounds of their own, so no AudioContext.
		audio: { noAudio: true },
		// Keys belong to the page (the DOM mirror and the Tell a grown-up button), never to the canvas.
		input: { keyboard: false, gamepad: false },
		scale: {
			mode: Phaser.Scale.FIT,
			autoCenter: Phaser.Scale.CENTER_BOTH,
			width: WORLD.width,
			height: WORLD.height
		},
		scene: [scene],
		callbacks: { postBoot: () => catchVisibilityHandler(phaserLeftovers) }
	});
	debug.created += 1;
	debug.live += 1;
	let gone: Promise<void> | null = null;
	return () => {
		gone ??= new Promise<void>((resolve) => {
			game.events.once(Phaser.Core.Events.DESTROY, () => {
				cleanUpLeftovers(phaserLeftovers);
				debug.destroyed += 1;
				debug.live -= 1;
				resolve();
			});
			game.destroy(true);
		});
		lastGone = gone;
		return gone;
	};
}

/**
 * Phaser 4.2's VisibilityHandler (called right after `postBoot`) adds a `visibilitychange`
 * listener to the document that `destroy()` never removes, and sets window.onblur/onfocus to
 * functions holding the old game. Each visit to a game would leave one more behind (the
 * browser test counts them), so we note them as they are made and take them away after DESTROY.
 */
interface Leftovers {
	visibility?: EventListenerOrEventListenerObject;
	blur?: Window['onblur'];
	focus?: Window['onfocus'];
}

function catchVisibilityHandler(into: Leftovers): void {
	const own = Object.prototype.hasOwnProperty.call(document, 'addEventListener');
	const add = document.addEventListener;
	const restore = () => {
		if (own) document.addEventListener = add;
		else delete (document as { addEventListener?: unknown }).addEventListener;
	};
	document.addEventListener = function (
		this: Document,
		type: string,
		listener: EventListenerOrEventListenerObject | null,
		options?: boolean | AddEventListenerOptions
	) {
		if (type === 'visibilitychange' && listener && !into.visibility) {
			into.visibility = listener;
			restore();
		}
		add.call(this, type, listener as EventListenerOrEventListenerObject, options);
	} as typeof document.addEventListener;
	// VisibilityHandler runs in the same task as postBoot; whatever happened, put things back after it.
	queueMicrotask(() => {
		if (document.addEventListener !== add) restore();
		into.blur = window.onblur;
		into.focus = window.onfocus;
	});
}

function cleanUpLeftovers(left: Leftovers): void {
	if (left.visibility) document.removeEventListener('visibilitychange', left.visibility);
	if (left.blur && window.onblur === left.blur) window.onblur = null;
	if (left.focus && window.onfocus === left.focus) window.onfocus = null;
}
