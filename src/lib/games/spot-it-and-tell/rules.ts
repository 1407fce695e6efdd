/**
 * Spot it and tell (the reporting habit): the child plays in a pretend app; a "click yes!"
 * pop-up is the trap to close; then something scary pops up, and the winning move is pressing
 * the real "Tell a grown-up" button (armed as a practice press, so it never reaches staff).
 */
import { RoundGame, type Round, type RuleItem } from '../rounds';
import type { Level, Target } from '../types';
import { chooseItems, type ItemChoice } from '../choose-items';

export const TELL: Target = {
	id: 'tell',
	name: 'Tell a grown-up',
	picture: 'things/tell-button',
	outside: 'tell-button'
};
const TOY_BOX: Target = { id: 'toy-box', name: 'The toy box', picture: 'things/toy-box' };
const YES: Target = { id: 'yes', name: 'Yes!', picture: 'things/tick' };
const CLOSE: Target = { id: 'close', name: 'Close it', picture: 'things/close-x' };
const ASK: Target = { id: 'ask', name: 'Ask a grown-up', picture: 'things/grown-ups' };
const KEEP: Target = { id: 'keep-watching', name: 'Keep watching', picture: 'things/tablet-video' };

const toy = (id: string, name: string, picture: RuleItem['picture']): RuleItem => ({
	id,
	name,
	picture,
	answer: 'toy-box',
	praise: 'In it goes!',
	hints: {}
});

const TOYS: Record<Level, RuleItem[]> = {
	reception: [
		toy('ball', 'A ball', 'things/ball'),
		toy('blocks', 'Some blocks', 'things/block-tower'),
		toy('book', 'A book', 'things/book')
	],
	'year-1': [
		toy('ball', 'A ball', 'things/ball'),
		toy('blocks', 'Some blocks', 'things/block-tower'),
		toy('book', 'A book', 'things/book'),
		toy('pencil', 'A pencil', 'things/pencil')
	],
	'year-2': [
		toy('ball', 'A ball', 'things/ball'),
		toy('blocks', 'Some blocks', 'things/block-tower'),
		toy('book', 'A book', 'things/book'),
		toy('pencil', 'A pencil', 'things/pencil')
	]
};

const PLAY: (level: Level) => Round = (level) => ({
	instruction: 'Let’s play a tidy-up game on the tablet. Drag the toys into the toy box.',
	items: TOYS[level],
	targets: [TOY_BOX]
});

const PRIZE: Round = {
	instruction: 'Oh! A box popped up. It says: you won a prize, click yes! What shall we do?',
	items: [
		{
			id: 'prize',
			name: 'A box that says: click yes!',
			picture: 'things/pop-up-prize',
			answer: 'close',
			praise: 'Good choice! You closed it. Boxes that say click yes can trick us.',
			hints: { yes: 'Stop! Boxes that say click yes can trick us. Let’s close it instead.' }
		}
	],
	targets: [YES, CLOSE]
};

const CAMERA: Round = {
	instruction: 'Another box popped up. It asks: can this game use your camera? What shall we do?',
	items: [
		{
			id: 'camera',
			name: 'A box that asks to use the camera',
			picture: 'things/camera',
			answer: 'ask',
			praise: 'Yes! Ask a grown-up first, before a game uses the camera.',
			hints: { yes: 'Wait! Before a game uses the camera, ask a grown-up first.' }
		}
	],
	targets: [YES, ASK]
};

const SCARY: Round = {
	instruction:
		'Oh no. Something scary popped up. It gives you a funny feeling. Find the Tell a grown-up button, and press it.',
	items: [
		{
			id: 'scary',
			name: 'Something scary',
			picture: 'things/tablet-worry',
			answer: 'tell',
			praise: 'You told a grown-up. That is the best thing to do. Well done!',
			hints: {
				'keep-watching':
					'When something gives you a funny feeling, stop watching. Press the Tell a grown-up button, in the corner.'
			}
		}
	],
	targets: [KEEP, TELL]
};

const POP_UPS: Record<string, Round> = { prize: PRIZE, camera: CAMERA, scary: SCARY };

/** The pop-ups a lesson may choose, in the order it wants them (after the tidy-up game). */
export function spotItAndTellItems(): ItemChoice {
	return { choosable: Object.keys(POP_UPS), fewest: 1 };
}

export function spotItAndTell(level: Level, chosen?: readonly string[]): RoundGame {
	const defaults = level === 'year-2' ? ['prize', 'camera', 'scary'] : ['prize', 'scary'];
	const popUps = chooseItems(defaults, spotItAndTellItems(), chosen).map((id) => POP_UPS[id]!);
	const rounds = [PLAY(level), ...popUps];
	return new RoundGame({
		game: 'spot-it-and-tell',
		level,
		place: 'places/living-room',
		finale: 'You spotted it, and you told. Well done!',
		rounds
	});
}
