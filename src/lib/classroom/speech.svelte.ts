/**
 * Speaks instructions in a British English voice and shows them as a caption, so no pupil
 * needs to read. Falls back to the caption alone where the tablet has no voices.
 */
class Speaker {
	caption = $state('');
	#timer: ReturnType<typeof setTimeout> | null = null;

	#voice(): SpeechSynthesisVoice | undefined {
		const voices = speechSynthesis.getVoices();
		return voices.find((v) => v.lang === 'en-GB') ?? voices.find((v) => v.lang.startsWith('en'));
	}

	say(text: string): void {
		this.caption = text;
		if (this.#timer) clearTimeout(this.#timer);
		// Keep the caption long enough to read along: about 70 ms a letter, at least 4 s.
		this.#timer = setTimeout(() => (this.caption = ''), Math.max(4000, text.length * 70));
		if (typeof speechSynthesis === 'undefined') return;
		try {
			speechSynthesis.cancel();
			const u = new SpeechSynthesisUtterance(text);
			u.lang = 'en-GB';
			u.rate = 0.9;
			const voice = this.#voice();
			if (voice) u.voice = voice;
			speechSynthesis.speak(u);
		} catch {
			// A tablet without a working voice still shows the caption.
		}
	}

	stop(): void {
		if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
		this.caption = '';
	}
}

export const speaker = new Speaker();
