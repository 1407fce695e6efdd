/**
 * Many schools in one PostgreSQL database (issue 16): the database itself keeps them apart.
 * Every query here is written WITHOUT a school filter (the app's own filter "off"): row-level
 * security still shows, changes and accepts only the rows of the school the work is for.
 * SQLite stays one school: adding a second is refused with a sentence.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../../../src/lib/server/db/connect';
import { freshDatabase } from '../helpers/databases';
import { appRoleUrl, PG_APP_ROLE } from '../../../scripts/lib/system-deps.js';
import { createClass } from '../../../src/lib/server/school/classes';
import { createStaff } from '../../../src/lib/server/school/staff';
import { enrolDevice } from '../../../src/lib/server/auth/devices';
import { ingestEvents } from '../../../src/lib/server/events/ingest';
import { listIncidents } from '../../../src/lib/server/incidents/incident-log';
import { appendAudit, verifyAuditChain } from '../../../src/lib/server/audit/audit-log';
import { DEFAULT_SETTINGS, getSettings, saveSettings } from '../../../src/lib/server/school/settings';
import { addSchool, SchoolRefused } from '../../../src/lib/server/tenancy/schools';
import { FIRST_SCHOOL_ID, withSchool, withSchools } from '../../../src/lib/server/tenancy/context';
import { SCHOOL_TABLES } from '../../../src/lib/server/db/migrations/0012-schools';
import { LiveHub, type LiveEvent } from '../../../src/lib/server/live/live-hub';

const A = FIRST_SCHOOL_ID;

async function pressFrom(h: DatabaseHandle, className: string) {
	const classId = (await createClass(h.db, { name: className, yearGroup: 'Year 1', picture: 'robin' })).id;
	const { device } = await enrolDevice(h.db, classId, 'staff:x');
	const reportId = crypto.randomUUID();
	await ingestEvents(h.db, device, {
		events: [
			{
				id: crypto.randomUUID(),
				kind: 'report.opened',
				clientTime: new Date().toISOString(),
				payload: { reportId, practice: false, source: 'button', context: { screen: '/class' } }
			}
		]
	});
	return { classId, device };
}

describe('many schools on postgres', () => {
	let h: DatabaseHandle;
	let B: string;

	beforeEach(async () => {
		h = await freshDatabase('postgres');
		B = (await addSchool(h.db, 'postgres', { slug: 'ash', name: 'Ash Primary' })).id;
	});
	afterEach(async () => {
		await h.close();
	});

	it('every school table is forced under row-level security, keyed by school first', async () => {
		const { rows } = await sql<{ table: string; rls: boolean; forced: boolean; pk: string }>`
			select c.relname as "table", c.relrowsecurity as rls, c.relforcerowsecurity as forced,
			       pg_get_constraintdef(k.oid) as pk
			from pg_class c join pg_constraint k on k.conrelid = c.oid and k.contype = 'p'
			where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'`.execute(h.db);
		for (const t of SCHOOL_TABLES) {
			const row = rows.find((r) => r.table === t);
			expect(row, t).toMatchObject({ rls: true, forced: true });
			expect(row!.pk, t).toMatch(/^PRIMARY KEY \(school_id, /);
		}
		// Every school table's foreign keys lead with the school; the directory and the trust's own
		// table (reference tables when distributed) are keyed by the trust or the school itself.
		const { rows: fks } = await sql<{ def: string }>`
			select pg_get_constraintdef(oid) as def from pg_constraint
			where connamespace = current_schema()::regnamespace and contype = 'f'
			  and conrelid::regclass::text not in ('schools', 'trusts', 'trust_search_versions')`.execute(h.db);
		expect(fks.length).toBeGreaterThan(5);
		for (const fk of fks) expect(fk.def).toMatch(/^FOREIGN KEY \(school_id, .*REFERENCES \w+\(school_id, /);
	});

	it("one school's reads, without any school filter, see none of another school's rows", async () => {
		await withSchool(A, () => pressFrom(h, 'Robins'));
		await withSchool(B, () => pressFrom(h, 'Wrens'));
		const seen = async (school: string) =>
			withSchool(school, async () => ({
				classes: (await h.db.selectFrom('classes').select('name').execute()).map((r) => r.name),
				incidents: (await listIncidents(h.db, null)).map((i) => i.className),
				events: (await h.db.selectFrom('pupil_events').select('class_id').execute()).length,
				devices: (await h.db.selectFrom('devices').select('id').execute()).length
			}));
		expect(await seen(A)).toEqual({ classes: ['Robins'], incidents: ['Robins'], events: 1, devices: 1 });
		expect(await seen(B)).toEqual({ classes: ['Wrens'], incidents: ['Wrens'], events: 1, devices: 1 });
		// A trust role that may see both sees both.
		const both = await withSchools([A, B], () => listIncidents(h.db, null));
		expect(both.map((i) => i.className).sort()).toEqual(['Robins', 'Wrens']);
		// Work that names no school, on a server started with several schools, sees nothing at all.
		const restarted = await openDatabase({ engine: 'postgres', url: inject('postgresUrl') });
		try {
			expect(await restarted.db.selectFrom('incidents').select('id').execute()).toEqual([]);
			expect(await restarted.db.selectFrom('classes').select('id').execute()).toEqual([]);
		} finally {
			await restarted.close();
		}
	});

	it('the app connects as a role that owns nothing: migrations run as the owner, RLS cannot be turned off', async () => {
		await h.close();
		const ownerUrl = inject('postgresUrl');
		const app = await openDatabase({ engine: 'postgres', url: appRoleUrl(ownerUrl), ownerUrl });
		try {
			expect(app.role).toEqual({ name: PG_APP_ROLE, bypassesRls: false, ownsTables: false });
			// Rows: read and written as ever, each school's own.
			await withSchool(A, () => pressFrom(app, 'Robins'));
			await withSchool(B, () => pressFrom(app, 'Wrens'));
			const seen = await withSchool(B, () => listIncidents(app.db, null));
			expect(seen.map((i) => i.className)).toEqual(['Wrens']);
			// The schema and its row-level security: not the app's to change.
			for (const statement of [
				sql`alter table incidents disable row level security`,
				sql`alter table incidents no force row level security`,
				sql`drop policy school_isolation on incidents`,
				sql`drop table incidents`,
				sql`insert into kysely_migration (name, timestamp) values ('0099_mine', 'now')`
			])
				await expect(statement.execute(app.db)).rejects.toThrow(/owner|permission denied/);
		} finally {
			await app.close();
			h = await openDatabase({ engine: 'postgres', url: ownerUrl });
		}
	});

	it('two app servers starting at once both start (migrations and grants take turns)', async () => {
		await h.close();
		const ownerUrl = inject('postgresUrl');
		const started = await Promise.all(
			Array.from({ length: 4 }, () =>
				openDatabase({ engine: 'postgres', url: appRoleUrl(ownerUrl), ownerUrl })
			)
		);
		for (const s of started) await s.close();
		h = await openDatabase({ engine: 'postgres', url: ownerUrl });
		expect(started).toHaveLength(4);
	});

	it("one school cannot change, delete or write into another school's rows", async () => {
		const { classId } = await withSchool(A, () => pressFrom(h, 'Robins'));
		await withSchool(B, async () => {
			const changed = await h.db
				.updateTable('incidents')
				.set({ status: 'closed' })
				.where('class_id', '=', classId)
				.executeTakeFirst();
			expect(Number(changed.numUpdatedRows)).toBe(0);
			const deleted = await h.db.deleteFrom('classes').where('id', '=', classId).executeTakeFirst();
			expect(Number(deleted.numDeletedRows)).toBe(0);
			await expect(
				h.db
					.insertInto('classes')
					.values({
						school_id: A,
						id: 'planted',
						name: 'Planted',
						year_group: 'Year 1',
						picture: 'owl',
						picture_password: 'a,b,c',
						created_at: new Date().toISOString()
					})
					.execute()
			).rejects.toThrow(/row-level security/);
		});
		const statuses = await withSchool(A, () => h.db.selectFrom('incidents').select('status').execute());
		expect(statuses.map((s) => s.status)).toEqual(['new']);
	});

	it('each school has its own settings, accounts, class names and audit chain', async () => {
		for (const [school, name] of [
			[A, 'Oak Infants'],
			[B, 'Ash Primary']
		] as const)
			await withSchool(school, async () => {
				await saveSettings(h.db, { ...DEFAULT_SETTINGS, schoolName: name });
				// The same email and the same class name in both schools: two accounts, two classes.
				const classId = (await createClass(h.db, { name: 'Robins', yearGroup: 'Year 1', picture: 'robin' }))
					.id;
				await createStaff(h.db, {
					email: 'sam@example.org',
					displayName: 'Sam',
					role: 'teacher',
					classId,
					password: 'a long enough password'
				});
				await appendAudit(h.db, { actor: 'system', action: 'test.done', target: name });
			});
		for (const [school, name] of [
			[A, 'Oak Infants'],
			[B, 'Ash Primary']
		] as const)
			await withSchool(school, async () => {
				expect((await getSettings(h.db)).schoolName).toBe(name);
				const chain = await verifyAuditChain(h.db);
				expect(chain.ok).toBe(true);
				const rows = await h.db.selectFrom('audit_log').select(['seq', 'target']).orderBy('seq').execute();
				expect(rows.at(-1)?.target).toBe(name);
				expect(rows.every((r) => r.target === name)).toBe(true);
			});
	});

	it("a school's staff screens hear only their own school's live alerts", async () => {
		const live = new LiveHub();
		const heardByA: LiveEvent[] = [];
		withSchool(A, () => live.subscribe((e) => heardByA.push(e)));
		const event = (id: string): LiveEvent => ({
			type: 'incident.new',
			incident: { id } as LiveEvent['incident']
		});
		await withSchool(B, () => live.publish(event('from-b')));
		await withSchool(A, () => live.publish(event('from-a')));
		expect(heardByA.map((e) => e.incident.id)).toEqual(['from-a']);
		await live.close();
	});
});

describe('one school on sqlite', () => {
	it('refuses a second school with a sentence saying why', async () => {
		const h = await freshDatabase('sqlite');
		try {
			await expect(addSchool(h.db, 'sqlite', { slug: 'ash', name: 'Ash' })).rejects.toThrow(SchoolRefused);
			await expect(addSchool(h.db, 'sqlite', { slug: 'ash', name: 'Ash' })).rejects.toThrow(/PostgreSQL/);
			expect(await h.db.selectFrom('schools').select('id').execute()).toEqual([{ id: A }]);
		} finally {
			await h.close();
		}
	});
});
