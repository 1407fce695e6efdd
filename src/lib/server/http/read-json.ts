/**
 * Reads a JSON request body with a size cap and a valibot schema. Every failure is a 4xx with
 * a message saying what was wrong; nothing reaches the database unless the whole body is valid.
 * The body is bounded before it is parsed, and validation stops at the first issue.
 */
import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { readBodyBounded } from './bounded-body';

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
	const read = await readBodyBounded(request, maxBytes);
	if (!read.ok) return fail(read.status, read.message);
	let body: unknown;
	try {
		body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(read.bytes));
	} catch {
		return fail(400, 'The body is not valid JSON in UTF-8.');
	}
	const parsed = v.safeParse(schema, body, { abortEarly: true });
	if (!parsed.success) {
		const issue = parsed.issues[0];
		const where = v.getDotPath(issue);
		return fail(400, where ? `${where}: ${issue.message}` : issue.message);
	}
	return { ok: true, data: parsed.output };
}
