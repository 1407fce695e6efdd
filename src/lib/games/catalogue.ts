/** Every game: its rules for a level, its tile on the Games screen, and its words. */
import { keepItSecret, keepItSecretItems } from './keep-it-secret/rules';
import { kindWords, kindWordsItems } from './kind-words/rules';
import { realOrPretend, realOrPretendItems } from './real-or-pretend/rules';
import { spotItAndTell, spotItAndTellItems } from './spot-it-and-tell/rules';
import type { ItemChoice } from './choose-items';
import type { CastPicture, GameId, GameRules, Level } from './types';

export interface GameInfo {
	id: GameId;
	title: string;
	/** Spoken when the tile is touched. */
	say: string;
	picture: CastPicture;
	/** What it teaches, for grown-ups (README, teacher notes). */
	teaches: string;
	/** The rules for a level, playing the level's own items or those a lesson chose. */
	rules: (level: Level, items?: readonly string[]) => GameRules;
	/** Which items a lesson may choose at a level (checked when lessons are built). */
	items: (level: Level) => ItemChoice;
}

export const GAMES: Record<GameId, GameInfo> = {
	'keep-it-secret': {
		id: 'keep-it-secret',
		title: 'Keep it secret',
		say: 'Keep it secret. What is fine to share, and what is private?',
		picture: 'things/secret-box',
		teaches: 'Privacy and security: what is fine to share, what stays private, when to ask first.',
		rules: keepItSecret,
		items: keepItSecretItems
	},
	'kind-words': {
		id: 'kind-words',
		title: 'Kind words',
		say: 'Kind words. Cheer up a friend, and block unkind words.',
		picture: 'things/speech-kind',
		teaches: 'Online relationships and bullying: kind words help; block and tell about unkind ones.',
		rules: kindWords,
		items: kindWordsItems
	},
	'real-or-pretend': {
		id: 'real-or-pretend',
		title: 'Real or pretend?',
		say: 'Real or pretend? Is it true, or made up?',
		picture: 'things/talking-cat',
		teaches: 'Managing online information: real, pretend, and asking when not sure.',
		rules: realOrPretend,
		items: realOrPretendItems
	},
	'spot-it-and-tell': {
		id: 'spot-it-and-tell',
		title: 'Spot it and tell',
		say: 'Spot it and tell. If something gives you a funny feeling, tell a grown-up.',
		picture: 'things/tell-button',
		teaches: 'The reporting habit: close tricky pop-ups, and tell a grown-up about anything scary.',
		rules: spotItAndTell,
		items: spotItAndTellItems
	}
};
