/**
 * Attempt counting in the database, so several stateless app servers share one view.
 *
 * An attempt is *reserved* before the secret is checked: the reservation counts it at once, in
 * one atomic statement, so a burst of guesses sent all together is counted as it arrives and
 * only the first few are ever checked. A success gives back its own reservation only; it never
 * wipes the other attempts of a burst.
 *
 * Staff sign-in locks an account or address for a while after too many attempts; class sign-in
 * only slows down (one child cannot lock a whole class out).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface LimitPolicy {
	/** Failed (or in-flight) attempts allowed in the window. */
	maxFailures: number;
	windowMinutes: number;
	/** 'lock': wait lockMinutes. 'slow': wait 2^(extra attempts) seconds, capped at maxDelaySeconds. */
	mode: 'lock' | 'slow';
	lockMinutes?: number;
	maxDelaySeconds?: number;
}

export const STAFF_ACCOUNT_LIMIT: LimitPolicy = {
	maxFailures: 5,
	windowMinutes: 15,
	mode: 'lock',
	lockMinutes: 15
};
export const STAFF_ADDRESS_LIMIT: LimitPolicy = {
	maxFailures: 20,
	windowMinutes: 15,
	mode: 'lock',
	lockMinutes: 15
};
/** "Current password" checks on the account page, per account. */
export const CURRENT_PASSWORD_LIMIT: LimitPolicy = {
	maxFailures: 5,
	windowMinutes: 15,
	mode: 'lock',
	lockMinutes: 15
};
export const CLASS_DEVICE_LIMIT: LimitPolicy = {
	maxFailures: 3,
	windowMinutes: 10,
	mode: 'slow',
	maxDelaySeconds: 30
};
/** Kiosk PINs: a handful of checks per tablet per 15 minutes. */
export const PIN_DEVICE_LIMIT: LimitPolicy = {
	maxFailures: 5,
	windowMinutes: 15,
	mode: 'lock',
	lockMinutes: 15
};

/** Seconds the caller must wait before trying `key` again; 0 when it may try now. */
export async function secondsToWait(db: Kysely<Database>, key: string, now = new Date()): Promise<number> {
	const row = await db
		.selectFrom('rate_limits')
		.select('blocked_until')
		.where('key', '=', key)
		.executeTakeFirst();
	if (!row?.blocked_until) return 0;
	return Math.max(0, Math.ceil((Date.parse(row.blocked_until) - now.getTime()) / 1000));
}

function waitAfter(attempts: number, policy: LimitPolicy): number {
	if (attempts < policy.maxFailures) return 0;
	return policy.mode === 'lock'
		? (policy.lockMinutes ?? 15) * 60
		: Math.min(2 ** (attempts - policy.maxFailures + 1), policy.maxDelaySeconds ?? 30);
}

export type Reservation =
	| {
			ok: true;
			attempts: number;
			/** Seconds the next attempt will have to wait if this one fails. */ waitIfWrong: number;
	  }
	| { ok: false; waitSeconds: number };

/**
 * Counts one attempt for `key` before its secret is checked. Refused (not counted) while the key
 * is held back, or when the attempts already in the window use up what the policy allows.
 */
export async function reserveAttempt(
	db: Kysely<Database>,
	key: string,
	policy: LimitPolicy,
	now = new Date()
): Promise<Reservation> {
	const at = now.toISOString();
	const windowOpenedAfter = new Date(now.getTime() - policy.windowMinutes * 60_000).toISOString();
	return db.transaction().execute(async (trx) => {
		// One statement counts the attempt, or does nothing while the key is held back. On
		// PostgreSQL it also locks the row until this transaction ends, so bursts queue here.
		const counted = await trx
			.insertInto('rate_limits')
			.values({ key, window_start: at, failures: 1, blocked_until: null })
			.onConflict((oc) =>
				oc
					.columns(['school_id', 'key'])
					.doUpdateSet({
						failures: sql<number>`case when rate_limits.window_start < ${windowOpenedAfter} then 1 else rate_limits.failures + 1 end`,
						window_start: sql<string>`case when rate_limits.window_start < ${windowOpenedAfter} then ${at} else rate_limits.window_start end`
					})
					.where((eb) =>
						eb.or([eb('rate_limits.blocked_until', 'is', null), eb('rate_limits.blocked_until', '<=', at)])
					)
			)
			.returning('failures')
			.executeTakeFirst();
		if (!counted) {
			const row = await trx
				.selectFrom('rate_limits')
				.select('blocked_until')
				.where('key', '=', key)
				.executeTakeFirst();
			const waitSeconds = row?.blocked_until
				? Math.max(1, Math.ceil((Date.parse(row.blocked_until) - now.getTime()) / 1000))
				: 1;
			return { ok: false as const, waitSeconds };
		}
		const attempts = Number(counted.failures);
		const wait = waitAfter(attempts, policy);
		// Held back from now on; this attempt itself may still go ahead (it is the last one allowed).
		await trx
			.updateTable('rate_limits')
			.set({ blocked_until: wait ? new Date(now.getTime() + wait * 1000).toISOString() : null })
			.where('key', '=', key)
			.execute();
		if (policy.mode === 'lock' && attempts > policy.maxFailures) {
			return { ok: false as const, waitSeconds: wait };
		}
		return { ok: true as const, attempts, waitIfWrong: wait };
	});
}

/**
 * The reserved attempt was right: give back this one reservation (not the others in the
 * window), and lift the hold if what remains is under the limit.
 */
export async function attemptSucceeded(
	db: Kysely<Database>,
	key: string,
	policy: LimitPolicy,
	now = new Date()
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const row = await trx.selectFrom('rate_limits').selectAll().where('key', '=', key).executeTakeFirst();
		if (!row) return;
		const failures = Math.max(0, Number(row.failures) - 1);
		const wait = waitAfter(failures, policy);
		await trx
			.updateTable('rate_limits')
			.set({
				failures,
				blocked_until:
					wait && row.blocked_until && row.blocked_until > now.toISOString() ? row.blocked_until : null
			})
			.where('key', '=', key)
			.execute();
	});
}

/** Several keys at once (an account and an address): all reserved, or none. */
export async function reserveAll(
	db: Kysely<Database>,
	keys: [string, LimitPolicy][],
	now = new Date()
): Promise<Reservation> {
	const done: [string, LimitPolicy][] = [];
	let waitIfWrong = 0;
	let attempts = 0;
	for (const [key, policy] of keys) {
		const r = await reserveAttempt(db, key, policy, now);
		if (!r.ok) {
			for (const [k, p] of done) await attemptSucceeded(db, k, p, now);
			return r;
		}
		done.push([key, policy]);
		waitIfWrong = Math.max(waitIfWrong, r.waitIfWrong);
		attempts = Math.max(attempts, r.attempts);
	}
	return { ok: true, attempts, waitIfWrong };
}
