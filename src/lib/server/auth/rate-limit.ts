/**
 * Failure counting in the database, so several stateless app servers share one view.
 * Staff sign-in locks an account or address for a while after too many failures; class
 * sign-in only slows down (one child cannot lock a whole class out).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface LimitPolicy {
	/** Failures allowed in the window before the key is held back. */
	maxFailures: number;
	windowMinutes: number;
	/** 'lock': wait lockMinutes. 'slow': wait 2^(extra failures) seconds, capped at maxDelaySeconds. */
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
export const CLASS_DEVICE_LIMIT: LimitPolicy = {
	maxFailures: 3,
	windowMinutes: 10,
	mode: 'slow',
	maxDelaySeconds: 30
};
export const PIN_DEVICE_LIMIT: LimitPolicy = {
	maxFailures: 5,
	windowMinutes: 15,
	mode: 'lock',
	lockMinutes: 5
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

export async function recordFailure(
	db: Kysely<Database>,
	key: string,
	policy: LimitPolicy,
	now = new Date()
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const row = await trx.selectFrom('rate_limits').selectAll().where('key', '=', key).executeTakeFirst();
		const windowOpen = row && now.getTime() - Date.parse(row.window_start) < policy.windowMinutes * 60_000;
		const failures = windowOpen ? row.failures + 1 : 1;
		const windowStart = windowOpen ? row.window_start : now.toISOString();
		let waitSeconds = 0;
		if (failures >= policy.maxFailures) {
			waitSeconds =
				policy.mode === 'lock'
					? (policy.lockMinutes ?? 15) * 60
					: Math.min(2 ** (failures - policy.maxFailures + 1), policy.maxDelaySeconds ?? 30);
		}
		const blockedUntil = waitSeconds ? new Date(now.getTime() + waitSeconds * 1000).toISOString() : null;
		if (row) {
			await trx
				.updateTable('rate_limits')
				.set({ failures, window_start: windowStart, blocked_until: blockedUntil })
				.where('key', '=', key)
				.execute();
		} else {
			await trx
				.insertInto('rate_limits')
				.values({ key, failures, window_start: windowStart, blocked_until: blockedUntil })
				.execute();
		}
		return waitSeconds;
	});
}

export async function clearFailures(db: Kysely<Database>, key: string): Promise<void> {
	await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}
