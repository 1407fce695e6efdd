import { json } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { readJson } from '$lib/server/http/read-json';
import {
	BatchSchema,
	MAX_EVENTS_PER_BATCH,
	MAX_PAYLOAD_BYTES,
	ingestEvents
} from '$lib/server/events/ingest';
import type { RequestHandler } from './$types';

/** The tablet outbox's destination. Replies with the ids stored; the tablet deletes only those. */
export const POST: RequestHandler = async ({ request, locals }) => {
	const device = locals.who.device;
	if (!device) return json({ message: 'This tablet is not enrolled.' }, { status: 401 });
	const body = await readJson(request, BatchSchema, MAX_EVENTS_PER_BATCH * MAX_PAYLOAD_BYTES);
	if (!body.ok) return body.response;
	try {
		const acked = await ingestEvents(app().db, device, body.data);
		return json({ acked });
	} catch (e) {
		if (e instanceof RangeError) return json({ message: e.message }, { status: 413 });
		throw e;
	}
};
