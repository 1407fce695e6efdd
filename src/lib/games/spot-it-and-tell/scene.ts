/**
 * Spot it and tell: a pretend tablet app (the items play inside its screen). The winning move
 * is the real "Tell a grown-up" button of the pupil screen, so the scene never draws one.
 */
import type { Layout } from '../layout';
import { GameScene, type SceneOptions } from '../scene-kit';
import type { GameView } from '../types';

export class SpotItAndTellScene extends GameScene {
	constructor(opts: SceneOptions) {
		super('spot-it-and-tell', opts);
	}

	protected override decorate(view: GameView, _l: Layout): void {
		this.panel(800, 262, 1460, 480, 0x2e3550);
		this.panel(800, 262, 1400, 420, view.round === view.rounds - 1 ? 0xe6e8ee : 0xcfe9f7, 0x2e3550);
	}
}
