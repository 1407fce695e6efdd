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
