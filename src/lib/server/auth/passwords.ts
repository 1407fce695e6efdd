/**
 * Staff passwords and kiosk PINs, hashed with scrypt at the OWASP Password Storage Cheat Sheet
 * parameters (N=2^17, r=8, p=1). Stored as `scrypt$N$r$p$salt$hash` so parameters can be raised.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 2 ** 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

/**
 * Hashes at once, server-wide. Each takes 128 MB and a core for a few hundred ms; a flood of
 * sign-ins waits in a short queue, and past it is told to try again (never hashed at all).
 */
export const MAX_CONCURRENT_HASHES = 2;
export const MAX_WAITING_HASHES = 16;
let running = 0;
const waiting: (() => void)[] = [];

/** Thrown when too many hashes are already waiting: the caller answers 429, try again. */
export class HashingBusy extends Error {
	constructor() {
		super('Harbour is busy checking other sign-ins. Please try again in a moment.');
	}
}

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
	if (running >= MAX_CONCURRENT_HASHES) {
		if (waiting.length >= MAX_WAITING_HASHES) throw new HashingBusy();
		await new Promise<void>((resolve) => waiting.push(resolve));
	} else running++;
	try {
		return await work();
	} finally {
		const next = waiting.shift();
		if (next) next();
		else running--;
	}
}

/** Hashes running and waiting now (for tests and the metrics). */
export function hashLoad(): { running: number; waiting: number } {
	return { running, waiting: waiting.length };
}

function derive(secret: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
	return withHashSlot(() => deriveNow(secret, salt, opts));
}

function deriveNow(secret: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		scrypt(secret.normalize('NFKC'), salt, KEY_LENGTH, { ...opts, maxmem: 256 * 1024 * 1024 }, (err, key) =>
			err ? reject(err) : resolve(key)
		);
	});
}

export async function hashSecret(secret: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await derive(secret, salt, { N, r: R, p: P });
	return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
	const [scheme, n, r, p, salt, hash] = stored.split('$');
	if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
	const expected = Buffer.from(hash, 'base64');
	const key = await derive(secret, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
	return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash that never verifies, compared against when an account does not exist (equal timing). */
export const DUMMY_HASH =
	'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
