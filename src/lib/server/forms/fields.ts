/** Form fields used on more than one staff screen, each with a message a person can act on. */
import * as v from 'valibot';

export const EmailSchema = v.pipe(
	v.string(),
	v.trim(),
	v.toLowerCase(),
	v.email('Type a whole email address, like name@school.sch.uk.'),
	v.maxLength(200)
);

export const NameSchema = v.pipe(
	v.string(),
	v.trim(),
	v.minLength(1, 'Type a name.'),
	v.maxLength(80, 'Names can be at most 80 letters.')
);

/** NCSC/OWASP: length over complexity. 12 characters, no composition rules. */
export const NewPasswordSchema = v.pipe(
	v.string(),
	v.minLength(12, 'Passwords need at least 12 characters (three random words work well).'),
	v.maxLength(200, 'Passwords can be at most 200 characters.')
);

/** Kiosk PIN: optional in forms (empty keeps none), otherwise 4–8 digits. */
export const PinSchema = v.pipe(
	v.optional(v.string(), ''),
	v.check((s) => s === '' || /^\d{4,8}$/.test(s), 'A PIN is 4 to 8 digits.'),
	v.transform((s) => (s === '' ? undefined : s))
);

/**
 * Characters a person cannot see but a list or a screen would still act on: control characters
 * (NUL and friends), bidirectional overrides and isolates (which can make "evil.com" read as
 * "moc.live"), and zero-width characters (which split a blocked word so it no longer matches).
 */
export const HIDDEN_CHARACTERS =
	// eslint-disable-next-line no-control-regex -- finding control characters is the point
	/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

export const noHiddenCharacters = (what: string) =>
	v.check<string, string>(
		(s) => !HIDDEN_CHARACTERS.test(s),
		`The ${what} has hidden characters (for example from copying out of a document). Please type it again.`
	);
