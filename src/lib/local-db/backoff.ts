/**
 * Retry delay after a failed send: exponential with "full jitter" (a random delay between 0
 * and the exponential cap), so a classroom of tablets coming back online do not all retry at
 * the same instant.
 */
export const BASE_DELAY_MS = 2_000;
export const MAX_DELAY_MS = 5 * 60_000;

export function retryDelay(attempts: number, random: () => number = Math.random): number {
	const cap = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
	return Math.round(BASE_DELAY_MS / 2 + random() * (cap - BASE_DELAY_MS / 2));
}
