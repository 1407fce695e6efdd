/**
 * Keep it secret (privacy and security): things float by and the child drags each into the
 * "fine to share" basket or the "keep private" box; Year 2 adds "ask a grown-up first".
 */
import { RoundGame, type RuleItem } from '../rounds';
import type { Level, Target } from '../types';
import { chooseItems, type ItemChoice } from '../choose-items';

const SHARE: Target = { id: 'share', name: 'Fine to share', picture: 'things/basket' };
const PRIVATE: Target = { id: 'private', name: 'Keep private', picture: 'things/secret-box' };
const ASK: Target = { id: 'ask', name: 'Ask a grown-up first', picture: 'things/grown-ups' };

type Answer = 'share' | 'private' | 'ask';

interface Thing {
	id: string;
	name: string;
	picture: RuleItem['picture'];
	answer: Answer;
	praise: string;
	/** Said after a wrong try, whichever wrong place it went to. */
	hint: string;
}

const THINGS: Record<string, Thing> = {
	colour: {
		id: 'colour',
		name: 'Your favourite colour',
		picture: 'things/paint-palette',
		answer: 'share',
		praise: 'Yes! Your favourite colour is fine to share.',
		hint: 'Your favourite colour is fine to share. Let’s put it in the basket.'
	},
	toy: {
		id: 'toy',
		name: 'Your favourite toy',
		picture: 'things/ball',
		answer: 'share',
		praise: 'That’s right. You can tell people about your favourite toy.',
		hint: 'It’s fine to talk about your favourite toy. Try the basket.'
	},
	pet: {
		id: 'pet',
		name: 'A picture of your pet',
		picture: 'things/pet-photo',
		answer: 'share',
		praise: 'Yes, a picture of your pet is fine to share.',
		hint: 'A picture of your pet is fine to share. Try the basket.'
	},
	address: {
		id: 'address',
		name: 'Where you live',
		picture: 'things/house',
		answer: 'private',
		praise: 'Well done. Where you live stays private.',
		hint: 'Where you live is private. Let’s keep it safe in the box.'
	},
	password: {
		id: 'password',
		name: 'Your password',
		picture: 'things/key',
		answer: 'private',
		praise: 'Yes! Passwords are private. Keep them safe.',
		hint: 'A password is like a key. We keep it private, in the box.'
	},
	jumper: {
		id: 'jumper',
		name: 'Your school jumper, with its badge',
		picture: 'things/jumper',
		answer: 'private',
		praise: 'Good thinking. The badge shows your school, so it stays private.',
		hint: 'The badge on your jumper shows where your school is. Keep it private, in the box.'
	},
	birthday: {
		id: 'birthday',
		name: 'Your birthday',
		picture: 'things/birthday-cake',
		answer: 'private',
		praise: 'Yes. The day you were born is private online.',
		hint: 'The day you were born is private online. Pop it in the box.'
	},
	photo: {
		id: 'photo',
		name: 'A photo of you',
		picture: 'things/photo-of-me',
		answer: 'ask',
		praise: 'Yes! Always ask a grown-up before you share a photo of you.',
		hint: 'Good try. Before a photo of you goes online, we ask a grown-up first.'
	},
	drawing: {
		id: 'drawing',
		name: 'A drawing you made',
		picture: 'things/drawing',
		answer: 'ask',
		praise: 'That’s right. Ask a grown-up first, then you can share your drawing.',
		hint: 'Your drawing is yours! Ask a grown-up first, before you share it.'
	}
};

const LEVEL_THINGS: Record<Level, string[]> = {
	reception: ['colour', 'address', 'toy', 'password'],
	'year-1': ['colour', 'address', 'pet', 'password', 'toy', 'jumper'],
	'year-2': ['colour', 'address', 'photo', 'password', 'toy', 'jumper', 'drawing', 'birthday']
};

const targetsFor = (level: Level): Target[] =>
	level === 'year-2' ? [SHARE, PRIVATE, ASK] : [SHARE, PRIVATE];

/** Things whose place is on screen at this level ("ask a grown-up first" is Year 2's). */
export function keepItSecretItems(level: Level): ItemChoice {
	const places = targetsFor(level).map((t) => t.id);
	return { choosable: Object.keys(THINGS).filter((k) => places.includes(THINGS[k]!.answer)), fewest: 2 };
}

export function keepItSecret(level: Level, chosen?: readonly string[]): RoundGame {
	const targets = targetsFor(level);
	const ids = targets.map((t) => t.id);
	const keys = chooseItems(LEVEL_THINGS[level], keepItSecretItems(level), chosen);
	const items: RuleItem[] = keys.map((key) => {
		const t = THINGS[key]!;
		return {
			id: t.id,
			name: t.name,
			picture: t.picture,
			answer: t.answer,
			praise: t.praise,
			hints: Object.fromEntries(ids.filter((id) => id !== t.answer).map((id) => [id, t.hint]))
		};
	});
	return new RoundGame({
		game: 'keep-it-secret',
		level,
		place: 'places/living-room',
		finale: 'You did it! You kept the private things safe. Well done!',
		rounds: [
			{
				instruction:
					level === 'year-2'
						? 'Some things are fine to share. Some are private. Some need a grown-up first. Drag each one to the basket, the box or the grown-ups.'
						: 'Some things are fine to share. Some things are private. Drag each one to the basket or to the box.',
				items,
				targets
			}
		]
	});
}
