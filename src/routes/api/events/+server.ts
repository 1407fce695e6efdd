import { json } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { readJson } from '$lib/server/http/read-json';
import { BatchSchema, EventRejected, MAX_BATCH_BYTES, ingestEvents } from '$lib/server/events/ingest';
import { publishIncidentChanges } from '$lib/server/incidents/publish';
import type { RequestHandler } from './$types';

/** The tablet outbox's destination. Replies with the ids stored; the tablet deletes only those. */
export const POST: RequestHandler = async ({ request, locals }) => {
	const device = locals.who.device;
	if (!device) return json({ message: 'This tablet is not enrolled.' }, { status: 401 });
	const body = await readJson(request, BatchSchema, MAX_BATCH_BYTES);
	if (!body.ok) return body.response;
	try {
		const { acked, changes } = await ingestEvents(app().db, device, body.data);
		// Stored first, announced second: an alert never points at something not yet saved.
		await publishIncidentChanges(changes);
		return json({ acked });
	} catch (e) {
		if (e instanceof EventRejected) return json({ message: e.message }, { status: e.status });
		throw e;
	}
};
