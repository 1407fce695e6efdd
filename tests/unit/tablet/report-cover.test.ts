/**
 * The "Tell a grown-up" cover's steps and words (plain logic, no browser): the back step keeps
 * what was chosen, every step has words to say again, and "asked for secrets" has its own picture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { reportFlow, type FlowStep } from '../../../src/lib/report/report-flow';
import { stepWords, WHAT_CHOICES } from '../../../src/lib/report/cover-words';
import { checkEvent } from '../../../src/lib/events/catalogue';

const walk = (practice = false) => createActor(reportFlow, { input: { practice } }).start();

describe('the cover’s steps', () => {
	it('goes back a step at a time, keeping the answers, and a changed answer replaces the old one', () => {
		const a = walk();
		a.send({ type: 'NEXT' });
		a.send({ type: 'CHOOSE_FEELING', feeling: 'scared' });
		a.send({ type: 'CHOOSE_WHAT', what: 'asked-secrets' });
		expect(a.getSnapshot().value).toBe('extra');
		a.send({ type: 'BACK' });
		expect(a.getSnapshot().value).toBe('what');
		expect(a.getSnapshot().context).toMatchObject({ feeling: 'scared', what: 'asked-secrets' });
		a.send({ type: 'BACK' });
		expect(a.getSnapshot().value).toBe('feeling');
		a.send({ type: 'BACK' });
		expect(a.getSnapshot().value).toBe('thanks');
		a.send({ type: 'NEXT' });
		a.send({ type: 'SKIP' });
		a.send({ type: 'CHOOSE_WHAT', what: 'someone-unkind' });
		expect(a.getSnapshot().context).toMatchObject({ feeling: 'scared', what: 'someone-unkind' });
		a.send({ type: 'DRAW' });
		a.send({ type: 'BACK' });
		expect(a.getSnapshot().value).toBe('extra');
	});

	it('has words for every step, to say as it opens and again on "hear it again"', () => {
		const steps: FlowStep[] = ['thanks', 'feeling', 'what', 'extra', 'drawing', 'voice', 'done'];
		for (const step of steps)
			for (const practice of [false, true])
				for (const voice of [false, true]) expect(stepWords(step, practice, voice).length).toBeGreaterThan(3);
		expect(stepWords('extra', false, true)).toContain('say it');
		expect(stepWords('extra', false, false)).not.toContain('say it');
	});
});

describe('the "what happened" pictures', () => {
	it('gives "asked for secrets" a picture of its own, not the charter’s "keep it private"', () => {
		const charter = parse(readFileSync(join(process.cwd(), 'content', 'charter.yaml'), 'utf8')) as {
			promises: { picture: string }[];
		};
		const charterPictures = charter.promises.map((p) => p.picture);
		const secrets = WHAT_CHOICES.find((w) => w.id === 'asked-secrets')!;
		expect(charterPictures).not.toContain(secrets.picture);
		const svg = readFileSync(join(process.cwd(), 'static', 'pictures', `${secrets.picture}.svg`), 'utf8');
		expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 128 128"/);
		// Every picture is a different one.
		expect(new Set(WHAT_CHOICES.map((w) => w.picture)).size).toBe(WHAT_CHOICES.length);
	});
});

describe('a site that needs a grown-up', () => {
	it('is an event the server accepts, bounded in size', () => {
		expect(
			checkEvent('search.grown-up-needed', { url: 'https://www.bbc.co.uk/cbeebies/', title: 'CBeebies' })
		).toMatchObject({ ok: true });
		expect(checkEvent('search.grown-up-needed', { url: 'x'.repeat(501), title: 'CBeebies' })).toMatchObject({
			ok: false
		});
		expect(checkEvent('search.grown-up-needed', { title: 'CBeebies' })).toMatchObject({ ok: false });
	});
});
