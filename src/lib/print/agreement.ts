/**
 * The pupil acceptable use agreement, picture version, for Reception to Year 2: what the school's
 * e-safeguarding policy asks pupils to understand (use school devices with a grown-up's say-so,
 * only the places a grown-up has chosen, keep personal details private, be kind, tell a trusted
 * adult about anything worrying, look after the equipment), in words a five-year-old can follow
 * while a grown-up reads them aloud. Each promise has a picture from the lesson cast: a person
 * from lessons/cast/people and a thing from lessons/cast/things.
 */
export interface AgreementPromise {
	/** What the child promises, read aloud by the grown-up at home. */
	words: string;
	/** `<who>-<mood>`, a file in lessons/cast/people without .svg. */
	person: string;
	/** A file in lessons/cast/things without .svg. */
	thing: string;
	/** The picture in words, for screen readers. */
	alt: string;
}

export const AGREEMENT_TITLE = 'My tablet and computer promises';

export const AGREEMENT_PROMISES: readonly AgreementPromise[] = [
	{
		words: 'I ask a grown-up before I use a tablet or a computer.',
		person: 'sam-thinking',
		thing: 'hand-up',
		alt: 'Sam puts a hand up to ask.'
	},
	{
		words: 'I only go to the games and pages my grown-up has chosen.',
		person: 'priya-happy',
		thing: 'tablet-game',
		alt: 'Priya smiles next to a tablet with a game on it.'
	},
	{
		words: 'I keep my name, my home and my password private.',
		person: 'alfie-thinking',
		thing: 'padlock',
		alt: 'Alfie thinks, next to a padlock.'
	},
	{
		words: 'I use kind words, online and everywhere.',
		person: 'zara-happy',
		thing: 'speech-kind',
		alt: 'Zara smiles next to a kind message.'
	},
	{
		words: 'If something makes me feel worried, scared or sad, I tell a grown-up.',
		person: 'sam-worried',
		thing: 'tell-button',
		alt: 'Sam looks worried, next to the Tell a grown-up button.'
	},
	{
		words: 'I look after the tablets and computers, and I stop when I am asked.',
		person: 'priya-thinking',
		thing: 'sleeping-tablet',
		alt: 'Priya thinks, next to a tablet that is resting.'
	}
];
