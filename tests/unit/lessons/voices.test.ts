/** Speech on school tablets: the voice chosen, offline and online, and sentence-by-sentence speaking. */
import { describe, expect, it } from 'vitest';
import { chooseVoice, sentenceTimeout, sentencesOf } from '../../../src/lib/classroom/voices';

const voice = (name: string, lang: string, localService: boolean) =>
	({ name, lang, localService, default: false, voiceURI: name }) as SpeechSynthesisVoice;

const chromebook = [
	voice('Google UK English Female', 'en-GB', false),
	voice('Google US English', 'en-US', false),
	voice('Chrome OS UK English 1', 'en-GB', true),
	voice('Chrome OS Français', 'fr-FR', true)
];

describe('choosing a voice', () => {
	it('prefers an en-GB voice on the device', () => {
		expect(chooseVoice(chromebook, true)?.name).toBe('Chrome OS UK English 1');
	});

	it('never chooses a network voice offline', () => {
		const edge = [voice('Microsoft Libby Online (Natural) - English (United Kingdom)', 'en-GB', false)];
		expect(chooseVoice(edge, false)).toBeNull();
		expect(chooseVoice(edge, true)?.name).toMatch(/Libby/);
	});

	it('falls back to another English voice on the device before a network one', () => {
		const windows = [
			voice('Google UK English Male', 'en-GB', false),
			voice('Microsoft David', 'en-US', true)
		];
		expect(chooseVoice(windows, false)?.name).toBe('Microsoft David');
	});

	it('chooses nothing rather than a voice in another language', () => {
		expect(chooseVoice([voice('Thomas', 'fr-FR', true)], true)).toBeNull();
	});
});

describe('speaking a sentence at a time', () => {
	it('cuts narration into sentences', () => {
		expect(sentencesOf('Hello, everyone! Today we meet Sam. Is Sam happy?  Yes…  He is.')).toEqual([
			'Hello, everyone!',
			'Today we meet Sam.',
			'Is Sam happy?',
			'Yes…',
			'He is.'
		]);
	});

	it('gives each sentence a timeout that grows with its length', () => {
		expect(sentenceTimeout('Hi.')).toBeLessThan(sentenceTimeout('A much longer sentence than that one.'));
		expect(sentenceTimeout('Hi.')).toBeGreaterThan(2000);
	});
});
