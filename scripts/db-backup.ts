// `npm run db:backup [file]`: a consistent copy of Harbour's database while Harbour keeps
// running. SQLite: SQLite's online backup API, integrity-checked (default
// data/backups/harbour-<time>.db). PostgreSQL: pg_dump in its custom format, one snapshot of the
// whole database, then read back with pg_restore --list (default data/backups/harbour-<time>.pgdump).
// Either way the audit chain's head is written beside the copy, so a restore can be checked.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readConfig } from '../src/lib/server/config/config';
import { openDatabase, openSqliteFile } from '../src/lib/server/db/connect';
import { writeAnchor } from '../src/lib/server/audit/anchor';
import { pgArgs, runPgTool } from './lib/pg-client';
import { copySqliteChecked } from './lib/sqlite-copy';

const config = readConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const postgres = config.database.engine === 'postgres';
const target = resolve(process.argv[2] ?? `data/backups/harbour-${stamp}.${postgres ? 'pgdump' : 'db'}`);
mkdirSync(dirname(target), { recursive: true });

async function backupSqlite(path: string): Promise<string> {
	await copySqliteChecked(openSqliteFile(path), target);
	return path;
}

function backupPostgres(url: string): string {
	const { args, env } = pgArgs(url);
	// Custom format: compressed, restorable table by table; no owners or grants, so it restores
	// into a database owned by whichever role the new server uses.
	runPgTool('pg_dump', [...args, '--format=custom', '--no-owner', '--no-privileges', '--file', target], env);
	// A dump pg_restore cannot list is no backup.
	const listing = runPgTool('pg_restore', ['--list', target], env);
	if (!/TABLE DATA public audit_log/.test(listing)) throw new Error('the dump has no audit log in it');
	const u = new URL(url);
	return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
}

try {
	// The audit chain's head goes with every backup: kept beside the live database and beside
	// the copy, so a later deletion from either can be noticed. Taken before the copy, so the
	// copy holds at least the anchored rows even while staff keep working.
	const handle = await openDatabase(config.database);
	let head;
	try {
		head = await writeAnchor(handle.db, config.auditAnchorPath);
		await writeAnchor(handle.db, `${target}.audit-anchor.jsonl`);
	} finally {
		await handle.close();
	}
	const from =
		config.database.engine === 'sqlite'
			? await backupSqlite(config.database.path)
			: backupPostgres(config.database.url);
	console.log(`Backed up ${from} to ${target}`);
	console.log(`Audit log head: ${head.rows} rows, last hash ${head.hash.slice(0, 16)}…`);
} catch (e) {
	console.error(`Backup failed: ${(e as Error).message}`);
	process.exitCode = 1;
}
