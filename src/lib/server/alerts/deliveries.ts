/**
 * Sends the alerts the dispatcher queued, from the database: each due delivery is claimed with a
 * conditional update (so several app servers never send one twice), sent, and marked sent; a
 * failure is kept with its reason and tried again later, waiting longer each time (30 s, 1 min,
 * 2 min… up to 30 min). Email is never given up: the alert is delivered once the mail server is
 * back. A push to a device that withdrew its subscription (404/410) deletes the subscription.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, AlertDeliveryTable } from '../db/schema';

type Delivery = Selectable<AlertDeliveryTable>;
import type { AlertMessage } from './message';
import { alertDelivered } from '../ops/metrics';
import { currentSchool } from '../tenancy/context';

/** The push service says this subscription no longer exists. */
export class PushGone extends Error {}

export interface PushTarget {
	endpoint: string;
	keys: { p256dh: string; auth: string };
}

export interface Senders {
	email?: (to: string, message: AlertMessage) => Promise<void>;
	push?: (to: PushTarget, message: AlertMessage) => Promise<void>;
}

const BASE_MS = 30_000;
const MAX_MS = 30 * 60_000;
/** A claimed delivery is left alone this long by other servers while it is being sent. */
const CLAIM_MS = 2 * 60_000;
/** A push is worth little hours late: given up after this many tries (email never is). */
export const PUSH_MAX_ATTEMPTS = 8;

/** How long to wait after the nth failed attempt. */
export function backoffMs(attempts: number): number {
	return Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/** A failure's reason, short and single-line, for the admin screen and the table. */
function reasonOf(e: unknown): string {
	const text = e instanceof Error ? e.message : String(e);
	return text.replace(/\s+/g, ' ').trim().slice(0, 200) || 'unknown error';
}

/** Sends every due delivery; returns how many were sent and how many failed this pass. */
export async function sendDueDeliveries(
	db: Kysely<Database>,
	senders: Senders,
	now = new Date(),
	limit = 50
): Promise<{ sent: number; failed: number }> {
	const at = now.toISOString();
	const channels = (['email', 'push'] as const).filter((c) => senders[c]);
	if (channels.length === 0) return { sent: 0, failed: 0 };
	const due = await db
		.selectFrom('alert_deliveries')
		.selectAll()
		.where('school_id', '=', currentSchool())
		.where('status', '=', 'waiting')
		.where('next_attempt_at', '<=', at)
		.where('channel', 'in', channels)
		.orderBy('next_attempt_at')
		.limit(limit)
		.execute();
	let sent = 0;
	let failed = 0;
	for (const d of due) {
		const claimed = await db
			.updateTable('alert_deliveries')
			.set((eb) => ({
				attempts: eb('attempts', '+', 1),
				next_attempt_at: new Date(now.getTime() + CLAIM_MS).toISOString()
			}))
			.where('school_id', '=', d.school_id)
			.where('id', '=', d.id)
			.where('status', '=', 'waiting')
			.where('next_attempt_at', '=', d.next_attempt_at)
			.executeTakeFirst();
		if (Number(claimed.numUpdatedRows) === 0) continue;
		const attempts = d.attempts + 1;
		try {
			await deliver(db, senders, d);
			await finish(db, d, { status: 'sent', sent_at: new Date().toISOString(), last_error: null });
			sent++;
			await observeDelivered(db, d);
		} catch (e) {
			failed++;
			if (e instanceof PushGone) {
				await db.deleteFrom('push_subscriptions').where('id', '=', d.target).execute();
				await finish(db, d, { status: 'gone', last_error: reasonOf(e) });
			} else if (d.channel === 'push' && attempts >= PUSH_MAX_ATTEMPTS) {
				await finish(db, d, { status: 'failed', last_error: reasonOf(e) });
			} else {
				await finish(db, d, {
					last_error: reasonOf(e),
					next_attempt_at: new Date(now.getTime() + backoffMs(attempts)).toISOString()
				});
			}
		}
	}
	return { sent, failed };
}

/** Press stored → this alert handed over, for /metrics (a metrics read never fails a send). */
async function observeDelivered(db: Kysely<Database>, d: Delivery): Promise<void> {
	const incident = await db
		.selectFrom('incidents')
		.select('opened_at')
		.where('id', '=', d.incident_id)
		.executeTakeFirst()
		.catch(() => undefined);
	if (incident) alertDelivered(d.channel, incident.opened_at);
}

async function deliver(db: Kysely<Database>, senders: Senders, d: Delivery): Promise<void> {
	const message = JSON.parse(d.message) as AlertMessage;
	if (d.channel === 'email') return senders.email!(d.target, message);
	const sub = await db
		.selectFrom('push_subscriptions')
		.select(['endpoint', 'p256dh', 'auth'])
		.where('id', '=', d.target)
		.executeTakeFirst();
	if (!sub) throw new PushGone('This device turned alerts off.');
	return senders.push!({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, message);
}

async function finish(
	db: Kysely<Database>,
	d: Delivery,
	set: Partial<Pick<Delivery, 'status' | 'sent_at' | 'last_error' | 'next_attempt_at'>>
): Promise<void> {
	await db
		.updateTable('alert_deliveries')
		.set(set)
		.where('school_id', '=', d.school_id)
		.where('id', '=', d.id)
		.execute();
}

export interface EmailHealth {
	/** Emails not yet delivered. */
	waiting: number;
	/** The latest reason a waiting email could not be sent, or null when none has failed. */
	failing: string | null;
}

/** What the admin screen shows: "Email alerts are failing: <reason>, N waiting". */
export async function emailAlertHealth(db: Kysely<Database>): Promise<EmailHealth> {
	const rows = await db
		.selectFrom('alert_deliveries')
		.select(['last_error', 'attempts', 'next_attempt_at'])
		.where('school_id', '=', currentSchool())
		.where('channel', '=', 'email')
		.where('status', '=', 'waiting')
		.orderBy('created_at', 'desc')
		.execute();
	const failed = rows.find((r) => r.attempts > 0 && r.last_error);
	return { waiting: rows.length, failing: failed?.last_error ?? null };
}

/** "Try again now" (after fixing the mail server): every waiting email is due at once. */
export async function retryEmailsNow(db: Kysely<Database>, now = new Date()): Promise<number> {
	const res = await db
		.updateTable('alert_deliveries')
		.set({ next_attempt_at: now.toISOString() })
		.where('school_id', '=', currentSchool())
		.where('channel', '=', 'email')
		.where('status', '=', 'waiting')
		.where('next_attempt_at', '>', now.toISOString())
		.executeTakeFirst();
	return Number(res.numUpdatedRows);
}
