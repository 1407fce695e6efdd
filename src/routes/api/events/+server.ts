import { json } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { readJson } from '$lib/server/http/read-json';
import { BatchSchema, MAX_BATCH_BYTES, ingestEvents } from '$lib/server/events/ingest';
import { publishIncidentChanges } from '$lib/server/incidents/publish';
import { log } from '$lib/server/logger';
import type { RequestHandler } from './$types';

/**
 * The tablet outbox's destination. Replies `{acked, rejected}`: the tablet deletes the acked
 * rows and sets the rejected ones aside (each with its reason), so one bad event never holds
 * back the reports sent with it.
 */
export const POST: RequestHandler = async ({ request, locals }) => {
	const device = locals.who.device;
	if (!device) return json({ message: 'This tablet is not enrolled.' }, { status: 401 });
	const body = await readJson(request, BatchSchema, MAX_BATCH_BYTES);
	if (!body.ok) return body.response;
	const { acked, rejected, changes } = await ingestEvents(app().db, device, body.data);
	// How many and from which tablet, never what: the reasons can name a field, not its content.
	if (rejected.length) log.warn({ device: device.id, rejected: rejected.length }, 'Events rejected');
	// Stored first, announced second: an alert never points at something not yet saved. An
	// announcement that fails (the live bridge is down) is logged; the reports are already safe.
	await publishIncidentChanges(changes).catch((e: unknown) =>
		log.error({ err: (e as Error).message }, 'Live alerts could not be sent')
	);
	return json({ acked, rejected });
};
