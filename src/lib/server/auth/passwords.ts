/**
 * Staff passwords and kiosk PINs, hashed with scrypt at the OWASP Password Storage Cheat Sheet
 * parameters (N=2^17, r=8, p=1). Stored as `scrypt$N$r$p$salt$hash` so parameters can be raised.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 2 ** 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(secret: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
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
