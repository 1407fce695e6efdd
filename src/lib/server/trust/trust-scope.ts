/**
 * The trust a trust role works for, and the one school of it a page names. Anything outside the
 * person's own trust is answered as missing, the same as an id that does not exist.
 */
import { error } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { schoolOfTrust, trustOfSchool, type Trust } from '../tenancy/trust';
import type { School } from '../tenancy/directory';

export async function trustOf(db: Kysely<Database>, baseSchool: School): Promise<Trust> {
	const trust = await trustOfSchool(db, baseSchool.id);
	if (!trust) error(404, 'This school is not part of a trust on Harbour.');
	return trust;
}

export async function trustSchool(
	db: Kysely<Database>,
	baseSchool: School,
	schoolId: string
): Promise<{ trust: Trust; school: School }> {
	const trust = await trustOf(db, baseSchool);
	const school = schoolOfTrust(trust, schoolId);
	if (!school) error(404, 'There is no such school in your trust.');
	return { trust, school };
}
