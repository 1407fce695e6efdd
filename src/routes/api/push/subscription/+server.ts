import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { appendAudit } from '$lib/server/audit/audit-log';
import { readJson } from '$lib/server/http/read-json';
import { removeSubscription, saveSubscription, SubscriptionSchema } from '$lib/server/alerts/push';
import type { RequestHandler } from './$types';

/** A push subscription is a few hundred bytes. */
const MAX_BYTES = 4096;

/** "Get alerts on this device": keeps this device's push subscription for the signed-in account. */
export const POST: RequestHandler = async ({ request, locals }) => {
	const staff = locals.who.staff!;
	const read = await readJson(request, SubscriptionSchema, MAX_BYTES);
	if (!read.ok) return read.response;
	const { db } = app();
	await saveSubscription(db, staff.id, read.data);
	await appendAudit(db, {
		actor: `staff:${staff.id}`,
		action: 'push.subscribed',
		target: `staff:${staff.id}`
	});
	return json({ ok: true });
};

/** "Stop alerts on this device". */
export const DELETE: RequestHandler = async ({ request, locals }) => {
	const staff = locals.who.staff!;
	const read = await readJson(
		request,
		v.object({ endpoint: SubscriptionSchema.entries.endpoint }),
		MAX_BYTES
	);
	if (!read.ok) return read.response;
	const { db } = app();
	const removed = await removeSubscription(db, staff.id, read.data.endpoint);
	if (removed)
		await appendAudit(db, {
			actor: `staff:${staff.id}`,
			action: 'push.unsubscribed',
			target: `staff:${staff.id}`
		});
	return json({ ok: true, removed });
};
