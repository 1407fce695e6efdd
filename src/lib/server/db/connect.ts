/**
 * Opens the database the configuration names: an embedded SQLite file by default, or
 * PostgreSQL when DATABASE_URL is a postgres:// URL. Both get the same Kysely<Database>.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
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
}

export type DatabaseTarget = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string };

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
	await migrateToLatest(db as Kysely<unknown>);
	fallback = await soleSchool(db);
	return {
		db,
		engine: 'postgres',
		where,
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
