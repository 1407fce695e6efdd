/**
 * Tablet enrolment. A teacher enrols a tablet to a class, either signed in on the tablet or
 * with a short code from their dashboard. The tablet then holds a long-lived device cookie.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { hashToken, newEnrolCode, newId, newToken } from './tokens';

export interface DevicePrincipal {
	id: string;
	classId: string;
	label: string;
}

export const ENROL_CODE_MINUTES = 15;
export const DEVICE_COOKIE_DAYS = 400;

export async function createEnrolCode(
	db: Kysely<Database>,
	classId: string,
	createdBy: string,
	now = new Date()
): Promise<{ code: string; expires: Date }> {
	const code = newEnrolCode();
	const expires = new Date(now.getTime() + ENROL_CODE_MINUTES * 60_000);
	await db
		.insertInto('enrol_codes')
		.values({
			code_hash: hashToken(code),
			class_id: classId,
			created_by: createdBy,
			expires_at: expires.toISOString(),
			used_at: null
		})
		.execute();
	return { code, expires };
}

/** Redeems a code once; returns its class and issuer, or null for an unknown, used or old code. */
export async function redeemEnrolCode(
	db: Kysely<Database>,
	code: string,
	now = new Date()
): Promise<{ classId: string; createdBy: string } | null> {
	const hash = hashToken(code.trim().toUpperCase());
	const updated = await db
		.updateTable('enrol_codes')
		.set({ used_at: now.toISOString() })
		.where('code_hash', '=', hash)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now.toISOString())
		// A code works only while the person who made it still may: not once they are disabled.
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('staff')
					.select('staff.id')
					.whereRef('staff.id', '=', 'enrol_codes.created_by')
					.where('staff.disabled', '=', 0)
			)
		)
		.returning(['class_id', 'created_by'])
		.executeTakeFirst();
	return updated ? { classId: updated.class_id, createdBy: updated.created_by } : null;
}

/** Enrols a new device; its label is the next free "Tablet N" in that class. */
export async function enrolDevice(
	db: Kysely<Database>,
	classId: string,
	enrolledBy: string,
	now = new Date()
): Promise<{ token: string; device: DevicePrincipal }> {
	const token = newToken();
	return db.transaction().execute(async (trx) => {
		const labels = await trx.selectFrom('devices').select('label').where('class_id', '=', classId).execute();
		const used = new Set(labels.map((l) => l.label));
		let n = 1;
		while (used.has(`Tablet ${n}`)) n++;
		const device = { id: newId(), classId, label: `Tablet ${n}` };
		await trx
			.insertInto('devices')
			.values({
				id: device.id,
				class_id: classId,
				label: device.label,
				token_hash: hashToken(token),
				enrolled_by: enrolledBy,
				enrolled_at: now.toISOString(),
				last_seen_at: now.toISOString(),
				revoked_at: null,
				storage_warning: null,
				pin_alert: null,
				set_aside_events: 0
			})
			.execute();
		return { token, device };
	});
}

export async function deviceFromToken(
	db: Kysely<Database>,
	token: string,
	now = new Date()
): Promise<DevicePrincipal | null> {
	const row = await db
		.selectFrom('devices')
		.select(['id', 'class_id', 'label', 'revoked_at', 'last_seen_at'])
		.where('token_hash', '=', hashToken(token))
		.executeTakeFirst();
	if (!row || row.revoked_at) return null;
	if (!row.last_seen_at || now.getTime() - Date.parse(row.last_seen_at) > 60_000) {
		await db
			.updateTable('devices')
			.set({ last_seen_at: now.toISOString() })
			.where('id', '=', row.id)
			.execute();
	}
	return { id: row.id, classId: row.class_id, label: row.label };
}

export async function revokeDevice(
	db: Kysely<Database>,
	deviceId: string,
	now = new Date()
): Promise<boolean> {
	const res = await db
		.updateTable('devices')
		.set({ revoked_at: now.toISOString() })
		.where('id', '=', deviceId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	await db.deleteFrom('sessions').where('device_id', '=', deviceId).execute();
	return Number(res.numUpdatedRows) > 0;
}
