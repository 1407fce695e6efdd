/**
 * Trust roles (issue 16). A person who works for a trust (its safeguarding lead, its admin, a
 * trust governor) has an account at one of the trust's schools, their base, with a school role
 * there as anyone else, and a trust role on top: `trust_role` is null, 'dsl', 'admin' or
 * 'governor'. The trust role opens the trust's pages across all of its schools; it changes
 * nothing at the base school (a trust DSL based at Oak is not Oak's DSL unless their school role
 * says so, so Oak's alerts still go to Oak's own people).
 */
import type { Kysely, Migration } from 'kysely';

export const trustRoles: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema.alterTable('staff').addColumn('trust_role', 'text').execute();
	},
	async down(db: Kysely<unknown>) {
		await db.schema.alterTable('staff').dropColumn('trust_role').execute();
	}
};
