/** A member of staff for a data-layer test: created in the database, returned as the principal. */
import type { Kysely } from 'kysely';
import type { StaffPrincipal } from '../../../src/lib/server/auth/sessions';
import type { Database } from '../../../src/lib/server/db/schema';
import { createStaff } from '../../../src/lib/server/school/staff';

export async function testStaff(
	db: Kysely<Database>,
	role: StaffPrincipal['role'],
	name: string,
	classId: string
): Promise<StaffPrincipal> {
	const email = `${name.toLowerCase()}@test.harbour`;
	const ownClass = role === 'teacher' ? classId : null;
	const id = await createStaff(db, {
		email,
		displayName: name,
		role,
		classId: ownClass,
		password: 'correct horse battery'
	});
	return { id, email, displayName: name, role, classId: ownClass };
}
