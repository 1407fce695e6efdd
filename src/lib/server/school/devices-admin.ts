/** Tablet lists for staff screens: who is enrolled where, last seen, and warnings. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface DeviceRow {
	id: string;
	label: string;
	classId: string;
	className: string;
	enrolledAt: string;
	lastSeenAt: string | null;
	revokedAt: string | null;
	storageWarning: string | null;
	pinAlert: string | null;
	setAsideEvents: number;
}

export async function listDevices(db: Kysely<Database>, classId: string | null): Promise<DeviceRow[]> {
	let q = db
		.selectFrom('devices')
		.innerJoin('classes', 'classes.id', 'devices.class_id')
		.select([
			'devices.id',
			'devices.label',
			'devices.class_id',
			'classes.name',
			'devices.enrolled_at',
			'devices.last_seen_at',
			'devices.revoked_at',
			'devices.storage_warning',
			'devices.pin_alert',
			'devices.set_aside_events'
		])
		.orderBy('classes.name');
	if (classId) q = q.where('devices.class_id', '=', classId);
	// "Tablet 10" comes after "Tablet 9", not after "Tablet 1".
	const byLabel = new Intl.Collator('en-GB', { numeric: true });
	const rows = (await q.execute()).sort(
		(a, b) => a.name.localeCompare(b.name) || byLabel.compare(a.label, b.label)
	);
	return rows.map((r) => ({
		id: r.id,
		label: r.label,
		classId: r.class_id,
		className: r.name,
		enrolledAt: r.enrolled_at,
		lastSeenAt: r.last_seen_at,
		revokedAt: r.revoked_at,
		storageWarning: r.storage_warning,
		pinAlert: r.pin_alert,
		setAsideEvents: Number(r.set_aside_events)
	}));
}

/** Live tablets in trouble (storage full, many wrong PINs): on every staff screen until fixed. */
export async function storageWarnings(
	db: Kysely<Database>,
	classId: string | null
): Promise<{ className: string; label: string; warning: string }[]> {
	const rows = await listDevices(db, classId);
	return rows
		.filter((r) => !r.revokedAt)
		.flatMap((r) =>
			[
				r.storageWarning,
				r.pinAlert,
				r.setAsideEvents > 0
					? `${r.setAsideEvents} event${r.setAsideEvents === 1 ? '' : 's'} the server refused are kept on the tablet (see its grown-ups screen).`
					: null
			]
				.filter((w): w is string => Boolean(w))
				.map((warning) => ({ className: r.className, label: r.label, warning }))
		);
}
