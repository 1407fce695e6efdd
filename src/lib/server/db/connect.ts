/**
 * Opens the database the configuration names: an embedded SQLite file by default, or
 * PostgreSQL when DATABASE_URL is a postgres:// URL. Both get the same Kysely<Database>.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import type { Database } from './schema';
import { migrateToLatest } from './migrations/index';
import { schoolsInScope } from '../tenancy/context';

export type Engine = 'sqlite' | 'postgres';

export interface DatabaseHandle {
	db: Kysely<Database>;
	engine: Engine;
	/** Where the data lives, for people: a file path or a host/database (never a password). */
	where: string;
	close(): Promise<void>;
	/**
	 * The schools work outside any request sees (start-up, scripts, tests): the only school of a
	 * one-school deployment, nothing once there are several (each duty then names its school).
	 */
	fallbackSchools: readonly string[];
	/** PostgreSQL: what the app's role may do beyond its grants (null on SQLite). */
	role?: RoleFacts | null;
}

/** The app's PostgreSQL role: whether it could read past row-level security. */
export interface RoleFacts {
	name: string;
	/** Superuser or BYPASSRLS: row-level security does not hold it at all. */
	bypassesRls: boolean;
	/** It owns Harbour's tables (it could turn their row-level security off). */
	ownsTables: boolean;
}

export type DatabaseTarget =
	| { engine: 'sqlite'; path: string }
	/**
	 * `url` is the app's role. `ownerUrl`, when given, is the role that owns the tables: it runs
	 * the migrations and grants the app's role what it needs, so the app's role owns nothing and
	 * can neither change the schema nor turn row-level security off.
	 */
	| { engine: 'postgres'; url: string; ownerUrl?: string };

/** Opens SQLite with the durability the product promises: WAL, synchronous=FULL, foreign keys. */
export function openSqliteFile(path: string): SQLite.Database {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const file = new SQLite(path);
	file.pragma('journal_mode = WAL');
	file.pragma('synchronous = FULL');
	file.pragma('foreign_keys = ON');
	file.pragma('busy_timeout = 5000');
	return file;
}

/**
 * Kysely asks better-sqlite3 to compile every query afresh; most of Harbour's queries repeat
 * (the ingest batch, the staff screens), so the most recent few hundred stay compiled. Safe
 * because better-sqlite3 runs each statement to completion synchronously, and SQLite recompiles
 * a cached statement by itself after a migration changes the schema.
 */
export function withStatementCache(file: SQLite.Database, size = 256): SqliteDatabase {
	const cache = new Map<string, SQLite.Statement>();
	return {
		close: () => file.close(),
		prepare(sql) {
			let statement = cache.get(sql);
			if (statement)
				cache.delete(sql); // re-inserted below as the most recent
			else statement = file.prepare(sql);
			cache.set(sql, statement);
			if (cache.size > size) cache.delete(cache.keys().next().value!);
			return statement;
		}
	};
}

type ScopedClient = pg.PoolClient & { harbourSchools?: string };

/**
 * The pool the app's queries go through on PostgreSQL: every connection handed out first tells
 * the database which schools the work in hand may see (`harbour.schools`, read by the row-level
 * security policies of migration 0012). Set on every checkout, from the caller's async context,
 * so a connection never carries one request's schools into another's; skipped when unchanged.
 */
function schoolScopedPool(pool: pg.Pool, fallback: () => readonly string[]) {
	return {
		async connect(): Promise<pg.PoolClient> {
			const want = (schoolsInScope() ?? fallback()).join(',');
			const client = (await pool.connect()) as ScopedClient;
			if (client.harbourSchools !== want) {
				try {
					await client.query(`select set_config('harbour.schools', $1, false)`, [want]);
				} catch (e) {
					client.release(e as Error);
					throw e;
				}
				client.harbourSchools = want;
			}
			return client;
		},
		end: () => pool.end()
	};
}

/** One school's deployment sees its school by default; several schools, none. */
async function soleSchool(db: Kysely<Database>): Promise<readonly string[]> {
	const schools = await db.selectFrom('schools').select('id').limit(2).execute();
	return schools.length === 1 ? [schools[0]!.id] : [];
}

/**
 * Migrates through the owner's connection, then grants the app's role (the one `app` connects
 * as) reading and writing rows, nothing more: no schema changes, no migration bookkeeping.
 */
