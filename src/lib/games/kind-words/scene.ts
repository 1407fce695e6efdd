/** Kind words: messages arrive in a chat panel above the friend and "Block and tell". Draws only. */
import type { Layout } from '../layout';
import { GameScene, type SceneOptions } from '../scene-kit';
import type { GameView } from '../types';

export class KindWordsScene extends GameScene {
	constructor(opts: SceneOptions) {
		super('kind-words', opts);
	}

	protected override decorate(view: GameView, l: Layout): void {
		if (view.items.length === 0) return;
		const boxes = Object.values(l.items);
		const top = Math.min(...boxes.map((b) => b.y - b.h / 2)) - 24;
		const bottom = Math.max(...boxes.map((b) => b.y + b.h / 2)) + 24;
		this.panel(800, (top + bottom) / 2, 1500, bottom - top, 0xe3f1fb, 0x1b6ca8);
	}
}
