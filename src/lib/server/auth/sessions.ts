/**
 * Server-side sessions for staff (idle and absolute timeouts) and for a class signed in on an
 * enrolled tablet. Cookies carry a random token; the database keeps only its hash, so signing
 * out deletes the row and the cookie is worthless everywhere at once.
 */
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema';
import type { TrustRole } from '../../staff/roles';
import { hashToken, newToken } from './tokens';

export const STAFF_COOKIE = 'harbour_staff';
export const CLASS_COOKIE = 'harbour_class';
export const DEVICE_COOKIE = 'harbour_device';

export interface StaffPrincipal {
	id: string;
	email: string;
	displayName: string;
	role: Role;
	classId: string | null;
	/** Their role across the trust's schools, if any. */
	trustRole?: TrustRole | null;
}

export interface Timeouts {
	staffIdleMinutes: number;
	staffMaxHours: number;
	classSessionDays: number;
}

const minutes = (n: number) => n * 60_000;

async function createSession(
	db: Kysely<Database>,
	owner: { kind: 'staff'; staffId: string } | { kind: 'class'; classId: string; deviceId: string },
	lifetimeMinutes: number,
	now: Date
): Promise<{ token: string; expires: Date }> {
	const token = newToken();
	const expires = new Date(now.getTime() + minutes(lifetimeMinutes));
	await db
		.insertInto('sessions')
		.values({
			token_hash: hashToken(token),
			kind: owner.kind,
			staff_id: owner.kind === 'staff' ? owner.staffId : null,
			class_id: owner.kind === 'class' ? owner.classId : null,
			device_id: owner.kind === 'class' ? owner.deviceId : null,
			created_at: now.toISOString(),
			last_seen_at: now.toISOString(),
			expires_at: expires.toISOString()
		})
		.execute();
	return { token, expires };
}

export function createStaffSession(db: Kysely<Database>, staffId: string, t: Timeouts, now = new Date()) {
	return createSession(db, { kind: 'staff', staffId }, t.staffMaxHours * 60, now);
}

/** A class signed in on one enrolled tablet; it counts only on that tablet. */
export function createClassSession(
	db: Kysely<Database>,
	classId: string,
	deviceId: string,
	t: Timeouts,
	now = new Date()
) {
	return createSession(db, { kind: 'class', classId, deviceId }, t.classSessionDays * 24 * 60, now);
}

/** The staff member behind a cookie, or null when unknown, expired, idle too long or disabled. */
export async function staffFromToken(
	db: Kysely<Database>,
	token: string,
	t: Timeouts,
	now = new Date(),
	/** false for a re-check that is not the person doing something (a live stream's check). */
	touch = true
): Promise<StaffPrincipal | null> {
	const hash = hashToken(token);
	const row = await db
		.selectFrom('sessions')
		.innerJoin('staff', 'staff.id', 'sessions.staff_id')
		.select([
			'sessions.expires_at',
			'sessions.last_seen_at',
			'staff.id',
			'staff.email',
			'staff.display_name',
			'staff.role',
			'staff.class_id',
			'staff.trust_role',
			'staff.disabled'
		])
		.where('sessions.token_hash', '=', hash)
		.where('sessions.kind', '=', 'staff')
		.executeTakeFirst();
	if (!row) return null;
	const idleLimit = Date.parse(row.last_seen_at) + minutes(t.staffIdleMinutes);
	if (row.disabled || Date.parse(row.expires_at) <= now.getTime() || idleLimit <= now.getTime()) {
		await db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
		return null;
	}
	// Touch at most once a minute: the idle timeout needs minutes, not every request's write.
	if (touch && now.getTime() - Date.parse(row.last_seen_at) > 60_000) {
		await db
			.updateTable('sessions')
			.set({ last_seen_at: now.toISOString() })
			.where('token_hash', '=', hash)
			.execute();
	}
	return {
		id: row.id,
		email: row.email,
		displayName: row.display_name,
		role: row.role,
		classId: row.class_id,
		trustRole: row.trust_role
	};
}

/** The class signed in on this device, or null. A class session only counts on its own device. */
export async function classFromToken(
	db: Kysely<Database>,
	token: string,
	deviceId: string,
	now = new Date()
): Promise<string | null> {
	const row = await db
		.selectFrom('sessions')
		.select(['class_id', 'device_id', 'expires_at'])
		.where('token_hash', '=', hashToken(token))
		.where('kind', '=', 'class')
		.executeTakeFirst();
	if (!row || row.device_id !== deviceId || Date.parse(row.expires_at) <= now.getTime()) return null;
	return row.class_id;
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
	await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

export async function endAllSessionsOfStaff(db: Kysely<Database>, staffId: string): Promise<void> {
	await db.deleteFrom('sessions').where('staff_id', '=', staffId).execute();
}

/** Every session of this person but the one in use (after they change their password). */
export async function endOtherSessionsOfStaff(
	db: Kysely<Database>,
	staffId: string,
	keepToken: string
): Promise<void> {
	await db
		.deleteFrom('sessions')
		.where('staff_id', '=', staffId)
		.where('token_hash', '!=', hashToken(keepToken))
		.execute();
}