async function migrateAsOwner(ownerUrl: string, app: Kysely<Database>): Promise<void> {
	const pool = new pg.Pool({ connectionString: ownerUrl, max: 2, connectionTimeoutMillis: 5000 });
	const owner = new Kysely<Database>({
		dialect: new PostgresDialect({ pool: schoolScopedPool(pool, () => []) })
	});
	try {
		await migrateToLatest(owner as Kysely<unknown>);
		const { rows } = await sql<{ name: string }>`select current_user as name`.execute(app);
		const appRole = sql.id(rows[0]!.name);
		const schema = sql.id((await sql<{ s: string }>`select current_schema() as s`.execute(owner)).rows[0]!.s);
		// Two servers starting at once grant at once: PostgreSQL refuses concurrent changes to the
		// same privileges ("tuple concurrently updated"), so the grants take turns.
		await owner.transaction().execute(async (trx) => {
			await sql`select pg_advisory_xact_lock(4242002)`.execute(trx);
			await sql`grant usage on schema ${schema} to ${appRole}`.execute(trx);
			await sql`grant select, insert, update, delete on all tables in schema ${schema} to ${appRole}`.execute(
				trx
			);
			await sql`grant usage, select on all sequences in schema ${schema} to ${appRole}`.execute(trx);
			await sql`revoke insert, update, delete on kysely_migration, kysely_migration_lock from ${appRole}`.execute(
				trx
			);
		});
	} catch (e) {
		throw new Error(
			`Harbour could not migrate the database as DATABASE_OWNER_URL's role: ${(e as Error).message}`
		);
	} finally {
		await owner.destroy();
	}
}

async function roleFacts(db: Kysely<Database>): Promise<RoleFacts> {
	const { rows } = await sql<{ name: string; bypass: boolean; owns: boolean }>`
		select r.rolname as name, (r.rolsuper or r.rolbypassrls) as bypass,
		       exists (select 1 from pg_tables t where t.schemaname = current_schema()
		                 and t.tablename = 'incidents' and t.tableowner = current_user) as owns
		from pg_roles r where r.rolname = current_user`.execute(db);
	const r = rows[0]!;
	return { name: r.name, bypassesRls: r.bypass, ownsTables: r.owns };
}

function describePostgres(url: string): string {
	const u = new URL(url);
	return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
}

/** Connects, proves the connection works and migrates. Errors are one sentence a person can act on. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
	if (target.engine === 'sqlite') {
		let file: SQLite.Database;
		try {
			file = openSqliteFile(target.path);
		} catch (e) {
			throw new Error(`Harbour cannot open its database file ${target.path}: ${(e as Error).message}.`);
		}
		const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) });
		await migrateToLatest(db as Kysely<unknown>);
		return { db, engine: 'sqlite', where: target.path, close: () => db.destroy(), fallbackSchools: [] };
	}
	const where = describePostgres(target.url);
	const pool = new pg.Pool({ connectionString: target.url, max: 10, connectionTimeoutMillis: 5000 });
	let fallback: readonly string[] = [];
	const db = new Kysely<Database>({
		dialect: new PostgresDialect({ pool: schoolScopedPool(pool, () => fallback) })
	});
	try {
		const client = await pool.connect();
		client.release();
	} catch (e) {
		await db.destroy().catch(() => undefined);
		throw new Error(
			`Harbour cannot reach the PostgreSQL database at ${where} (${(e as Error).message}); check DATABASE_URL.`
		);
	}
	try {
		if (target.ownerUrl) await migrateAsOwner(target.ownerUrl, db);
		else await migrateToLatest(db as Kysely<unknown>);
		fallback = await soleSchool(db);
	} catch (e) {
		await db.destroy().catch(() => undefined);
		throw e;
	}
	const role = await roleFacts(db);
	return {
		db,
		engine: 'postgres',
		where,
		role,
		close: () => db.destroy(),
		get fallbackSchools() {
			return fallback;
		}
	};
}

/**
 * Opens an existing database only to read it (audit verification): never creates a file, never
 * migrates, never writes. A missing SQLite file is an error, not a new empty database.
 */
export async function openDatabaseReadOnly(target: DatabaseTarget): Promise<DatabaseHandle> {
	if (target.engine === 'sqlite') {
		let file: SQLite.Database;
		try {
			file = new SQLite(target.path, { readonly: true, fileMustExist: true });
		} catch (e) {
			throw new Error(`There is no readable database file at ${target.path} (${(e as Error).message}).`);
		}
		const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
		return { db, engine: 'sqlite', where: target.path, close: () => db.destroy(), fallbackSchools: [] };
	}
	const where = describePostgres(target.url);
	const pool = new pg.Pool({
		connectionString: target.url,
		max: 2,
		connectionTimeoutMillis: 5000,
		options: '-c default_transaction_read_only=on'
	});
	const db = new Kysely<Database>({
		dialect: new PostgresDialect({ pool: schoolScopedPool(pool, () => []) })
	});
	return { db, engine: 'postgres', where, close: () => db.destroy(), fallbackSchools: [] };
}
