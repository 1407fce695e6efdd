/**
 * Kind words (online relationships, online bullying): messages arrive for a sad friend. Kind
 * ones go to the friend, whose face changes as they feel better; unkind ones are blocked and
 * told about (a practice report inside the game, never sent to staff).
 */
import { RoundGame, type RuleItem } from '../rounds';
import type { CastPicture, GameView, Level, Target } from '../types';
import { chooseItems, type ItemChoice } from '../choose-items';

export type Mood = 'sad' | 'thinking' | 'happy';

interface Message {
	id: string;
	name: string;
	picture: RuleItem['picture'];
	kind: boolean;
}

const MESSAGES: Message[] = [
	{ id: 'play', name: 'Do you want to play with me?', picture: 'things/ball', kind: true },
	{ id: 'go-away', name: 'Go away!', picture: 'things/speech-unkind', kind: false },
	{ id: 'friend', name: 'You are a good friend.', picture: 'things/heart', kind: true },
	{ id: 'silly', name: 'Your drawing is silly.', picture: 'things/speech-unkind', kind: false },
	{ id: 'well-done', name: 'Well done! You tried really hard.', picture: 'things/star', kind: true },
	{ id: 'not-you', name: 'You can’t play with us.', picture: 'things/speech-unkind', kind: false },
	{ id: 'okay', name: 'Are you okay? I am here for you.', picture: 'things/hug-heart', kind: true },
	{
		id: 'photo',
		name: 'Send me a photo of you, and keep it secret.',
		picture: 'things/speech-unkind',
		kind: false
	}
];

const FRIEND: Record<Level, { who: string; name: string }> = {
	reception: { who: 'sam', name: 'Sam' },
	'year-1': { who: 'priya', name: 'Priya' },
	'year-2': { who: 'alfie', name: 'Alfie' }
};
const COUNT: Record<Level, number> = { reception: 4, 'year-1': 6, 'year-2': 8 };

export class KindWords extends RoundGame {
	readonly friend: { who: string; name: string };
	readonly #kindTotal: number;
	#kindSent = 0;

	constructor(level: Level, chosen?: readonly string[]) {
		const friend = FRIEND[level];
		const ids = chooseItems(
			MESSAGES.slice(0, COUNT[level]).map((m) => m.id),
			kindWordsItems(),
			chosen
		);
		const messages = ids.map((id) => MESSAGES.find((m) => m.id === id)!);
		const items = messages.map((m): RuleItem =>
			m.kind
				? {
						id: m.id,
						name: m.name,
						picture: m.picture,
						answer: 'send',
						praise: `${friend.name} smiles. Kind words help!`,
						hints: { block: `That message is kind! Let ${friend.name} see it. Drag it to ${friend.name}.` }
					}
				: {
						id: m.id,
						name: m.name,
						picture: m.picture,
						answer: 'block',
						praise:
							m.id === 'photo'
								? 'Blocked, and you told a grown-up. Never keep secrets like that. Well done!'
								: 'Blocked, and you told a grown-up. Well done!',
						hints: {
							send: `Oh! That message is unkind. It could make ${friend.name} sad. Block it, and tell a grown-up.`
						}
					}
		);
		super({
			game: 'kind-words',
			level,
			place: 'places/playground',
			finale: `${friend.name} feels happy again, because of your kind words. Thank you!`,
			rounds: [
				{
					instruction: `${friend.name} feels sad. Messages are coming. Kind words go to ${friend.name}. Unkind words go to Block and tell.`,
					items,
					targets: [
						{ id: 'send', name: `Send to ${friend.name}`, picture: `people/${friend.who}-sad` },
						{ id: 'block', name: 'Block and tell', picture: 'things/hand-up' }
					]
				}
			]
		});
		this.friend = friend;
		this.#kindTotal = messages.filter((m) => m.kind).length;
	}

	override get pictures(): CastPicture[] {
		const faces = (['sad', 'thinking', 'happy'] as const).map(
			(m): CastPicture => `people/${this.friend.who}-${m}`
		);
		return [...new Set([...super.pictures, ...faces])];
	}

	/** The friend's face: sad, then thinking, then happy once every kind message has arrived. */
	get mood(): Mood {
		if (this.#kindSent >= this.#kindTotal) return 'happy';
		return this.#kindSent === 0 ? 'sad' : 'thinking';
	}

	override view(): GameView {
		const v = super.view();
		return {
			...v,
			targets: v.targets.map((t): Target =>
				t.id === 'send' ? { ...t, picture: `people/${this.friend.who}-${this.mood}` } : t
			)
		};
	}

	protected override praiseFor(item: RuleItem): string {
		if (item.answer === 'send') this.#kindSent += 1;
		return item.praise;
	}
}

/** Every message can be played at every level. */
export function kindWordsItems(): ItemChoice {
	return { choosable: MESSAGES.map((m) => m.id), fewest: 2 };
}

export const kindWords = (level: Level, chosen?: readonly string[]): KindWords =>
	new KindWords(level, chosen);
