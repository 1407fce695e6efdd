/**
 * Alerts that reach staff who are not looking: the escalation chain's steps already taken for
 * each incident, the email and push deliveries waiting or sent (retried from here, never lost),
 * the devices that asked for push alerts, and each account's place in the chain (deputy DSL,
 * head). New tables carry `school_id` and lead their keys with it (see DESIGN.md).
 */
import type { Kysely, Migration } from 'kysely';

export const alerts: Migration = {
	async up(db: Kysely<unknown>) {
		// 'deputy-dsl' or 'head' (null: only their role counts in the chain).
		await db.schema.alterTable('staff').addColumn('chain_role', 'text').execute();
		await db.schema
			.createTable('alert_steps')
			.addColumn('school_id', 'text', (c) => c.notNull().defaultTo('school'))
			.addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
			/** `<role>@<minutes>`: who, and how long after the incident opened. */
			.addColumn('step', 'text', (c) => c.notNull())
			.addColumn('fired_at', 'text', (c) => c.notNull())
			.addPrimaryKeyConstraint('alert_steps_pk', ['school_id', 'incident_id', 'step'])
			.execute();
		await db.schema
			.createTable('alert_deliveries')
			.addColumn('school_id', 'text', (c) => c.notNull().defaultTo('school'))
			.addColumn('id', 'text', (c) => c.notNull())
			.addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
			.addColumn('step', 'text', (c) => c.notNull())
			.addColumn('channel', 'text', (c) => c.notNull())
			.addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
			/** An email address, or a push subscription's id. */
			.addColumn('target', 'text', (c) => c.notNull())
			/** The alert as sent (JSON): class, time, urgency and link only. */
			.addColumn('message', 'text', (c) => c.notNull())
			/** waiting | sent | gone (the push subscription was withdrawn) | failed (push, given up). */
			.addColumn('status', 'text', (c) => c.notNull())
			.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('next_attempt_at', 'text', (c) => c.notNull())
			.addColumn('last_error', 'text')
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('sent_at', 'text')
			.addPrimaryKeyConstraint('alert_deliveries_pk', ['school_id', 'id'])
			.execute();
		await db.schema
			.createIndex('alert_deliveries_due')
			.on('alert_deliveries')
			.columns(['school_id', 'status', 'next_attempt_at'])
			.execute();
		await db.schema
			.createTable('push_subscriptions')
			.addColumn('school_id', 'text', (c) => c.notNull().defaultTo('school'))
			.addColumn('id', 'text', (c) => c.notNull())
			.addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
			.addColumn('endpoint', 'text', (c) => c.notNull())
			.addColumn('p256dh', 'text', (c) => c.notNull())
			.addColumn('auth', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addPrimaryKeyConstraint('push_subscriptions_pk', ['school_id', 'id'])
			.addUniqueConstraint('push_subscriptions_endpoint', ['school_id', 'endpoint'])
			.execute();
		await db.schema
			.createIndex('push_subscriptions_by_staff')
			.on('push_subscriptions')
			.columns(['school_id', 'staff_id'])
			.execute();
	}
};
