/** Random tokens for cookies and codes; the database only ever holds their sha256. */
import { createHash, randomBytes, randomInt } from 'node:crypto';

export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** Short enrolment codes: no 0/O or 1/I/L, so a teacher can read one aloud across a classroom. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newEnrolCode(length = 6): string {
	let out = '';
	for (let i = 0; i < length; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
	return out;
}

export function newId(): string {
	return crypto.randomUUID();
}
