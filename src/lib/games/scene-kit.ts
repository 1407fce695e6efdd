/**
 * What every game's Phaser scene shares: it draws the view it is sent (backdrop, cards for
 * items and targets) and forwards touches and drops to the bus. No rules here: the scene never
 * decides what is right; Svelte asks the rules and sends the next view.
 *
 * Only imported (with Phaser) from `mount.ts`, dynamically, on game screens.
 */
import Phaser from 'phaser';
import type { BusEvents, GameBus } from './bus';
import { layout, targetAt, WORLD, type Box, type Layout } from './layout';
import type { GameView, Piece } from './types';

export interface SceneOptions {
	bus: GameBus;
	/** Texture key (the cast picture name) → URL. */
	urls: Record<string, string>;
	reducedMotion: boolean;
	/** What to draw first (the rules' view when the scene starts). */
	initial: () => BusEvents['view'];
}

const CAST_SIZE: Record<string, { width: number; height: number }> = {
	things: { width: 400, height: 400 },
	people: { width: 400, height: 700 },
	places: { width: 1600, height: 900 }
};
const INK = 0x1f2a44;
const SEA = 0x1b6ca8;
const GOLD = 0xf2b134;
/** A tap is a touch that moved less than this (world pixels); more is a drag. */
const TAP_SLOP = 14;

function paintCard(
	g: Phaser.GameObjects.Graphics,
	w: number,
	h: number,
	kind: 'item' | 'target',
	selected: boolean
) {
	g.clear();
	g.fillStyle(kind === 'target' ? 0xfdf6e3 : 0xffffff, 1);
	g.fillRoundedRect(-w / 2, -h / 2, w, h, 28);
	g.lineStyle(selected ? 14 : 6, selected ? SEA : INK, 1);
	g.strokeRoundedRect(-w / 2, -h / 2, w, h, 28);
}

export abstract class GameScene extends Phaser.Scene {
	protected readonly opts: SceneOptions;
	/** Items bob gently up and down ("things float by"), unless the child's device asks for less motion. */
	protected floats = false;
	#drawn: Phaser.GameObjects.GameObject[] = [];
	#cards = new Map<string, Phaser.GameObjects.Container>();
	#layout: Layout = { items: {}, targets: {} };
	#offs: (() => void)[] = [];

	constructor(key: string, opts: SceneOptions) {
		super({ key });
		this.opts = opts;
	}

	preload(): void {
		// SVGs with only a viewBox have no size of their own: rasterise each at its cast size.
		for (const [key, url] of Object.entries(this.opts.urls))
			this.load.svg(key, url, CAST_SIZE[key.split('/')[0]!]);
	}

