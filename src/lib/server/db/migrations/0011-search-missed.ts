/**
 * "This should have been caught": a search the filter allowed that the DSL (or an admin) marks
 * with the category it belonged to, for Harbour's maintainers to add to the training corpus.
 * The query is copied from the search log (it may be exported after the log row is purged) and
 * goes with the log's retention, by the time it was searched. `school_id` leads the keys.
 */
import type { Kysely, Migration } from 'kysely';

export const searchMissed: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable('search_missed')
			.addColumn('school_id', 'text', (c) => c.notNull().defaultTo('school'))
			.addColumn('id', 'text', (c) => c.notNull())
			.addColumn('search_id', 'text', (c) => c.notNull())
			.addColumn('searched_at', 'text', (c) => c.notNull())
			.addColumn('query', 'text', (c) => c.notNull())
			.addColumn('label', 'text', (c) => c.notNull())
			.addColumn('marked_by', 'text', (c) => c.notNull().references('staff.id'))
			.addColumn('marked_at', 'text', (c) => c.notNull())
			.addPrimaryKeyConstraint('search_missed_pk', ['school_id', 'id'])
			.addUniqueConstraint('search_missed_search', ['school_id', 'search_id'])
			.execute();
		await db.schema
			.createIndex('search_missed_by_time')
			.on('search_missed')
			.columns(['school_id', 'marked_at'])
			.execute();
	}
};
