/**
 * Table types shared by SQLite and PostgreSQL. Times are ISO-8601 text and flags are 0/1
 * integers so the same queries and migrations run unchanged on both engines.
 */

import type { StaffRole } from '../../staff/roles';

export type Role = StaffRole;

export interface StaffTable {
	id: string;
	email: string;
	display_name: string;
	role: Role;
	class_id: string | null;
	password_hash: string;
	pin_hash: string | null;
	disabled: number;
	created_at: string;
}

export interface ClassTable {
	id: string;
	name: string;
	year_group: string;
	picture: string;
	/** Picture-password tile names joined by commas, in order. Printed on the class card. */
	picture_password: string;
	created_at: string;
}

export interface SessionTable {
	/** sha256 of the cookie token: a leaked database cannot be replayed as cookies. */
	token_hash: string;
	kind: 'staff' | 'class';
	staff_id: string | null;
	class_id: string | null;
	device_id: string | null;
	created_at: string;
	last_seen_at: string;
	expires_at: string;
}

export interface DeviceTable {
	id: string;
	class_id: string;
	label: string;
	token_hash: string;
	enrolled_by: string;
	enrolled_at: string;
	last_seen_at: string | null;
	revoked_at: string | null;
	storage_warning: string | null;
}

export interface EnrolCodeTable {
	code_hash: string;
	class_id: string;
	created_by: string;
	expires_at: string;
	used_at: string | null;
}

export interface PupilEventTable {
	/** Client-generated UUID: the unique key that makes delivery idempotent. */
	id: string;
	kind: string;
	class_id: string;
	device_id: string;
	client_time: string;
	server_time: string;
	payload: string;
}

export interface AuditTable {
	seq: number;
	at: string;
	actor: string;
	action: string;
	target: string;
	detail: string;
	prev_hash: string;
	row_hash: string;
}

export interface RateLimitTable {
	key: string;
	window_start: string;
	failures: number;
	blocked_until: string | null;
}

export interface SettingTable {
	key: string;
	value: string;
}

export interface Database {
	staff: StaffTable;
	classes: ClassTable;
	sessions: SessionTable;
	devices: DeviceTable;
	enrol_codes: EnrolCodeTable;
	pupil_events: PupilEventTable;
	audit_log: AuditTable;
	rate_limits: RateLimitTable;
	settings: SettingTable;
}
