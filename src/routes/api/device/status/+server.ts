import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { readJson } from '$lib/server/http/read-json';
import type { RequestHandler } from './$types';

const StatusSchema = v.object({
	/** null when storage is healthy again. Shown to staff; never silently dropped. */
	storageWarning: v.nullable(v.pipe(v.string(), v.maxLength(300)))
});

/** A tablet reports trouble it cannot fix itself (full storage), so staff can see it. */
export const POST: RequestHandler = async ({ request, locals }) => {
	const device = locals.who.device;
	if (!device) return json({ message: 'This tablet is not enrolled.' }, { status: 401 });
	const body = await readJson(request, StatusSchema, 4096);
	if (!body.ok) return body.response;
	await app()
		.db.updateTable('devices')
		.set({ storage_warning: body.data.storageWarning })
		.where('id', '=', device.id)
		.execute();
	return json({ ok: true });
};
