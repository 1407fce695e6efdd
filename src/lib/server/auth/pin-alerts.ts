/**
 * When a tablet uses up its kiosk-PIN checks, its class's grown-ups are told: a note on the
 * tablet (shown on every staff screen of that class until a right PIN is typed there) and an
 * audit row. A child trying numbers is harmless; someone working through PINs is not.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { DevicePrincipal } from './devices';
import { appendAudit } from '../audit/audit-log';

export async function pinLockedOut(
	db: Kysely<Database>,
	device: DevicePrincipal,
	now = new Date()
): Promise<void> {
	const time = now.toLocaleTimeString('en-GB', {
		hour: '2-digit',
		minute: '2-digit',
		timeZone: 'Europe/London'
	});
	await db
		.updateTable('devices')
		.set({ pin_alert: `Many wrong kiosk PINs were typed at ${time}. The tablet is locked for 15 minutes.` })
		.where('id', '=', device.id)
		.execute();
	await appendAudit(
		db,
		{ actor: `device:${device.id}`, action: 'kiosk.pin-locked', target: `device:${device.id}` },
		now
	);
}

export async function pinAlertCleared(db: Kysely<Database>, device: DevicePrincipal): Promise<void> {
	await db.updateTable('devices').set({ pin_alert: null }).where('id', '=', device.id).execute();
}
