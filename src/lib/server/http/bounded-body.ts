/**
 * Reads a request body without trusting its size: stops as soon as it passes `maxBytes`
 * (whatever Content-Length claimed, chunked or not), so a huge body costs at most that much
 * memory. Every route that reads a body reads it through here.
 */
export const SMALL_BODY_BYTES = 64 * 1024;

export type BodyResult = { ok: true; bytes: Uint8Array } | { ok: false; status: 413 | 400; message: string };

export function tooLargeMessage(maxBytes: number): string {
	const kb = Math.round(maxBytes / 1024);
	return kb >= 1024
		? `The request is larger than ${Math.round(kb / 1024)} MB.`
		: `The request is larger than ${kb} KB.`;
}

export async function readBodyBounded(request: Request, maxBytes: number): Promise<BodyResult> {
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > maxBytes) return { ok: false, status: 413, message: tooLargeMessage(maxBytes) };
	if (!request.body) return { ok: true, bytes: new Uint8Array() };
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			total += value.byteLength;
			if (total > maxBytes) {
				await reader.cancel().catch(() => {});
				return { ok: false, status: 413, message: tooLargeMessage(maxBytes) };
			}
			chunks.push(value);
		}
	} catch {
		return { ok: false, status: 400, message: 'The request body could not be read.' };
	}
	const bytes = new Uint8Array(total);
	let at = 0;
	for (const c of chunks) {
		bytes.set(c, at);
		at += c.byteLength;
	}
	return { ok: true, bytes };
}

export type FormDataResult =
	{ ok: true; form: FormData } | { ok: false; status: 413 | 400 | 415; message: string };

/** A form body (urlencoded or multipart), bounded, parsed without throwing. */
export async function readFormBounded(
	request: Request,
	maxBytes = SMALL_BODY_BYTES
): Promise<FormDataResult> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
		return { ok: false, status: 415, message: 'Send the form as a web form.' };
	}
	const body = await readBodyBounded(request, maxBytes);
	if (!body.ok) return body;
	try {
		const form = await new Response(body.bytes as Uint8Array<ArrayBuffer>, {
			headers: { 'content-type': type }
		}).formData();
		return { ok: true, form };
	} catch {
		return { ok: false, status: 400, message: 'The form could not be read. Please try again.' };
	}
}
