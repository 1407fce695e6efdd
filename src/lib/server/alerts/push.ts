/**
 * Web Push alerts (the `web-push` library, VAPID). The school's VAPID keys are made on first
 * start and kept in the `settings` table, so every app server signs with the same ones. Staff
 * devices that asked for alerts are kept per account; a push service that says a subscription is
 * gone (404/410) has it deleted.
 */
import type { Agent } from 'node:https';
import type { Kysely } from 'kysely';
import webpush from 'web-push';
import * as v from 'valibot';
import type { Database } from '../db/schema';
import { newId } from '../auth/tokens';
import { PushGone, type PushTarget } from './deliveries';
import type { AlertMessage } from './message';
import { currentSchool } from '../tenancy/context';

const KEY = 'vapid';

export interface VapidKeys {
	publicKey: string;
	privateKey: string;
}

/** The school's VAPID keys, made (once, whichever server gets there first) when missing. */
export async function vapidKeys(db: Kysely<Database>): Promise<VapidKeys> {
	const read = async () =>
		(await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst())?.value;
	let value = await read();
	if (!value) {
		const keys = webpush.generateVAPIDKeys();
		await db
			.insertInto('settings')
			.values({ key: KEY, value: JSON.stringify(keys) })
			.onConflict((oc) => oc.columns(['school_id', 'key']).doNothing())
			.execute();
		value = await read();
	}
	return JSON.parse(value!) as VapidKeys;
}

const base64url = (max: number) =>
	v.pipe(v.string(), v.minLength(1), v.maxLength(max), v.regex(/^[A-Za-z0-9_-]+=*$/, 'is not base64url'));

/** A browser's PushSubscription as it posts it. Only https push services are accepted. */
export const SubscriptionSchema = v.object({
	endpoint: v.pipe(
		v.string(),
		v.maxLength(2048, 'That push address is too long.'),
		v.url('That is not a push address.'),
		v.startsWith('https://', 'Push addresses must be https.')
	),
	keys: v.object({ p256dh: base64url(200), auth: base64url(100) })
});
export type SubscriptionInput = v.InferOutput<typeof SubscriptionSchema>;

/** Keeps a device's subscription for this account (a device moving accounts follows the last). */
export async function saveSubscription(
	db: Kysely<Database>,
	staffId: string,
	sub: SubscriptionInput,
	now = new Date()
): Promise<void> {
	await db
		.insertInto('push_subscriptions')
		.values({
			school_id: currentSchool(),
			id: newId(),
			staff_id: staffId,
			endpoint: sub.endpoint,
			p256dh: sub.keys.p256dh,
			auth: sub.keys.auth,
			created_at: now.toISOString()
		})
		.onConflict((oc) =>
			oc.columns(['school_id', 'endpoint']).doUpdateSet({
				staff_id: staffId,
				p256dh: sub.keys.p256dh,
				auth: sub.keys.auth
			})
		)
		.execute();
}

/** Forgets a device's subscription (only this account's). Returns whether one was removed. */
export async function removeSubscription(
	db: Kysely<Database>,
	staffId: string,
	endpoint: string
): Promise<boolean> {
	const res = await db
		.deleteFrom('push_subscriptions')
		.where('school_id', '=', currentSchool())
		.where('staff_id', '=', staffId)
		.where('endpoint', '=', endpoint)
		.executeTakeFirst();
	return Number(res.numDeletedRows) > 0;
}

export async function countSubscriptions(db: Kysely<Database>, staffId: string): Promise<number> {
	const r = await db
		.selectFrom('push_subscriptions')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('staff_id', '=', staffId)
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

/** What the service worker receives (src/service-worker.ts shows it). */
export interface PushPayload {
	title: string;
	body: string;
	url: string;
	tag: string;
	urgency: AlertMessage['urgency'];
}

export function pushPayload(message: AlertMessage): PushPayload {
	return {
		title: message.title,
		body: message.body,
		url: message.url,
		tag: message.incidentId,
		urgency: message.urgency
	};
}

/**
 * Sends to one device. `subject` is a mailto: or https: address push services may contact;
 * `agent` is for tests (a local push service with its own certificate).
 */
export function pushSender(
	keys: VapidKeys,
	subject: string,
	agent?: Agent
): (to: PushTarget, message: AlertMessage) => Promise<void> {
	return async (to, message) => {
		try {
			await webpush.sendNotification(to, JSON.stringify(pushPayload(message)), {
				vapidDetails: { subject, ...keys },
				contentEncoding: 'aes128gcm',
				TTL: 60 * 60,
				urgency: 'high',
				timeout: 15_000,
				...(agent ? { agent } : {})
			});
		} catch (e) {
			if (e instanceof webpush.WebPushError && (e.statusCode === 404 || e.statusCode === 410))
				throw new PushGone(`The push service says this device is gone (${e.statusCode}).`);
			if (e instanceof webpush.WebPushError)
				throw new Error(`The push service answered ${e.statusCode}.`, { cause: e });
			throw e;
		}
	};
}
