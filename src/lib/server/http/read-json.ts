/**
 * Reads a JSON request body with a size cap and a valibot schema. Every failure is a 4xx with
 * a message saying what was wrong; nothing reaches the database unless the whole body is valid.
 */
import { json } from '@sveltejs/kit';
import * as v from 'valibot';

export type JsonResult<T> = { ok: true; data: T } | { ok: false; response: Response };

export async function readJson<S extends v.GenericSchema>(
	request: Request,
	schema: S,
	maxBytes: number
): Promise<JsonResult<v.InferOutput<S>>> {
	const fail = (status: number, message: string) => ({
		ok: false as const,
		response: json({ message }, { status })
	});
	if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
		return fail(415, 'Send the body as application/json.');
	}
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > maxBytes) return fail(413, `The body is larger than ${Math.round(maxBytes / 1024)} KB.`);
	const text = await request.text();
	if (Buffer.byteLength(text) > maxBytes)
		return fail(413, `The body is larger than ${Math.round(maxBytes / 1024)} KB.`);
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return fail(400, 'The body is not valid JSON.');
	}
	const parsed = v.safeParse(schema, body);
	if (!parsed.success) {
		const issue = parsed.issues[0];
		const where = v.getDotPath(issue);
		return fail(400, where ? `${where}: ${issue.message}` : issue.message);
	}
	return { ok: true, data: parsed.output };
}
