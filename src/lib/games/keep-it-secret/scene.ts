/** Keep it secret: things float by above the basket and the box. Draws only. */
import { GameScene, type SceneOptions } from '../scene-kit';

export class KeepItSecretScene extends GameScene {
	constructor(opts: SceneOptions) {
		super('keep-it-secret', opts);
		this.floats = true;
	}
}
