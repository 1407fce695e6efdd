/**
 * Speaks instructions in a British English voice and shows them as a caption, so no pupil
 * needs to read. Built for the tablets schools have (iPads, Chromebooks, Windows, Android):
 * - voices arrive late on some browsers: they are read again on `voiceschanged`;
 * - an en-GB voice on the device (`localService`) is preferred, and a network voice (Chrome's
 *   "Google …", Edge's "… Online (Natural)") is never chosen while offline;
 * - text is spoken a sentence at a time (Chrome cuts long utterances off after about 15 s), each
 *   with a timeout in case the browser never says it has finished;
 * - iPadOS speaks only after a touch: the first tap anywhere unlocks it;
 * - the tablet's volume and mute (set on the grown-ups screen) are respected;
 * - with no usable voice the caption alone is shown, and `hasOfflineVoice` tells the grown-ups
 *   screen so;
 * - a recorded clip (`audio:` in a lesson) plays instead of the synthetic voice.
 */
import { chooseVoice, sentenceTimeout, sentencesOf } from './voices';

const SETTINGS_KEY = 'harbour-speech';

interface SayOptions {
	/** Show the words in the floating caption too (pages with their own caption say false). */
	caption?: boolean;
	/** A recorded clip's URL: played instead of the synthetic voice. */
	clip?: string;
}

class Speaker {
	caption = $state('');
	/** Whether something is being spoken or played now. */
	speaking = $state(false);
	/** False when the tablet has voices but none that works without the network (or none at all). */
	hasOfflineVoice = $state(true);
	volume = $state(1);
	muted = $state(false);

	#timer: ReturnType<typeof setTimeout> | null = null;
	#sentenceTimer: ReturnType<typeof setTimeout> | null = null;
	#run = 0;
	#voices: SpeechSynthesisVoice[] = [];
	#audio: HTMLAudioElement | null = null;
	#started = false;

	/** Reads voices (now and whenever they change), settings, and waits for the first tap. */
	start(): void {
		if (this.#started || typeof window === 'undefined') return;
		this.#started = true;
		try {
			const saved = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as {
				volume?: number;
				muted?: boolean;
			};
			if (typeof saved.volume === 'number') this.volume = Math.min(1, Math.max(0, saved.volume));
			if (typeof saved.muted === 'boolean') this.muted = saved.muted;
		} catch {
			// Unreadable settings: keep the defaults.
		}
		if (typeof speechSynthesis === 'undefined') {
			this.hasOfflineVoice = false;
			return;
		}
		const read = () => {
			this.#voices = speechSynthesis.getVoices();
			this.hasOfflineVoice = this.#voices.some((v) => v.localService);
		};
		read();
		speechSynthesis.addEventListener('voiceschanged', read);
		// iPadOS (and some Android browsers) speak only after a user gesture: unlock on the first tap.
		const unlock = () => {
			window.removeEventListener('pointerdown', unlock, true);
			try {
				const u = new SpeechSynthesisUtterance('');
				u.volume = 0;
				speechSynthesis.speak(u);
			} catch {
				// Nothing to unlock.
			}
		};
		window.addEventListener('pointerdown', unlock, { capture: true, passive: true });
	}

	setVolume(volume: number, muted: boolean): void {
		this.volume = Math.min(1, Math.max(0, volume));
		this.muted = muted;
		localStorage.setItem(SETTINGS_KEY, JSON.stringify({ volume: this.volume, muted }));
		if (this.#audio) this.#audio.volume = muted ? 0 : this.volume;
	}

	say(text: string, { caption = true, clip }: SayOptions = {}): void {
		this.start();
		this.#cancel();
		const run = ++this.#run;
		if (caption) {
			this.caption = text;
			// Keep the caption long enough to read along: about 70 ms a letter, at least 4 s.
			this.#timer = setTimeout(() => (this.caption = ''), Math.max(4000, text.length * 70));
		}
		if (this.muted) return;
		if (clip && typeof Audio !== 'undefined') {
			const audio = new Audio(clip);
			audio.volume = this.volume;
			this.#audio = audio;
			this.speaking = true;
			audio.onended = () => {
				if (run === this.#run) this.speaking = false;
			};
			audio.play().catch(() => {
				// The clip would not play (not yet allowed, or broken): the voice says it instead.
				if (run === this.#run) this.#speak(sentencesOf(text), run);
			});
			return;
		}
		this.#speak(sentencesOf(text), run);
	}

	#speak(sentences: string[], run: number): void {
		if (typeof speechSynthesis === 'undefined' || run !== this.#run) return;
		const [sentence, ...rest] = sentences;
		if (sentence === undefined) {
			this.speaking = false;
			return;
		}
		const voice = chooseVoice(
			this.#voices.length ? this.#voices : speechSynthesis.getVoices(),
			navigator.onLine
		);
		// Voices are known and none works here: the caption alone, rather than a silent network wait.
		if (!voice && (this.#voices.length > 0 || !navigator.onLine)) {
			this.speaking = false;
			return;
		}
		let moved = false;
		const next = () => {
			if (moved) return;
			moved = true;
			if (this.#sentenceTimer) clearTimeout(this.#sentenceTimer);
			this.#speak(rest, run);
		};
		try {
			const u = new SpeechSynthesisUtterance(sentence);
			u.lang = 'en-GB';
			u.rate = 0.9;
			u.volume = this.volume;
			if (voice) u.voice = voice;
			u.onend = next;
			u.onerror = next;
			this.speaking = true;
			speechSynthesis.speak(u);
			this.#sentenceTimer = setTimeout(next, sentenceTimeout(sentence));
		} catch {
			// A tablet without a working voice still shows the caption.
			this.speaking = false;
		}
	}

	#cancel(): void {
		if (this.#timer) clearTimeout(this.#timer);
		if (this.#sentenceTimer) clearTimeout(this.#sentenceTimer);
		this.#timer = this.#sentenceTimer = null;
		if (this.#audio) {
			this.#audio.onended = null;
			this.#audio.pause();
			this.#audio = null;
		}
		if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
		this.speaking = false;
	}

	stop(): void {
		this.#run++;
		this.#cancel();
		this.caption = '';
	}
}

export const speaker = new Speaker();
