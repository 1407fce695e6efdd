import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_PROMISES } from '$lib/print/agreement';
import { AGREEMENT_PICTURES } from '$lib/print/agreement-pictures';

describe('the picture agreement', () => {
	it('finds both cast drawings of every promise among the pictures it ships', () => {
		const missing = AGREEMENT_PROMISES.flatMap((p) => [`people/${p.person}`, `things/${p.thing}`]).filter(
			(key) => !AGREEMENT_PICTURES[key] || !existsSync(`lessons/cast/${key}.svg`)
		);
		expect(missing).toEqual([]);
	});

	it('ships no drawing it does not use', () => {
		const used = new Set(AGREEMENT_PROMISES.flatMap((p) => [`people/${p.person}`, `things/${p.thing}`]));
		expect(Object.keys(AGREEMENT_PICTURES).filter((key) => !used.has(key))).toEqual([]);
	});

	it('keeps each promise short enough for a five-year-old to hear in one go', () => {
		for (const p of AGREEMENT_PROMISES) {
			expect(p.words.split(' ').length, p.words).toBeLessThanOrEqual(14);
			expect(p.alt.length).toBeGreaterThan(0);
		}
	});
});
