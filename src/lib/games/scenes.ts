/** Every game's scene class (loaded with Phaser, only on game screens). */
import type { GameId } from './types';
import type { GameScene, SceneOptions } from './scene-kit';
import { KeepItSecretScene } from './keep-it-secret/scene';
import { KindWordsScene } from './kind-words/scene';
import { RealOrPretendScene } from './real-or-pretend/scene';
import { SpotItAndTellScene } from './spot-it-and-tell/scene';

export const SCENES: Record<GameId, new (opts: SceneOptions) => GameScene> = {
	'keep-it-secret': KeepItSecretScene,
	'kind-words': KindWordsScene,
	'real-or-pretend': RealOrPretendScene,
	'spot-it-and-tell': SpotItAndTellScene
};
