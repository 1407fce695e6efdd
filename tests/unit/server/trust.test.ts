/**
 * The trust's pages on PostgreSQL (issue 16): each school's figures counted in its own row only;
 * trust roles given inside the account's own school, audited there, and never to a school of
 * another trust.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileLessons, summaryOf } from '../../../tooling/compile-lessons';
import { freshDatabase } from '../helpers/databases';
import type { DatabaseHandle } from '../../../src/lib/server/db/connect';
import { createClass } from '../../../src/lib/server/school/classes';
import { createStaff } from '../../../src/lib/server/school/staff';
import { recordIncidentByHand } from '../../../src/lib/server/incidents/incident-log';
import { addSchool, addTrust } from '../../../src/lib/server/tenancy/schools';
import { FIRST_SCHOOL_ID, withSchool } from '../../../src/lib/server/tenancy/context';
import { trustOfSchool } from '../../../src/lib/server/tenancy/trust';
import { trustDashboard } from '../../../src/lib/server/trust/dashboard';
import { setTrustRole, trustPeople, TrustRoleRefused } from '../../../src/lib/server/trust/trust-roles';

const programme = compileLessons(process.cwd());
const curriculum = programme.curriculum;
const catalogue = programme.lessons.map(summaryOf);

describe('a trust of two schools, and a school of another trust', () => {
	let h: DatabaseHandle;
	let ash: string;
	let other: string;

	beforeEach(async () => {
		h = await freshDatabase('postgres');
		const trust = await addTrust(h.db, 'Oak Learning Trust');
		await h.db
			.updateTable('schools')
			.set({ trust_id: trust, name: 'Oak' })
			.where('id', '=', FIRST_SCHOOL_ID)
			.execute();
		ash = (await addSchool(h.db, 'postgres', { slug: 'ash', name: 'Ash', trustId: trust })).id;
		const elsewhere = await addTrust(h.db, 'Another Trust');
		other = (await addSchool(h.db, 'postgres', { slug: 'yew', name: 'Yew', trustId: elsewhere })).id;
	});
	afterEach(async () => {
		await h.close();
	});

	async function concernAt(school: string, n: number) {
		await withSchool(school, async () => {
			const classId = (await createClass(h.db, { name: 'Robins', yearGroup: 'Year 1', picture: 'robin' })).id;
			const staffId = await createStaff(h.db, {
				email: 'dsl@example.org',
				displayName: 'DSL',
				role: 'dsl',
				classId: null,
				password: 'a long enough password'
			});
			const staff = {
				id: staffId,
				email: 'dsl@example.org',
				displayName: 'DSL',
				role: 'dsl' as const,
				classId: null
			};
			for (let i = 0; i < n; i++)
				await recordIncidentByHand(h.db, staff, { classId, categories: [], facts: 'Seen', childsWords: '' });
		});
	}

	it("counts each school's concerns in its own row, and only the trust's schools", async () => {
		await concernAt(FIRST_SCHOOL_ID, 1);
		await concernAt(ash, 2);
		await concernAt(other, 5);
		const trust = (await trustOfSchool(h.db, FIRST_SCHOOL_ID))!;
		const rows = await trustDashboard(h.db, trust, curriculum, catalogue);
		expect(rows.map((r) => [r.name, r.concerns.open])).toEqual([
			['Ash', 2],
			['Oak', 1]
		]);
		expect(rows.every((r) => r.coverage.planned > 0 && r.coverage.met === 0)).toBe(true);
	});

	it('gives a trust role inside the account’s school, audited there; never at another trust', async () => {
		await concernAt(ash, 0);
		await concernAt(other, 0);
		const trust = (await trustOfSchool(h.db, FIRST_SCHOOL_ID))!;
		await setTrustRole(h.db, trust, {
			schoolId: ash,
			email: 'DSL@example.org ',
			trustRole: 'dsl',
			actor: 'staff:x'
		});
		expect(await trustPeople(h.db, trust)).toEqual([
			expect.objectContaining({ schoolName: 'Ash', email: 'dsl@example.org', trustRole: 'dsl' })
		]);
		const audit = await withSchool(ash, () =>
			h.db
				.selectFrom('audit_log')
				.select(['action', 'detail'])
				.where('action', '=', 'staff.trust-role')
				.execute()
		);
		expect(audit).toHaveLength(1);
		await expect(
			setTrustRole(h.db, trust, {
				schoolId: other,
				email: 'dsl@example.org',
				trustRole: 'admin',
				actor: 'staff:x'
			})
		).rejects.toThrow(TrustRoleRefused);
		await expect(
			setTrustRole(h.db, trust, {
				schoolId: ash,
				email: 'nobody@example.org',
				trustRole: 'admin',
				actor: 'staff:x'
			})
		).rejects.toThrow(/no account/);
		const yew = await withSchool(other, () => h.db.selectFrom('staff').select('trust_role').execute());
		expect(yew).toEqual([{ trust_role: null }]);
	});
});
