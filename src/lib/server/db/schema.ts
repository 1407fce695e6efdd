/**
 * Table types shared by SQLite and PostgreSQL. Times are ISO-8601 text and flags are 0/1
 * integers so the same queries and migrations run unchanged on both engines.
 */
import type { Generated } from 'kysely';

import type { StaffRole, TrustRole } from '../../staff/roles';

export type Role = StaffRole;

export interface StaffTable {
	/** The school the row belongs to (migration 0012). */
	school_id: Generated<string>;
	id: string;
	email: string;
	display_name: string;
	role: Role;
	class_id: string | null;
	password_hash: string;
	pin_hash: string | null;
	disabled: number;
	created_at: string;
	/** Their place in the alert chain beyond their role: 'deputy-dsl', 'head' or null (migration 0006). */
	chain_role: Generated<string | null>;
	/** Their role across their school's trust, if any (migration 0013). */
	trust_role: Generated<TrustRole | null>;
}

export interface ClassTable {
	/** The school the row belongs to (migration 0012). */
	school_id: Generated<string>;
	id: string;
	name: string;
	year_group: string;
	picture: string;
	/** Picture-password tile names joined by commas, in order. Printed on the class card. */
	picture_password: string;
	created_at: string;
}

export interface SessionTable {
	/** The school the row belongs to (migration 0012). */
	school_id: Generated<string>;
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
	/** The school the row belongs to (migration 0012). */
	school_id: Generated<string>;
	id: string;
	class_id: string;
	label: string;
	token_hash: string;
	enrolled_by: string;
	enrolled_at: string;
	last_seen_at: string | null;
	revoked_at: string | null;
	storage_warning: string | null;
	/** Set when many wrong kiosk PINs were typed on this tablet; cleared by a right one. */
	pin_alert: string | null;
	/** Events the server refused, kept on the tablet (as the tablet last said). */
	set_aside_events: number;
}

export interface EnrolCodeTable {
	/** The school the row belongs to (migration 0012). */
	school_id: Generated<string>;
	code_hash: string;
	class_id: string;
	created_by: string;
	expires_at: string;
	used_at: string | null;
}

export interface PupilEventTable {
	/** The school the row belongs to (migration 0012). */
	school_id: Generated<string>;
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
	/** The school the row belongs to (migration 0012). */
	school_id: Generated<string>;
	seq: number;
	at: string;
	actor: string;
	action: string;
	target: string;
	detail: string;
	prev_hash: string;
	row_hash: string;
}

export interface SearchLogTable {
	school_id: Generated<string>;
	/** The `search.logged` event's UUID. */
	id: string;
	class_id: string;
	device_id: string;
	/** The server's clock: a tablet's clock cannot reorder the log. */
	searched_at: string;
	client_time: string;
	query: string;
	verdict: 'allow' | 'block' | 'alert';
	category: string | null;
	result_count: number;
}

/** A search the filter allowed that the DSL marked "should have been caught" (0011). */
export interface SearchMissedTable {
	school_id: Generated<string>;
	id: string;
	/** The search log row it came from (which the retention purge may have deleted since). */
	search_id: string;
	searched_at: string;
	query: string;
	/** The training label: `block-<category>` or `alert-<category>`. */
	label: string;
	marked_by: string;
	marked_at: string;
}

export interface RateLimitTable {
	/** The school the row belongs to (migration 0012). */
	school_id: Generated<string>;
	key: string;
	window_start: string;
	failures: number;
	blocked_until: string | null;
}

export interface SettingTable {
	/** The school the row belongs to (migration 0012). */
	school_id: Generated<string>;
	key: string;
	value: string;
}

export interface IncidentTable {
	/** The school the row belongs to (migration 0012). */
	school_id: Generated<string>;
	id: string;
	class_id: string;
	/** 'button' or 'search' from a tablet; 'staff' when recorded by hand. */
	source: string;
	/** The tablet's report UUID (unique): resends and out-of-order answers find the same incident. */
	report_id: string | null;
	device_id: string | null;
	status: string;
	/** 1 once it went unacknowledged too long and was raised to the DSL and admin. */
	urgent: number;
	opened_at: string;
	client_time: string | null;
	context: string;
	feeling: string | null;
	what: string | null;
	categories: string;
	outcome: string | null;
	created_by: string | null;
	acknowledged_at: string | null;
	acknowledged_by: string | null;
	escalated_at: string | null;
	closed_at: string | null;
	updated_at: string;
}

export interface IncidentEntryTable {
	/** The school the row belongs to (migration 0012). */
	school_id: Generated<string>;
	id: string;
	incident_id: string;
	at: string;
	/** `staff:<id>` or `tablet`. */
	author: string;
	kind: string;
	text: string;
	detail: string;
}

export interface AttachmentTable {
	/** The school the row belongs to (migration 0012). */
	school_id: Generated<string>;
	id: string;
	report_id: string;
	kind: string;
	mime: string;
	/** Base64 text (portable across engines); emptied when the retention period ends. */
	data: string;
	bytes: number;
	created_at: string;
	purged_at: string | null;
}

