/** The incident log: incidents from reports or recorded by hand, their chronology, attachments. */
import type { Kysely, Migration } from 'kysely';

export const incidents: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable('incidents')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
			.addColumn('source', 'text', (c) => c.notNull())
			.addColumn('report_id', 'text', (c) => c.unique())
			.addColumn('device_id', 'text')
			.addColumn('status', 'text', (c) => c.notNull())
			.addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('opened_at', 'text', (c) => c.notNull())
			.addColumn('client_time', 'text')
			.addColumn('context', 'text', (c) => c.notNull())
			.addColumn('feeling', 'text')
			.addColumn('what', 'text')
			.addColumn('categories', 'text', (c) => c.notNull())
			.addColumn('outcome', 'text')
			.addColumn('created_by', 'text')
			.addColumn('acknowledged_at', 'text')
			.addColumn('acknowledged_by', 'text')
			.addColumn('escalated_at', 'text')
			.addColumn('closed_at', 'text')
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('incidents_class_opened')
			.on('incidents')
			.columns(['class_id', 'opened_at'])
			.execute();
		await db.schema
			.createIndex('incidents_status')
			.on('incidents')
			.columns(['status', 'opened_at'])
			.execute();
		await db.schema
			.createTable('incident_entries')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
			.addColumn('at', 'text', (c) => c.notNull())
			.addColumn('author', 'text', (c) => c.notNull())
			.addColumn('kind', 'text', (c) => c.notNull())
			.addColumn('text', 'text', (c) => c.notNull())
			.addColumn('detail', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('incident_entries_incident')
			.on('incident_entries')
			.columns(['incident_id', 'at'])
			.execute();
		await db.schema
			.createTable('attachments')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('report_id', 'text', (c) => c.notNull())
			.addColumn('kind', 'text', (c) => c.notNull())
			.addColumn('mime', 'text', (c) => c.notNull())
			.addColumn('data', 'text', (c) => c.notNull())
			.addColumn('bytes', 'integer', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('purged_at', 'text')
			.execute();
		await db.schema.createIndex('attachments_report').on('attachments').column('report_id').execute();
	}
};