	create(): void {
		const { bus } = this.opts;
		this.input.dragDistanceThreshold = TAP_SLOP;
		this.#offs.push(
			bus.on('view', (e) => this.#draw(e)),
			bus.on('result', (e) => this.#feedback(e)),
			bus.on('select', (e) => this.#select(e.itemId))
		);
		this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.#stop());
		this.events.once(Phaser.Scenes.Events.DESTROY, () => this.#stop());

		this.input.on(
			Phaser.Input.Events.DRAG_START,
			(_p: Phaser.Input.Pointer, obj: Phaser.GameObjects.Container) => {
				this.tweens.killTweensOf(obj);
				obj.setDepth(10);
				bus.emit('touch', { kind: 'item', id: String(obj.getData('id')) });
			}
		);
		this.input.on(
			Phaser.Input.Events.DRAG,
			(_p: Phaser.Input.Pointer, obj: Phaser.GameObjects.Container, x: number, y: number) =>
				obj.setPosition(x, y)
		);
		this.input.on(
			Phaser.Input.Events.DRAG_END,
			(p: Phaser.Input.Pointer, obj: Phaser.GameObjects.Container) => {
				const itemId = String(obj.getData('id'));
				const targetId = targetAt(this.#layout, p.worldX, p.worldY) ?? targetAt(this.#layout, obj.x, obj.y);
				// After Phaser has finished with this pointer: the move redraws (destroys) the cards.
				if (targetId) queueMicrotask(() => bus.emit('move', { itemId, targetId }));
				else this.#home(obj);
			}
		);
		this.input.on(
			Phaser.Input.Events.GAMEOBJECT_UP,
			(p: Phaser.Input.Pointer, obj: Phaser.GameObjects.Container) => {
				if (p.getDistance() > TAP_SLOP) return;
				const kind = obj.getData('kind') as 'item' | 'target' | undefined;
				const id = String(obj.getData('id'));
				if (kind) queueMicrotask(() => bus.emit('touch', { kind, id }));
			}
		);

		this.#draw(this.opts.initial());
		// The first frame with the game on it.
		this.game.events.once(Phaser.Core.Events.POST_RENDER, () => bus.emit('ready', { at: performance.now() }));
	}

	/** Extra drawing for one game (a pretend tablet, a spotlight…), under the cards. */
	protected decorate(_view: GameView, _layout: Layout): void {}

	protected keep<T extends Phaser.GameObjects.GameObject>(obj: T): T {
		this.#drawn.push(obj);
		return obj;
	}

	#stop(): void {
		for (const off of this.#offs.splice(0)) off();
	}

	#draw({ view, selected }: BusEvents['view']): void {
		this.tweens.killAll();
		for (const obj of this.#drawn.splice(0)) obj.destroy();
		this.#cards.clear();
		this.#layout = layout(view);
		this.keep(
			this.add.image(WORLD.width / 2, WORLD.height / 2, view.place).setDisplaySize(WORLD.width, WORLD.height)
		);
		this.keep(
			this.add.rectangle(WORLD.width / 2, WORLD.height / 2, WORLD.width, WORLD.height, 0xffffff, 0.35)
		);
		this.decorate(view, this.#layout);
		for (const t of view.targets) {
			const box = this.#layout.targets[t.id];
			if (box) this.#card(t, box, 'target', false, view.words);
		}
		view.items.forEach((it, i) => {
			const box = this.#layout.items[it.id];
			if (!box) return;
			const card = this.#card(it, box, 'item', it.id === selected, view.words);
			if (this.floats && !this.opts.reducedMotion)
				this.tweens.add({
					targets: card,
					y: box.y - 12,
					duration: 1600 + i * 130,
					ease: 'Sine.easeInOut',
					yoyo: true,
					repeat: -1
				});
		});
	}

	#card(
		piece: Piece,
		box: Box,
		kind: 'item' | 'target',
		selected: boolean,
		words: boolean
	): Phaser.GameObjects.Container {
		const { w, h } = box;
		const c = this.keep(this.add.container(box.x, box.y));
		const g = this.add.graphics();
		paintCard(g, w, h, kind, selected);
		const labelSpace = words ? h * 0.36 : 0;
		const pic = this.add.image(0, -labelSpace / 2, piece.picture);
		pic.setScale(Math.min((w - 36) / pic.width, (h - 36 - labelSpace) / pic.height));
		c.add([g, pic]);
		if (words) {
			const text = this.add
				.text(0, h / 2 - labelSpace / 2 - 10, piece.name, {
					fontFamily: 'system-ui, sans-serif',
					fontSize: `${w < 300 ? 22 : 28}px`,
					fontStyle: 'bold',
					color: '#1f2a44',
					align: 'center',
					wordWrap: { width: w - 24 }
				})
				.setOrigin(0.5);
			c.add(text);
		}
		c.setSize(w, h);
		c.setData({ kind, id: piece.id, home: { x: box.x, y: box.y }, card: g, size: { w, h } });
		c.setInteractive({ useHandCursor: true, draggable: kind === 'item' });
		this.#cards.set(`${kind}:${piece.id}`, c);
		return c;
	}

	#select(itemId: string | null): void {
		for (const [key, c] of this.#cards) {
			if (!key.startsWith('item:')) continue;
			const { w, h } = c.getData('size') as { w: number; h: number };
			paintCard(c.getData('card') as Phaser.GameObjects.Graphics, w, h, 'item', key === `item:${itemId}`);
		}
	}

	#home(obj: Phaser.GameObjects.Container): void {
		const home = obj.getData('home') as { x: number; y: number };
		obj.setDepth(0);
		if (this.opts.reducedMotion) obj.setPosition(home.x, home.y);
		else this.tweens.add({ targets: obj, x: home.x, y: home.y, duration: 220, ease: 'Quad.easeOut' });
	}

	/** Gentle and slow: a small nudge, never a flash (well under three changes a second). */
	#feedback({ itemId, targetId, kind }: BusEvents['result']): void {
		if (this.opts.reducedMotion) return;
		if (kind === 'right') {
			const target = this.#cards.get(`target:${targetId}`);
			if (target)
				this.tweens.add({ targets: target, scale: 1.06, duration: 200, yoyo: true, ease: 'Sine.easeInOut' });
			return;
		}
		const item = this.#cards.get(`item:${itemId}`);
		if (item)
			this.tweens.add({
				targets: item,
				angle: 4,
				duration: 160,
				yoyo: true,
				repeat: 1,
				ease: 'Sine.easeInOut'
			});
	}

	/** A soft rounded panel, for decorations. */
	protected panel(x: number, y: number, w: number, h: number, fill: number, line = INK): void {
		const g = this.keep(this.add.graphics());
		g.fillStyle(fill, 1);
		g.fillRoundedRect(x - w / 2, y - h / 2, w, h, 36);
		g.lineStyle(8, line, 1);
		g.strokeRoundedRect(x - w / 2, y - h / 2, w, h, 36);
	}

	protected glow(x: number, y: number, r: number): void {
		this.keep(this.add.circle(x, y, r, GOLD, 0.35));
	}
}