/** A proposed change to the safe-search lists, waiting for (or given) a second person's decision. */
export interface SearchProposalTable {
	/** The school the row belongs to (migration 0012). */
	school_id: Generated<string>;
	id: string;
	/** add-site, remove-site, add-term or add-exception (src/lib/search/list-changes.ts). */
	kind: string;
	/** The change as JSON, in the shape tablets receive. */
	change: string;
	reason: string;
	proposed_by: string;
	proposed_at: string;
	status: 'pending' | 'approved' | 'rejected';
	decided_by: string | null;
	decided_at: string | null;
	decision_reason: string | null;
}

/** One published version of the safe-search lists: the shipped lists plus every change up to it. */
export interface SearchListVersionTable {
	/** The school the row belongs to (migration 0012). */
	school_id: Generated<string>;
	version: number;
	proposal_id: string;
	published_by: string;
	published_at: string;
}

/** The entries a version changed, in order. */
export interface SearchListEntryTable {
	/** The school the row belongs to (migration 0012). */
	school_id: Generated<string>;
	version: number;
	position: number;
	change: string;
}

/** A full review of the lists (the yearly check). */
export interface SearchListReviewTable {
	/** The school the row belongs to (migration 0012). */
	school_id: Generated<string>;
	id: string;
	reviewed_by: string;
	reviewed_at: string;
}

/** Lesson progress per class, lesson and tablet (migration 0004); never a pupil. */
export interface LessonProgressTable {
	school_id: Generated<string>;
	class_id: string;
	lesson_id: string;
	device_id: string;
	started_at: string;
	last_played_at: string;
	last_step: Generated<number>;
	finished_at: string | null;
	times_finished: Generated<number>;
}

/** An escalation-chain step already taken for an incident (migration 0006). */
export interface AlertStepTable {
	school_id: Generated<string>;
	incident_id: string;
	step: string;
	fired_at: string;
}

/** One alert to one person on one channel, kept until sent (migration 0006). */
export interface AlertDeliveryTable {
	school_id: Generated<string>;
	id: string;
	incident_id: string;
	step: string;
	channel: 'email' | 'push';
	staff_id: string;
	target: string;
	message: string;
	status: 'waiting' | 'sent' | 'gone' | 'failed';
	attempts: number;
	next_attempt_at: string;
	last_error: string | null;
	created_at: string;
	sent_at: string | null;
}

/** A staff device that asked for push alerts (migration 0006). */
export interface PushSubscriptionTable {
	school_id: Generated<string>;
	id: string;
	staff_id: string;
	endpoint: string;
	p256dh: string;
	auth: string;
	created_at: string;
}

/** The lesson a class is on now (migration 0008): one row per class, its version rising on change. */
export interface ClassNowTable {
	school_id: Generated<string>;
	class_id: string;
	launch_id: string;
	lesson_id: string;
	mode: 'tablets' | 'board';
	board_step: number;
	/** JSON array of scene ids: the scenes the board has been through in the current scenario. */
	board_scenes: string;
	board_finished: number;
	paused: number;
	launched_by: string;
	launched_at: string;
	ended_at: string | null;
	version: number;
}

/** Every launch, kept: who, when, which lesson, which mode, when it ended. */
export interface ClassLaunchTable {
	school_id: Generated<string>;
	id: string;
	class_id: string;
	lesson_id: string;
	mode: 'tablets' | 'board';
	launched_by: string;
	launched_at: string;
	ended_by: string | null;
	ended_at: string | null;
}

/** Where one class tablet is in a launched lesson. */
export interface LaunchTabletTable {
	school_id: Generated<string>;
	launch_id: string;
	device_id: string;
	step: number;
	finished: Generated<number>;
	seen_at: string;
}

/** One tablet's choice in one scene of a lesson led from the board. */
export interface LaunchVoteTable {
	school_id: Generated<string>;
	launch_id: string;
	/** `<step index>:<scene id>` */
	scene_key: string;
	device_id: string;
	choice: number;
}

/** A trust or local authority: the schools it looks after see one dashboard (0012). */
export interface TrustTable {
	id: string;
	name: string;
	created_at: string;
}

/** The directory of schools on this deployment (0012). Not a school table: no school_id. */
export interface SchoolTable {
	id: string;
	/** Its address: `<slug>.<HARBOUR_DOMAIN>`. */
	slug: string;
	name: string;
	trust_id: string | null;
	created_at: string;
}

export interface Database {
	trusts: TrustTable;
	schools: SchoolTable;
	staff: StaffTable;
	classes: ClassTable;
	sessions: SessionTable;
	devices: DeviceTable;
	enrol_codes: EnrolCodeTable;
	pupil_events: PupilEventTable;
	audit_log: AuditTable;
	rate_limits: RateLimitTable;
	settings: SettingTable;
	search_proposals: SearchProposalTable;
	search_list_versions: SearchListVersionTable;
	search_list_entries: SearchListEntryTable;
	search_list_reviews: SearchListReviewTable;
	incidents: IncidentTable;
	incident_entries: IncidentEntryTable;
	attachments: AttachmentTable;
	search_log: SearchLogTable;
	search_missed: SearchMissedTable;
	lesson_progress: LessonProgressTable;
	alert_steps: AlertStepTable;
	alert_deliveries: AlertDeliveryTable;
	push_subscriptions: PushSubscriptionTable;
	class_now: ClassNowTable;
	class_launches: ClassLaunchTable;
	launch_tablets: LaunchTabletTable;
	launch_votes: LaunchVoteTable;
}
