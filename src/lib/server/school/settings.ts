/**
 * School settings: name, kiosk behaviour and escalation contacts. Data, not code, so a school
 * changes them on the settings screen without a release.
 */
import * as v from 'valibot';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { CHAIN_ROLES } from '../../staff/chain-roles';

export const ContactSchema = v.object({
	name: v.pipe(v.string(), v.trim(), v.minLength(1, 'Give the contact a name.'), v.maxLength(120)),
	kind: v.picklist(['safeguarding-board', 'police', 'ceop', 'iwf', 'other']),
	phone: v.pipe(v.string(), v.trim(), v.maxLength(40)),
	url: v.pipe(
		v.string(),
		v.trim(),
		v.maxLength(300),
		v.check((s) => s === '' || /^https:\/\/[^\s]+$/.test(s), 'Links must start with https://.')
	)
});
export type Contact = v.InferOutput<typeof ContactSchema>;

/** One step of the alert chain: who is told, and how many minutes after the concern was raised. */
export const ChainStepSchema = v.object({
	role: v.picklist(CHAIN_ROLES, 'Choose who is told at each step.'),
	afterMinutes: v.pipe(
		v.number('Give each step a number of minutes.'),
		v.integer('Give each step a whole number of minutes.'),
		v.minValue(0, 'A step cannot come before the concern was raised.'),
		v.maxValue(240, 'A step can be at most 240 minutes (four hours) after the concern was raised.')
	)
});
export type ChainStep = v.InferOutput<typeof ChainStepSchema>;
export const MAX_CHAIN_STEPS = 8;

export const SettingsSchema = v.object({
	schoolName: v.pipe(v.string(), v.trim(), v.minLength(1, 'The school needs a name.'), v.maxLength(120)),
	/** Seconds a pupil screen may sit untouched before the tablet goes back to the class home. */
	kioskIdleSeconds: v.pipe(
		v.number(),
		v.integer(),
		v.minValue(30, 'Idle time must be at least 30 seconds.'),
		v.maxValue(3600)
	),
	contacts: v.array(ContactSchema),
	/**
	 * Minutes a new report may go unacknowledged before it is raised to the DSL and admin as
	 * urgent. Kept in step with the chain's first later step when the chain is saved; a school
	 * saved before the chain existed gets a chain made from it (src/lib/server/alerts/chain.ts).
	 */
	alertEscalationMinutes: v.optional(
		v.pipe(v.number(), v.integer(), v.minValue(1, 'Escalation needs at least 1 minute.'), v.maxValue(240)),
		5
	),
	/** Who is told of a new concern, and when, while nobody in the chain has acknowledged it. */
	alertChain: v.optional(
		v.pipe(
			v.array(ChainStepSchema),
			v.minLength(1, 'The alert chain needs at least one step.'),
			v.maxLength(MAX_CHAIN_STEPS, `The alert chain can have at most ${MAX_CHAIN_STEPS} steps.`)
		)
	),
	/** Alerts by email to the people at each step (needs SMTP settings on the server). */
	alertEmail: v.optional(v.boolean(), true),
	/** Alerts by Web Push to the devices staff turned them on for. */
	alertPush: v.optional(v.boolean(), true),
	/** Days after which voice messages and drawings attached to reports are deleted. */
	attachmentRetentionDays: v.optional(
		v.pipe(v.number(), v.integer(), v.minValue(1, 'Keep attachments at least 1 day.'), v.maxValue(3650)),
		30
	),
	/** Whether a child may record a short voice message with a report. Off unless the school turns it on. */
	voiceMessages: v.optional(v.boolean(), false),
	/** Days a search from a class tablet stays in the search log before it is deleted. */
	searchLogRetentionDays: v.optional(
		v.pipe(
			v.number(),
			v.integer(),
			v.minValue(7, 'Keep the search log for at least 7 days, so staff can look into a worry.'),
			v.maxValue(3650, 'Keep the search log for at most 3650 days (ten years).')
		),
		90
	)
});
export type SchoolSettings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: SchoolSettings = {
	schoolName: 'Our School',
	kioskIdleSeconds: 180,
	alertEscalationMinutes: 5,
	alertEmail: true,
	alertPush: true,
	attachmentRetentionDays: 30,
	voiceMessages: false,
	searchLogRetentionDays: 90,
	contacts: [
		{ name: 'Police (emergency)', kind: 'police', phone: '999', url: '' },
		{ name: 'Police (non-emergency)', kind: 'police', phone: '101', url: '' },
		{ name: 'CEOP Safety Centre', kind: 'ceop', phone: '', url: 'https://www.ceop.police.uk/Safety-Centre/' },
		{ name: 'Internet Watch Foundation', kind: 'iwf', phone: '', url: 'https://report.iwf.org.uk/' }
	]
};

const KEY = 'school';

export async function getSettings(db: Kysely<Database>): Promise<SchoolSettings> {
	const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
	if (!row) return DEFAULT_SETTINGS;
	const parsed = v.safeParse(SettingsSchema, JSON.parse(row.value));
	return parsed.success ? parsed.output : DEFAULT_SETTINGS;
}

export async function saveSettings(db: Kysely<Database>, settings: SchoolSettings): Promise<void> {
	const value = JSON.stringify(v.parse(SettingsSchema, settings));
	await db
		.insertInto('settings')
		.values({ key: KEY, value })
		.onConflict((oc) => oc.columns(['school_id', 'key']).doUpdateSet({ value }))
		.execute();
}
