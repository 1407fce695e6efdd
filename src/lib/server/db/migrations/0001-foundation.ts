/** The foundation: school, staff, classes, tablets, sessions, pupil events, audit log. */
import type { Kysely, Migration } from 'kysely';

export const foundation: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable('classes')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('name', 'text', (c) => c.notNull().unique())
			.addColumn('year_group', 'text', (c) => c.notNull())
			.addColumn('picture', 'text', (c) => c.notNull())
			.addColumn('picture_password', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createTable('staff')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('email', 'text', (c) => c.notNull().unique())
			.addColumn('display_name', 'text', (c) => c.notNull())
			.addColumn('role', 'text', (c) => c.notNull())
			.addColumn('class_id', 'text', (c) => c.references('classes.id').onDelete('set null'))
			.addColumn('password_hash', 'text', (c) => c.notNull())
			.addColumn('pin_hash', 'text')
			.addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createTable('devices')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
			.addColumn('label', 'text', (c) => c.notNull())
			.addColumn('token_hash', 'text', (c) => c.notNull().unique())
			.addColumn('enrolled_by', 'text', (c) => c.notNull())
			.addColumn('enrolled_at', 'text', (c) => c.notNull())
			.addColumn('last_seen_at', 'text')
			.addColumn('revoked_at', 'text')
			.addColumn('storage_warning', 'text')
			.execute();
		await db.schema
			.createTable('sessions')
			.addColumn('token_hash', 'text', (c) => c.primaryKey())
			.addColumn('kind', 'text', (c) => c.notNull())
			.addColumn('staff_id', 'text', (c) => c.references('staff.id').onDelete('cascade'))
			.addColumn('class_id', 'text', (c) => c.references('classes.id').onDelete('cascade'))
			.addColumn('device_id', 'text', (c) => c.references('devices.id').onDelete('cascade'))
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('last_seen_at', 'text', (c) => c.notNull())
			.addColumn('expires_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createTable('enrol_codes')
			.addColumn('code_hash', 'text', (c) => c.primaryKey())
			.addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
			.addColumn('created_by', 'text', (c) => c.notNull())
			.addColumn('expires_at', 'text', (c) => c.notNull())
			.addColumn('used_at', 'text')
			.execute();
		await db.schema
			.createTable('pupil_events')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('kind', 'text', (c) => c.notNull())
			.addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
			.addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
			.addColumn('client_time', 'text', (c) => c.notNull())
			.addColumn('server_time', 'text', (c) => c.notNull())
			.addColumn('payload', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('pupil_events_class_time')
			.on('pupil_events')
			.columns(['class_id', 'server_time'])
			.execute();
		await db.schema
			.createTable('audit_log')
			.addColumn('seq', 'integer', (c) => c.primaryKey())
			.addColumn('at', 'text', (c) => c.notNull())
			.addColumn('actor', 'text', (c) => c.notNull())
			.addColumn('action', 'text', (c) => c.notNull())
			.addColumn('target', 'text', (c) => c.notNull())
			.addColumn('detail', 'text', (c) => c.notNull())
			.addColumn('prev_hash', 'text', (c) => c.notNull().unique())
			.addColumn('row_hash', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createTable('rate_limits')
			.addColumn('key', 'text', (c) => c.primaryKey())
			.addColumn('window_start', 'text', (c) => c.notNull())
			.addColumn('failures', 'integer', (c) => c.notNull())
			.addColumn('blocked_until', 'text')
			.execute();
		await db.schema
			.createTable('settings')
			.addColumn('key', 'text', (c) => c.primaryKey())
			.addColumn('value', 'text', (c) => c.notNull())
			.execute();
	}
};
