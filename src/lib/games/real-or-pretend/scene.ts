/** Real or pretend? One picture at a time, in a soft spotlight. Draws only. */
import type { Layout } from '../layout';
import { GameScene, type SceneOptions } from '../scene-kit';
import type { GameView } from '../types';

export class RealOrPretendScene extends GameScene {
	constructor(opts: SceneOptions) {
		super('real-or-pretend', opts);
	}

	protected override decorate(_view: GameView, l: Layout): void {
		for (const b of Object.values(l.items)) this.glow(b.x, b.y, b.w * 0.7);
	}
}
