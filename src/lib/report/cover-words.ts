/**
 * What the cover says at each step, spoken and shown as the caption. One place, so the step's
 * first words and "hear it again" are always the same sentence.
 */
import type { FlowStep } from './report-flow';
import type { WhatHappened } from './report-events';

export function thanksWords(practice: boolean): string {
	return practice
		? 'Well done! That is how you tell a grown-up. This time it was practice.'
		: 'Thank you for telling. You did the right thing.';
}

export function doneWords(practice: boolean): string {
	return practice
		? 'Well done! When you really need a grown-up, press the button just like that.'
		: 'Your teacher is coming. You did the right thing.';
}

/** The question a step asks (spoken as the step opens), or the step's comfort. */
export function stepWords(step: FlowStep, practice: boolean, voice: boolean): string {
	switch (step) {
		case 'thanks':
			return thanksWords(practice);
		case 'feeling':
			return 'How do you feel?';
		case 'what':
			return 'What happened? Tap a picture to hear it. Tap it again to choose it.';
		case 'extra':
			return voice
				? 'Do you want to draw it, or say it? Or tap the arrow.'
				: 'Do you want to draw it? Or tap the arrow.';
		case 'drawing':
			return 'Draw what happened. Then tap the tick.';
		case 'voice':
			return 'Tap the button and tell me what happened.';
		case 'done':
			return doneWords(practice);
	}
}

export const WHAT_CHOICES: readonly { id: WhatHappened; picture: string; say: string }[] = [
	{ id: 'saw-something', picture: 'what-saw', say: 'I saw something scary or upsetting' },
	{ id: 'someone-unkind', picture: 'what-unkind', say: 'Someone was unkind' },
	// Its own picture: not the charter's "keep it private" promise, which a child knows as a rule.
	{ id: 'asked-secrets', picture: 'what-secrets', say: 'Someone asked for my secrets, a photo, or to meet' },
	{ id: 'something-else', picture: 'what-else', say: 'Something else' }
];
