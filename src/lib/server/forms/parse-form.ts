/**
 * Reads a form post through a valibot schema. On failure returns the first problem as a
 * sentence for the person filling in the form, ready for `fail(400, …)`.
 */
import * as v from 'valibot';

export type FormResult<T> = { ok: true; data: T } | { ok: false; message: string };

export async function parseForm<S extends v.GenericSchema>(
	request: Request,
	schema: S
): Promise<FormResult<v.InferOutput<S>>> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return { ok: false, message: 'The form could not be read. Please try again.' };
	}
	const fields: Record<string, string> = {};
	for (const [k, value] of form) if (typeof value === 'string') fields[k] = value;
	const parsed = v.safeParse(schema, fields);
	if (parsed.success) return { ok: true, data: parsed.output };
	return { ok: false, message: parsed.issues[0].message };
}
