/**
 * Many schools in one database (issue 16). Adds the directory of trusts and schools, puts
 * `school_id` on every school table that did not have it yet (existing rows belong to the first
 * school, id `school`), and then, by engine:
 *
 * - PostgreSQL: `school_id` leads every primary, unique and foreign key and every index, so the
 *   tables can be distributed by school (Citus); every school table gets row-level security,
 *   FORCEd so the tables' owner is held to it too: a row is seen and written only when its school
 *   is in the connection's `harbour.schools` (set per checkout by db/connect.ts). New rows default
 *   to the first school listed there, so a query that forgets the school still writes to the
 *   right one, and one that reads without it sees only its own.
 * - SQLite (one school, embedded): the column, and a unique index `(school_id, …)` beside each
 *   old key so the same ON CONFLICT targets work on both engines. Rebuilding SQLite tables to
 *   re-key them buys nothing for one school.
 */
import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';
import { FIRST_SCHOOL_ID } from '../../tenancy/context';

/** Every table that holds a school's data (all but the directory and Kysely's own). */
export const SCHOOL_TABLES = [
	'staff',
	'classes',
	'sessions',
	'devices',
	'enrol_codes',
	'pupil_events',
	'audit_log',
	'rate_limits',
	'settings',
	'search_proposals',
	'search_list_versions',
	'search_list_entries',
	'search_list_reviews',
	'incidents',
	'incident_entries',
	'attachments',
	'search_log',
	'search_missed',
	'lesson_progress',
	'alert_steps',
	'alert_deliveries',
	'push_subscriptions',
	'class_now',
	'class_launches',
	'launch_tablets',
	'launch_votes'
] as const;

/** Tables made before `school_id` was the rule, with the keys SQLite gets a school-led copy of. */
const OLD_TABLES: Record<string, string[][]> = {
	staff: [['id'], ['email']],
	classes: [['id'], ['name']],
	sessions: [['token_hash']],
	devices: [['id'], ['token_hash']],
	enrol_codes: [['code_hash']],
	pupil_events: [['id']],
	audit_log: [['seq'], ['prev_hash']],
	rate_limits: [['key']],
	settings: [['key']],
	search_proposals: [['id']],
	search_list_versions: [['version'], ['proposal_id']],
	search_list_entries: [['version', 'position']],
	search_list_reviews: [['id']],
	incidents: [['id'], ['report_id']],
	incident_entries: [['id']],
	attachments: [['id']]
};

const VISIBLE = sql.raw(`school_id = any(string_to_array(current_setting('harbour.schools', true), ','))`);
const WRITE_TO = sql.raw(`split_part(current_setting('harbour.schools', true), ',', 1)`);

async function rekeyPostgres(db: Kysely<unknown>): Promise<void> {
	const tables = sql.join(SCHOOL_TABLES.map((t) => sql.lit(t)));
	// Foreign keys first (they hang on the keys being rebuilt), then primary and unique keys.
	const constraints = await sql<{ table: string; name: string; type: string; def: string }>`
		select c.conrelid::regclass::text as "table", c.conname as name, c.contype as type,
		       pg_get_constraintdef(c.oid) as def
		from pg_constraint c
		where c.connamespace = current_schema()::regnamespace and c.contype in ('f', 'p', 'u')
		  and c.conrelid::regclass::text in (${tables})`.execute(db);
	const rows = constraints.rows;
	const lead = (def: string) => def.replace(/\(/, '(school_id, ');
	for (const c of rows.filter((r) => r.type === 'f'))
		await sql`alter table ${sql.table(c.table)} drop constraint ${sql.ref(c.name)}`.execute(db);
	for (const c of rows.filter((r) => r.type !== 'f' && !/\(school_id[,)]/.test(r.def))) {
		await sql`alter table ${sql.table(c.table)} drop constraint ${sql.ref(c.name)}`.execute(db);
		await sql`alter table ${sql.table(c.table)} add constraint ${sql.ref(c.name)} ${sql.raw(lead(c.def))}`.execute(
			db
		);
	}
	for (const c of rows.filter((r) => r.type === 'f')) {
		// FOREIGN KEY (a) REFERENCES t(b) [ON DELETE SET NULL]: both sides led by the school; a
		// SET NULL clears only the old column (the school of a row never becomes null).
		const [, cols] = /^FOREIGN KEY \(([^)]*)\)/.exec(c.def) ?? [];
		let def = c.def
			.replace(/^FOREIGN KEY \(/, 'FOREIGN KEY (school_id, ')
			.replace(/REFERENCES ([^(]+)\(/, 'REFERENCES $1(school_id, ');
		def = def.replace(/ON DELETE SET NULL\b(?! \()/, `ON DELETE SET NULL (${cols})`);
		await sql`alter table ${sql.table(c.table)} add constraint ${sql.ref(c.name)} ${sql.raw(def)}`.execute(
			db
		);
	}
	// Plain indexes: led by the school too, so every school query can use them.
	const indexes = await sql<{ name: string; def: string }>`
		select i.indexname as name, i.indexdef as def from pg_indexes i
		where i.schemaname = current_schema() and i.tablename in (${tables})
		  and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
		  and i.indexdef not like '%(school_id%'`.execute(db);
	for (const i of indexes.rows) {
		await sql`drop index ${sql.ref(i.name)}`.execute(db);
		await sql.raw(i.def.replace(/USING (\w+) \(/, 'USING $1 (school_id, ')).execute(db);
	}
}

async function isolatePostgres(db: Kysely<unknown>): Promise<void> {
	for (const t of SCHOOL_TABLES) {
		const table = sql.table(t);
		await sql`alter table ${table} alter column school_id set default ${WRITE_TO}`.execute(db);
		await sql`alter table ${table} enable row level security`.execute(db);
		await sql`alter table ${table} force row level security`.execute(db);
		await sql`create policy school_isolation on ${table} using (${VISIBLE}) with check (${VISIBLE})`.execute(
			db
		);
	}
}

export const schools: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable('trusts')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createTable('schools')
			.addColumn('id', 'text', (c) => c.primaryKey())
			// The school's address: `<slug>.<HARBOUR_DOMAIN>`.
			.addColumn('slug', 'text', (c) => c.notNull().unique())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('trust_id', 'text', (c) => c.references('trusts.id'))
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db
			.insertInto('schools' as never)
			.values({
				id: FIRST_SCHOOL_ID,
				slug: 'school',
				name: 'Our school',
				trust_id: null,
				created_at: new Date().toISOString()
			} as never)
			.execute();
		for (const table of Object.keys(OLD_TABLES))
			await db.schema
				.alterTable(table)
				.addColumn('school_id', 'text', (c) => c.notNull().defaultTo(FIRST_SCHOOL_ID))
				.execute();

		if (db.getExecutor().adapter instanceof PostgresAdapter) {
			await rekeyPostgres(db);
			await isolatePostgres(db);
			return;
		}
		for (const [table, keys] of Object.entries(OLD_TABLES))
			for (const key of keys)
				await db.schema
					.createIndex(`${table}_school_${key.join('_')}`)
					.on(table)
					.columns(['school_id', ...key])
					.unique()
					.execute();
	}
};
