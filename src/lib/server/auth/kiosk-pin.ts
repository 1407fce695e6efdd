/**
 * Teacher PINs unlock the kiosk on a class tablet. A PIN counts only for staff who may act for
 * that class: its teachers, the DSL and admins.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { verifySecret } from './passwords';

export async function staffForPin(
	db: Kysely<Database>,
	classId: string,
	pin: string
): Promise<{ id: string; displayName: string } | null> {
	const candidates = await db
		.selectFrom('staff')
		.select(['id', 'display_name', 'pin_hash'])
		.where('disabled', '=', 0)
		.where('pin_hash', 'is not', null)
		.where((eb) =>
			eb.or([
				eb('role', 'in', ['dsl', 'admin']),
				eb.and([eb('role', '=', 'teacher'), eb('class_id', '=', classId)])
			])
		)
		.execute();
	const checks = await Promise.all(candidates.map((c) => verifySecret(pin, c.pin_hash ?? '')));
	const match = candidates.find((_, i) => checks[i]);
	return match ? { id: match.id, displayName: match.display_name } : null;
}
