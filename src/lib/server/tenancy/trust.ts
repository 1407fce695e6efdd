/**
 * A school's trust and the trust's schools: what a trust role (trust DSL, admin, governor) may
 * see. The directory tables are not school data (no row-level security); the school data of each
 * school is still read inside `withSchool`, so the database shows one school's rows at a time.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { School } from './directory';

export interface Trust {
	id: string;
	name: string;
	/** The trust's schools, by name. */
	schools: School[];
}

/** The trust the school belongs to, with its schools; null for a school in no trust. */
export async function trustOfSchool(db: Kysely<Database>, schoolId: string): Promise<Trust | null> {
	const row = await db
		.selectFrom('schools')
		.innerJoin('trusts', 'trusts.id', 'schools.trust_id')
		.select(['trusts.id', 'trusts.name'])
		.where('schools.id', '=', schoolId)
		.executeTakeFirst();
	if (!row) return null;
	const schools = await db
		.selectFrom('schools')
		.selectAll()
		.where('trust_id', '=', row.id)
		.orderBy('name')
		.execute();
	return { id: row.id, name: row.name, schools };
}

/** One of the trust's schools by id, or null when the school is not the trust's (or not at all). */
export function schoolOfTrust(trust: Trust, schoolId: string): School | null {
	return trust.schools.find((s) => s.id === schoolId) ?? null;
}
