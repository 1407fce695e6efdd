/** Safe search: proposals, published list versions and their entries, yearly reviews. */
import type { Kysely, Migration } from 'kysely';

export const safeSearch: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable('search_proposals')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('kind', 'text', (c) => c.notNull())
			.addColumn('change', 'text', (c) => c.notNull())
			.addColumn('reason', 'text', (c) => c.notNull())
			.addColumn('proposed_by', 'text', (c) => c.notNull().references('staff.id'))
			.addColumn('proposed_at', 'text', (c) => c.notNull())
			.addColumn('status', 'text', (c) => c.notNull())
			.addColumn('decided_by', 'text', (c) => c.references('staff.id'))
			.addColumn('decided_at', 'text')
			.addColumn('decision_reason', 'text')
			.execute();
		await db.schema
			.createIndex('search_proposals_status')
			.on('search_proposals')
			.columns(['status', 'proposed_at'])
			.execute();
		await db.schema
			.createTable('search_list_versions')
			.addColumn('version', 'integer', (c) => c.primaryKey())
			.addColumn('proposal_id', 'text', (c) => c.notNull().unique().references('search_proposals.id'))
			.addColumn('published_by', 'text', (c) => c.notNull().references('staff.id'))
			.addColumn('published_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createTable('search_list_entries')
			.addColumn('version', 'integer', (c) => c.notNull().references('search_list_versions.version'))
			.addColumn('position', 'integer', (c) => c.notNull())
			.addColumn('change', 'text', (c) => c.notNull())
			.addPrimaryKeyConstraint('search_list_entries_pk', ['version', 'position'])
			.execute();
		await db.schema
			.createTable('search_list_reviews')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('reviewed_by', 'text', (c) => c.notNull().references('staff.id'))
			.addColumn('reviewed_at', 'text', (c) => c.notNull())
			.execute();
		// The search log (staff screen, retention purge) reads pupil events by kind, newest first.
		await db.schema
			.createIndex('pupil_events_kind_time')
			.on('pupil_events')
			.columns(['kind', 'server_time'])
			.execute();
	}
};
