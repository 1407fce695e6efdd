/** Choosing a voice and cutting words into sentences (see speech.svelte.ts). Plain TypeScript. */

/** Splits words into sentences to speak one at a time. */
export function sentencesOf(text: string): string[] {
	return text
		.split(/(?<=[.!?…])\s+/u)
		.map((s) => s.trim())
		.filter(Boolean);
}

/** Long enough for a slow voice to finish a sentence; then move on even if `end` never came. */
export const sentenceTimeout = (sentence: string) => 2500 + sentence.length * 110;

/** The best voice for a child in a British classroom; never a network voice while offline. */
export function chooseVoice(
	voices: readonly SpeechSynthesisVoice[],
	online: boolean
): SpeechSynthesisVoice | null {
	const usable = voices.filter((v) => v.localService || online);
	const rank = (v: SpeechSynthesisVoice) =>
		(v.lang.replace('_', '-') === 'en-GB' ? 0 : v.lang.startsWith('en') ? 2 : 10) + (v.localService ? 0 : 1);
	const best = usable.filter((v) => rank(v) < 10).sort((a, b) => rank(a) - rank(b))[0];
	return best ?? null;
}
