/**
 * Checks a staff email and password, with rate limiting per account and per address and an
 * audit entry for every success and failure. Used by staff sign-in and by tablet enrolment.
 */
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema';
import { DUMMY_HASH, HashingBusy, verifySecret } from './passwords';
import { STAFF_ACCOUNT_LIMIT, STAFF_ADDRESS_LIMIT, attemptSucceeded, reserveAll } from './rate-limit';
import { appendAudit } from '../audit/audit-log';

export type CredentialResult =
	| { ok: true; staff: { id: string; role: Role; classId: string | null; displayName: string } }
	| { ok: false; message: string; status: 400 | 429 };

function waitMessage(seconds: number): string {
	const minutes = Math.ceil(seconds / 60);
	return `Too many attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`;
}

export async function checkStaffCredentials(
	db: Kysely<Database>,
	emailInput: string,
	password: string,
	address: string,
	purpose: 'sign-in' | 'enrol'
): Promise<CredentialResult> {
	const email = emailInput.trim().toLowerCase().slice(0, 200);
	const accountKey = `staff:${email}`;
	const addressKey = `addr:${address}`;
	// Counted before the hash runs: a burst of guesses is counted as it arrives.
	const reserved = await reserveAll(db, [
		[accountKey, STAFF_ACCOUNT_LIMIT],
		[addressKey, STAFF_ADDRESS_LIMIT]
	]);
	if (!reserved.ok) return { ok: false, status: 429, message: waitMessage(reserved.waitSeconds) };

	const row = await db
		.selectFrom('staff')
		.select(['id', 'role', 'class_id', 'display_name', 'password_hash', 'disabled'])
		.where('email', '=', email)
		.executeTakeFirst();
	let good: boolean;
	try {
		// Always run one hash so a missing account takes as long as a wrong password.
		good = await verifySecret(password, row?.password_hash ?? DUMMY_HASH);
	} catch (e) {
		if (!(e instanceof HashingBusy)) throw e;
		await attemptSucceeded(db, accountKey, STAFF_ACCOUNT_LIMIT);
		await attemptSucceeded(db, addressKey, STAFF_ADDRESS_LIMIT);
		return { ok: false, status: 429, message: e.message };
	}
	if (!row || !good || row.disabled) {
		await appendAudit(db, {
			actor: 'anonymous',
			action: `${purpose}.failed`,
			target: row ? `staff:${row.id}` : 'unknown-account',
			detail: { reason: !row ? 'no such account' : row.disabled ? 'account disabled' : 'wrong password' }
		});
		if (reserved.waitIfWrong > 0)
			return { ok: false, status: 429, message: waitMessage(reserved.waitIfWrong) };
		return { ok: false, status: 400, message: 'That email and password do not match an account.' };
	}
	await attemptSucceeded(db, accountKey, STAFF_ACCOUNT_LIMIT);
	await attemptSucceeded(db, addressKey, STAFF_ADDRESS_LIMIT);
	return {
		ok: true,
		staff: { id: row.id, role: row.role, classId: row.class_id, displayName: row.display_name }
	};
}
