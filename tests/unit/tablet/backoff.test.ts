import { describe, expect, it } from 'vitest';
import { BASE_DELAY_MS, MAX_DELAY_MS, retryDelay } from '../../../src/lib/local-db/backoff';

describe('outbox retry backoff', () => {
	it('grows with each failure and never passes the cap', () => {
		const high = (n: number) => retryDelay(n, () => 1);
		expect(high(1)).toBe(BASE_DELAY_MS);
		expect(high(2)).toBe(BASE_DELAY_MS * 2);
		expect(high(5)).toBe(BASE_DELAY_MS * 16);
		expect(high(50)).toBe(MAX_DELAY_MS);
	});

	it('spreads tablets out (jitter) but always waits a little', () => {
		const low = retryDelay(6, () => 0);
		const mid = retryDelay(6, () => 0.5);
		expect(low).toBe(BASE_DELAY_MS / 2);
		expect(mid).toBeGreaterThan(low);
		expect(mid).toBeLessThan(retryDelay(6, () => 1));
	});
});
