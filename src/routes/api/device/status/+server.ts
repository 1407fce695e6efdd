import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { readJson } from '$lib/server/http/read-json';
import type { RequestHandler } from './$types';

const StatusSchema = v.object({
	/** null when storage is healthy again. Shown to staff; never silently dropped. */
	storageWarning: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(300)))),
	/** How many refused events the tablet keeps set aside. */
	setAsideEvents: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000)))
});

/** A tablet reports trouble it cannot fix itself (full storage, refused events), so staff can see it. */
export const POST: RequestHandler = async ({ request, locals }) => {
	const device = locals.who.device;
	if (!device) return json({ message: 'This tablet is not enrolled.' }, { status: 401 });
	const body = await readJson(request, StatusSchema, 4096);
	if (!body.ok) return body.response;
	if (body.data.storageWarning === undefined && body.data.setAsideEvents === undefined)
		return json({ message: 'Say what changed: storageWarning or setAsideEvents.' }, { status: 400 });
	await app()
		.db.updateTable('devices')
		.set({
			...(body.data.storageWarning !== undefined ? { storage_warning: body.data.storageWarning } : {}),
			...(body.data.setAsideEvents !== undefined ? { set_aside_events: body.data.setAsideEvents } : {})
		})
		.where('id', '=', device.id)
		.execute();
	return json({ ok: true });
};
