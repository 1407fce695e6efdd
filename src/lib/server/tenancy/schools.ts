/**
 * Adding a school to the deployment (`npm run school:add`, and the demo trust). Many schools
 * share one database only on PostgreSQL, where row-level security keeps them apart; an embedded
 * SQLite deployment is one school.
 */
import * as v from 'valibot';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Engine } from '../db/connect';
import { hashToken, newEnrolCode, newId } from '../auth/tokens';
import { SLUG, type School } from './directory';
import { asSchoolWithin } from './in-transaction';

/** The settings key holding the hash of a new school's one-time set-up code. */
export const SETUP_CODE_KEY = 'setup.code';

export const NewSchoolSchema = v.object({
	slug: v.pipe(
		v.string(),
		v.trim(),
		v.toLowerCase(),
		v.regex(SLUG, 'The address name is 1–40 lower-case letters, digits or hyphens, such as oak-primary.')
	),
	name: v.pipe(v.string(), v.trim(), v.minLength(1, 'The school needs a name.'), v.maxLength(120)),
	trustId: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(64))), null)
});
export type NewSchool = v.InferInput<typeof NewSchoolSchema>;

export class SchoolRefused extends Error {}

/**
 * Adds a school. Its first admin is made on the school's own /setup page, which asks for the
 * one-time set-up code returned here (shown once to whoever added the school, stored only as a
 * hash): a new school's address is public, so the first visitor must not be able to claim it.
 */
export async function addSchool(
	db: Kysely<Database>,
	engine: Engine,
	input: NewSchool
): Promise<School & { setupCode: string }> {
	if (engine !== 'postgres')
		throw new SchoolRefused(
			'Many schools share one database only on PostgreSQL (set DATABASE_URL): the embedded database holds one school.'
		);
	const parsed = v.safeParse(NewSchoolSchema, input);
	if (!parsed.success) throw new SchoolRefused(parsed.issues[0].message);
	const { slug, name, trustId } = parsed.output;
	const taken = await db.selectFrom('schools').select('id').where('slug', '=', slug).executeTakeFirst();
	if (taken) throw new SchoolRefused(`There is already a school at the address “${slug}”.`);
	if (trustId) {
		const trust = await db.selectFrom('trusts').select('id').where('id', '=', trustId).executeTakeFirst();
		if (!trust) throw new SchoolRefused('There is no such trust.');
	}
	const school: School = { id: newId(), slug, name, trust_id: trustId, created_at: new Date().toISOString() };
	const setupCode = newEnrolCode(12);
	await db.transaction().execute(async (trx) => {
		await trx.insertInto('schools').values(school).execute();
		// The new school's row is written as that school (row-level security), in this transaction.
		await asSchoolWithin(trx, school.id, () =>
			trx
				.insertInto('settings')
				.values({ key: SETUP_CODE_KEY, value: hashToken(setupCode), school_id: school.id })
				.execute()
		);
	});
	return { ...school, setupCode };
}

export async function addTrust(db: Kysely<Database>, name: string): Promise<string> {
	const id = newId();
	await db.insertInto('trusts').values({ id, name, created_at: new Date().toISOString() }).execute();
	return id;
}
