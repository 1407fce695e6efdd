// `npm run db:restore <file>`: puts a backup made by `npm run db:backup` into the database the
// configuration names (DATABASE_URL, or DATABASE_PATH for SQLite), which must be empty: a
// restore never overwrites a school's data. A SQLite copy (.db) restores onto SQLite, a pg_dump
// (.pgdump) onto PostgreSQL. Afterwards the audit chain is walked, and the backup's audit anchor
// is put beside the restored database when none is there, so `npm run audit:verify` can check it.
// Exit 0 restored; 1 the restore failed; 2 refused (no file, wrong kind, database not empty).
import { copyFileSync, existsSync, mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { readConfig } from '../src/lib/server/config/config';
import { openDatabaseReadOnly } from '../src/lib/server/db/connect';
import { verifyAuditChain } from '../src/lib/server/audit/audit-log';
import { schoolAnchorPath } from '../src/lib/server/audit/anchor';
import { withSchool } from '../src/lib/server/tenancy/context';
import { allSchoolIds } from '../src/lib/server/tenancy/directory';
import { pgArgs, runPgTool } from './lib/pg-client';
import { copySqliteChecked } from './lib/sqlite-copy';

class Refused extends Error {}

function kindOf(file: string): 'sqlite' | 'pgdump' | null {
	const fd = openSync(file, 'r');
	const head = Buffer.alloc(16);
	readSync(fd, head, 0, 16, 0);
	closeSync(fd);
	if (head.toString('latin1').startsWith('SQLite format 3')) return 'sqlite';
	if (head.toString('latin1').startsWith('PGDMP')) return 'pgdump';
	return null;
}

async function restoreSqlite(file: string, path: string): Promise<void> {
	if (existsSync(path) && statSync(path).size > 0) {
		const existing = new SQLite(path, { readonly: true });
		const tables = existing.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as {
			n: number;
		};
		existing.close();
		if (tables.n > 0)
			throw new Refused(
				`The database ${path} is not empty (${tables.n} tables): restore into a new file (set DATABASE_PATH) so nothing is overwritten.`
			);
	}
	mkdirSync(dirname(path), { recursive: true });
	// The backup API copies page by page into the (empty) target: the same as the original.
	await copySqliteChecked(new SQLite(file, { readonly: true, fileMustExist: true }), path);
}

async function restorePostgres(file: string, url: string): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const { rows } = await client.query<{ n: string }>(
			"select count(*) as n from information_schema.tables where table_schema = 'public'"
		);
		const n = Number(rows[0]?.n ?? 0);
		if (n > 0)
			throw new Refused(
				`The PostgreSQL database is not empty (${n} tables): create a new, empty database, point DATABASE_URL at it, and restore there.`
			);
	} finally {
		await client.end();
	}
	const { args, env } = pgArgs(url);
	// One transaction: a restore that fails half-way leaves the database empty, not half full.
	runPgTool(
		'pg_restore',
		[...args, '--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', file],
		env
	);
}

try {
	const arg = process.argv[2];
	if (!arg) throw new Refused('Say which backup to restore: npm run db:restore <file>');
	const file = resolve(arg);
	if (!existsSync(file)) throw new Refused(`There is no backup at ${file}.`);
	const config = readConfig();
	const kind = kindOf(file);
	if (kind === null)
		throw new Refused(`${file} is not a Harbour backup (neither a SQLite copy nor a pg_dump).`);
	const engine = config.database.engine;
	if ((kind === 'sqlite') !== (engine === 'sqlite'))
		throw new Refused(
			kind === 'sqlite'
				? `${file} is a SQLite backup: restore it with DATABASE_URL unset and DATABASE_PATH naming a new file.`
				: `${file} is a PostgreSQL backup: restore it with DATABASE_URL pointing at an empty PostgreSQL database.`
		);
	if (config.database.engine === 'sqlite') await restoreSqlite(file, config.database.path);
	else await restorePostgres(file, config.database.ownerUrl ?? config.database.url);
	const handle = await openDatabaseReadOnly(config.database);
	try {
		// Each school's chain is checked, and each school's anchors kept beside the new database.
		let rows = 0;
		for (const school of await allSchoolIds(handle.db)) {
			const verdict = await withSchool(school, () => verifyAuditChain(handle.db));
			if (!verdict.ok)
				throw new Error(`the restored audit log is broken at row ${verdict.badSeq}: ${verdict.reason}`);
			rows += verdict.rows;
			const anchor = schoolAnchorPath(`${file}.audit-anchor.jsonl`, school);
			const kept = schoolAnchorPath(config.auditAnchorPath, school);
			if (existsSync(anchor) && !existsSync(kept)) {
				mkdirSync(dirname(kept), { recursive: true });
				copyFileSync(anchor, kept);
			}
		}
		console.log(`Restored ${file} into ${handle.where}: audit log ${rows} rows, chain unbroken.`);
		console.log('Check it against its anchors with: npm run audit:verify');
	} finally {
		await handle.close();
	}
} catch (e) {
	console.error(e instanceof Refused ? (e as Error).message : `Restore failed: ${(e as Error).message}`);
	process.exitCode = e instanceof Refused ? 2 : 1;
}
