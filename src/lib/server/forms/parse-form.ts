/**
 * Reads a form post through a valibot schema. On failure returns the first problem as a
 * sentence for the person filling in the form, ready for `fail(status, …)`. The body is read
 * with a size cap first, and validation stops at the first problem (a hostile form with a
 * million list items costs one issue, not a million).
 */
import * as v from 'valibot';
import { SMALL_BODY_BYTES, readFormBounded } from '../http/bounded-body';

export type FormResult<T> = { ok: true; data: T } | { ok: false; message: string; status: 400 | 413 | 415 };

export async function parseForm<S extends v.GenericSchema>(
	request: Request,
	schema: S,
	maxBytes = SMALL_BODY_BYTES
): Promise<FormResult<v.InferOutput<S>>> {
	const read = await readFormBounded(request, maxBytes);
	if (!read.ok) return { ok: false, message: read.message, status: read.status };
	const fields: Record<string, string> = {};
	for (const [k, value] of read.form) if (typeof value === 'string') fields[k] = value;
	const parsed = v.safeParse(schema, fields, { abortEarly: true });
	if (parsed.success) return { ok: true, data: parsed.output };
	return { ok: false, message: parsed.issues[0].message, status: 400 };
}
