/**
 * Who has a trust role, and giving or taking one: the trust admin on the Schools page, and
 * `npm run trust:role` for the first trust admin. Each account is changed inside its own school
 * (row-level security), and the change is written to that school's audit chain.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { TrustRole } from '../../staff/roles';
import type { Trust } from '../tenancy/trust';
import { withSchool } from '../tenancy/context';
import { appendAudit } from '../audit/audit-log';

export interface TrustPerson {
	schoolId: string;
	schoolName: string;
	displayName: string;
	email: string;
	trustRole: TrustRole;
}

/** Everyone with a trust role in the trust's schools, school by school. */
export async function trustPeople(db: Kysely<Database>, trust: Trust): Promise<TrustPerson[]> {
	const out: TrustPerson[] = [];
	for (const school of trust.schools) {
		const rows = await withSchool(school.id, () =>
			db
				.selectFrom('staff')
				.select(['display_name', 'email', 'trust_role'])
				.where('trust_role', 'is not', null)
				.where('disabled', '=', 0)
				.orderBy('display_name')
				.execute()
		);
		for (const r of rows)
			out.push({
				schoolId: school.id,
				schoolName: school.name,
				displayName: r.display_name,
				email: r.email,
				trustRole: r.trust_role!
			});
	}
	return out;
}

export class TrustRoleRefused extends Error {}

/** Gives (or with null takes away) a trust role from the account with this email at this school. */
export async function setTrustRole(
	db: Kysely<Database>,
	trust: Trust,
	input: { schoolId: string; email: string; trustRole: TrustRole | null; actor: string }
): Promise<void> {
	const school = trust.schools.find((s) => s.id === input.schoolId);
	if (!school) throw new TrustRoleRefused('There is no such school in the trust.');
	const email = input.email.trim().toLowerCase();
	await withSchool(school.id, () =>
		db.transaction().execute(async (trx) => {
			const person = await trx
				.selectFrom('staff')
				.select(['id', 'trust_role'])
				.where('email', '=', email)
				.where('disabled', '=', 0)
				.executeTakeFirst();
			if (!person)
				throw new TrustRoleRefused(
					`${school.name} has no account with that email. Their school's admin adds it first.`
				);
			await trx
				.updateTable('staff')
				.set({ trust_role: input.trustRole })
				.where('id', '=', person.id)
				.execute();
			await appendAudit(trx, {
				actor: input.actor,
				action: 'staff.trust-role',
				target: `staff:${person.id}`,
				detail: { from: person.trust_role, to: input.trustRole }
			});
		})
	);
}
