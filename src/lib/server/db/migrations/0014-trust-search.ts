/**
 * The trust-wide safe-search list (issue 16): a trust's admin publishes changes (the same kinds a
 * school's list has) that every school of the trust takes, under the school's own changes. One
 * row a published trust version, keyed by the trust first. Not a school table: it belongs to the
 * trust, so no `school_id` and no row-level security; the app reads it only for the trust of the
 * school in scope (search-admin/trust-list.ts). On a distributed engine it is a small reference
 * table, as `trusts` and `schools` are.
 *
 * The publisher is a member of staff at one of the trust's schools; their name is kept with the
 * version because the other schools cannot read that school's staff rows.
 */
import type { Kysely, Migration } from 'kysely';

export const trustSearch: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable('trust_search_versions')
			.addColumn('trust_id', 'text', (c) => c.notNull().references('trusts.id'))
			.addColumn('version', 'integer', (c) => c.notNull())
			.addColumn('change', 'text', (c) => c.notNull())
			.addColumn('reason', 'text', (c) => c.notNull())
			.addColumn('published_by', 'text', (c) => c.notNull())
			.addColumn('published_by_name', 'text', (c) => c.notNull())
			.addColumn('published_from', 'text', (c) => c.notNull().references('schools.id'))
			.addColumn('published_at', 'text', (c) => c.notNull())
			.addPrimaryKeyConstraint('trust_search_versions_pk', ['trust_id', 'version'])
			.execute();
	},
	async down(db: Kysely<unknown>) {
		await db.schema.dropTable('trust_search_versions').execute();
	}
};
