/**
 * Checks a staff email and password, with rate limiting per account and per address and an
 * audit entry for every success and failure. Used by staff sign-in and by tablet enrolment.
 */
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema';
import { DUMMY_HASH, verifySecret } from './passwords';
import {
	STAFF_ACCOUNT_LIMIT,
	STAFF_ADDRESS_LIMIT,
	clearFailures,
	recordFailure,
	secondsToWait
} from './rate-limit';
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
	const email = emailInput.trim().toLowerCase();
	const accountKey = `staff:${email}`;
	const addressKey = `addr:${address}`;
	const wait = Math.max(await secondsToWait(db, accountKey), await secondsToWait(db, addressKey));
	if (wait > 0) return { ok: false, status: 429, message: waitMessage(wait) };

	const row = await db
		.selectFrom('staff')
		.select(['id', 'role', 'class_id', 'display_name', 'password_hash', 'disabled'])
		.where('email', '=', email)
		.executeTakeFirst();
	// Always run one hash so a missing account takes as long as a wrong password.
	const good = await verifySecret(password, row?.password_hash ?? DUMMY_HASH);
	if (!row || !good || row.disabled) {
		const a = await recordFailure(db, accountKey, STAFF_ACCOUNT_LIMIT);
		const b = await recordFailure(db, addressKey, STAFF_ADDRESS_LIMIT);
		await appendAudit(db, {
			actor: 'anonymous',
			action: `${purpose}.failed`,
			target: row ? `staff:${row.id}` : 'unknown-account',
			detail: { reason: !row ? 'no such account' : row.disabled ? 'account disabled' : 'wrong password' }
		});
		const waitNow = Math.max(a, b);
		if (waitNow > 0) return { ok: false, status: 429, message: waitMessage(waitNow) };
		return { ok: false, status: 400, message: 'That email and password do not match an account.' };
	}
	await clearFailures(db, accountKey);
	return {
		ok: true,
		staff: { id: row.id, role: row.role, classId: row.class_id, displayName: row.display_name }
	};
}
