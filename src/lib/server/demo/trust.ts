/**
 * HARBOUR_DEMO=trust: a demo trust of three schools on one PostgreSQL database, each at its own
 * address (`oak.localhost`, `ash.localhost`, `elm.localhost` unless HARBOUR_DOMAIN says otherwise),
 * each with the demo school's classes and accounts. The same email signs in at each school as a
 * different account, as a person working in two schools has two accounts.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { addSchool, addTrust } from '../tenancy/schools';
import { FIRST_SCHOOL_ID, withSchool } from '../tenancy/context';
import type { SchoolDirectory } from '../tenancy/directory';
import { createStaff } from '../school/staff';
import { DEMO_PASSWORD, describeDemoSchool, seedDemoSchool } from './seed';

const SCHOOLS = [
	{ slug: 'oak', name: 'Oak Infant School (demo)' },
	{ slug: 'ash', name: 'Ash Primary School (demo)' },
	{ slug: 'elm', name: 'Elm Church of England Primary (demo)' }
];

export async function seedDemoTrust(
	db: Kysely<Database>,
	directory: SchoolDirectory,
	origin: string
): Promise<string> {
	const trustId = await addTrust(db, 'Harbour Demo Learning Trust');
	const [first, ...rest] = SCHOOLS;
	// The database's first school becomes Oak; the others are added beside it.
	await db
		.updateTable('schools')
		.set({ slug: first!.slug, name: first!.name, trust_id: trustId })
		.where('id', '=', FIRST_SCHOOL_ID)
		.execute();
	const ids = [FIRST_SCHOOL_ID];
	for (const s of rest) ids.push((await addSchool(db, 'postgres', { ...s, trustId })).id);
	directory.forget();
	const out = ['', '  Harbour DEMO trust created: three schools, one database.'];
	for (const [i, s] of SCHOOLS.entries()) {
		const demo = await withSchool(ids[i]!, () => seedDemoSchool(db, s.name));
		out.push(`  ${s.name}:`, describeDemoSchool(demo, directory.originOf(s, origin)));
	}
	// The trust's own people, based at Oak: a governor there (no pupil detail, no school alerts),
	// with a trust role that opens every school's figures, and for the trust DSL their concerns.
	const trustPeople = [
		{ email: 'trust.dsl@demo.harbour', displayName: 'Demo trust DSL', trustRole: 'dsl' as const },
		{
			email: 'trust.governor@demo.harbour',
			displayName: 'Demo trust governor',
			trustRole: 'governor' as const
		}
	];
	await withSchool(ids[0]!, async () => {
		for (const p of trustPeople)
			await createStaff(db, { ...p, role: 'governor', classId: null, password: DEMO_PASSWORD });
	});
	out.push(
		`  The trust (sign in at ${directory.originOf(SCHOOLS[0]!, origin)}/staff, password ${DEMO_PASSWORD}):`,
		...trustPeople.map((p) => `    ${p.displayName}: ${p.email}`)
	);
	return out.join('\n');
}
