/**
 * Real or pretend? (managing online information): one picture or claim at a time, sorted into
 * real, pretend and (Year 2) "not sure – ask a grown-up".
 */
import { RoundGame, type RuleItem } from '../rounds';
import type { Level, Target } from '../types';
import { chooseItems, type ItemChoice } from '../choose-items';

const REAL: Target = { id: 'real', name: 'Real', picture: 'things/tick' };
const PRETEND: Target = { id: 'pretend', name: 'Pretend', picture: 'things/star' };
const ASK: Target = { id: 'ask', name: 'Not sure? Ask a grown-up', picture: 'things/question' };

interface Card {
	id: string;
	name: string;
	picture: RuleItem['picture'];
	answer: 'real' | 'pretend' | 'ask';
	praise: string;
	hints: Partial<Record<'real' | 'pretend' | 'ask', string>>;
}

const CARDS: Record<string, Card> = {
	whale: {
		id: 'whale',
		name: 'A photo of a whale in the sea',
		picture: 'things/whale-photo',
		answer: 'real',
		praise: 'Yes! Whales are real. They live in the sea.',
		hints: {
			pretend: 'Whales are real animals. They are very big and live in the sea. Try real.',
			ask: 'Good thinking to ask. This one is a real photo of a real whale. Try real.'
		}
	},
	moon: {
		id: 'moon',
		name: 'The moon in the night sky',
		picture: 'things/moon',
		answer: 'real',
		praise: 'That’s right. The moon is real. You can see it at night.',
		hints: {
			pretend: 'Look up at night and you can see it. The moon is real!',
			ask: 'You can see the moon yourself at night. It is real.'
		}
	},
	cat: {
		id: 'cat',
		name: 'A cat that talks',
		picture: 'things/talking-cat',
		answer: 'pretend',
		praise: 'Yes! Real cats say miaow. A talking cat is pretend.',
		hints: {
			real: 'Hmm. Can real cats talk like us? No! This cat is pretend.',
			ask: 'Real cats say miaow, not words. This one is pretend.'
		}
	},
	dinosaur: {
		id: 'dinosaur',
		name: 'A dinosaur in the playground',
		picture: 'things/dinosaur',
		answer: 'pretend',
		praise: 'Yes! Dinosaurs lived long, long ago. This picture is pretend.',
		hints: {
			real: 'Dinosaurs lived long, long ago. There is no dinosaur in our playground. It is pretend.',
			ask: 'Dinosaurs lived long ago, so this picture is pretend.'
		}
	},
	cartoon: {
		id: 'cartoon',
		name: 'A cartoon dog who talks',
		picture: 'things/tablet-video',
		answer: 'pretend',
		praise: 'That’s right. Cartoons are pretend, and fun to watch.',
		hints: {
			real: 'Cartoons are made up, like a story. Real dogs can’t talk. It is pretend.',
			ask: 'It is a cartoon, like a story. Cartoons are pretend.'
		}
	},
	prize: {
		id: 'prize',
		name: 'A box that says: you won a prize, click here!',
		picture: 'things/pop-up-prize',
		answer: 'pretend',
		praise: 'Yes! Boxes that say you won a prize are not true. They are a trick.',
		hints: {
			real: 'Nobody gives prizes like that. The box is not telling the truth. It is pretend.',
			ask: 'Good thinking! That box is a trick, so it is pretend.'
		}
	},
	// Year 2: the things to ask about before believing them.
	prizeAsk: {
		id: 'prize',
		name: 'A box that says: you won a prize, click here!',
		picture: 'things/pop-up-prize',
		answer: 'ask',
		praise: 'Yes! Boxes like that can be tricks. Don’t click. Ask a grown-up.',
		hints: {
			real: 'Boxes that say you won can be tricks. Don’t click. Ask a grown-up.',
			pretend: 'It could be a trick. Don’t click it. Ask a grown-up what to do.'
		}
	},
	coins: {
		id: 'coins',
		name: 'A game that says: buy gold coins now!',
		picture: 'things/tablet-buy',
		answer: 'ask',
		praise: 'Well done. Buying things costs real money. Ask a grown-up first.',
		hints: {
			real: 'Buying things costs real money. Let’s ask a grown-up first.',
			pretend: 'The coins cost real money. Not sure? Ask a grown-up.'
		}
	},
	stranger: {
		id: 'stranger',
		name: 'A message from someone you don’t know',
		picture: 'things/chat',
		answer: 'ask',
		praise: 'Yes. We don’t know who they are. Ask a grown-up.',
		hints: {
			real: 'We can’t tell who sent it. Someone we don’t know could be anyone. Ask a grown-up.',
			pretend: 'We can’t be sure who sent it. Ask a grown-up.'
		}
	}
};

const LEVEL_CARDS: Record<Level, string[]> = {
	reception: ['whale', 'cat', 'dinosaur', 'prize'],
	'year-1': ['whale', 'cat', 'moon', 'dinosaur', 'cartoon', 'prize'],
	'year-2': ['whale', 'cat', 'coins', 'moon', 'dinosaur', 'prizeAsk', 'cartoon', 'stranger']
};

const targetsFor = (level: Level): Target[] => (level === 'year-2' ? [REAL, PRETEND, ASK] : [REAL, PRETEND]);

/** A card as a level plays it: with "not sure? ask" on screen, the prize box is one to ask about. */
const cardFor = (level: Level, id: string): Card | undefined =>
	level === 'year-2' && id === 'prize' ? CARDS.prizeAsk : CARDS[id];

/** Cards whose answer is on screen at this level, by the id a lesson names them with. */
export function realOrPretendItems(level: Level): ItemChoice {
	const answers = targetsFor(level).map((t) => t.id);
	const ids = [...new Set(Object.values(CARDS).map((c) => c.id))];
	return { choosable: ids.filter((id) => answers.includes(cardFor(level, id)!.answer)), fewest: 2 };
}

export function realOrPretend(level: Level, chosen?: readonly string[]): RoundGame {
	const targets = targetsFor(level);
	const ids = new Set(targets.map((t) => t.id));
	const defaults = LEVEL_CARDS[level].map((key) => CARDS[key]!.id);
	const items: RuleItem[] = chooseItems(defaults, realOrPretendItems(level), chosen).map((id) => {
		const c = cardFor(level, id)!;
		const hints = Object.fromEntries(Object.entries(c.hints).filter(([t]) => ids.has(t))) as Record<
			string,
			string
		>;
		return { id: c.id, name: c.name, picture: c.picture, answer: c.answer, praise: c.praise, hints };
	});
	return new RoundGame({
		game: 'real-or-pretend',
		level,
		place: 'places/classroom',
		finale: 'Brilliant! You know what is real and what is pretend.',
		rounds: [
			{
				instruction:
					level === 'year-2'
						? 'Is it real, or pretend? If you are not sure, ask a grown-up. Drag the picture to your answer.'
						: 'Is it real, or pretend? Drag the picture to your answer.',
				items,
				targets,
				oneAtATime: true
			}
		]
	});
}
