// `npm run db:backup [file]`: a consistent copy of Harbour's database while Harbour keeps
// running. SQLite: SQLite's online backup API, integrity-checked (default
// data/backups/harbour-<time>.db). PostgreSQL: pg_dump in its custom format, one snapshot of the
// whole database, then read back with pg_restore --list (default data/backups/harbour-<time>.pgdump).
// Either way the audit chain's head is written beside the copy, so a restore can be checked.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readConfig } from '../src/lib/server/config/config';
import { openDatabase, openSqliteFile } from '../src/lib/server/db/connect';
import { schoolAnchorPath, writeAnchor } from '../src/lib/server/audit/anchor';
import { withSchool } from '../src/lib/server/tenancy/context';
import { allSchoolIds } from '../src/lib/server/tenancy/directory';
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

function backupPostgres(url: string, schools: string[]): string {
	const { args, env } = pgArgs(url);
	// Row-level security holds the tables' owner too (migration 0012): the dump runs with it on,
	// for every school of the database, so every school's rows are in it.
	env.PGOPTIONS = `${env.PGOPTIONS ?? ''} -c harbour.schools=${schools.join(',')}`.trim();
	// Custom format: compressed, restorable table by table; no owners or grants, so it restores
	// into a database owned by whichever role the new server uses.
	runPgTool(
		'pg_dump',
		[...args, '--format=custom', '--no-owner', '--no-privileges', '--enable-row-security', '--file', target],
		env
	);
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
	let head: Awaited<ReturnType<typeof writeAnchor>> | undefined;
	let schools: string[] = [];
	try {
		schools = await allSchoolIds(handle.db);
		// Each school's chain has its own anchors (the first school's are the configured file).
		for (const school of schools) {
			const schoolHead = await withSchool(school, async () => {
				await writeAnchor(handle.db, schoolAnchorPath(`${target}.audit-anchor.jsonl`, school));
				return writeAnchor(handle.db, schoolAnchorPath(config.auditAnchorPath, school));
			});
			head ??= schoolHead;
		}
	} finally {
		await handle.close();
	}
	const from =
		config.database.engine === 'sqlite'
			? await backupSqlite(config.database.path)
			: backupPostgres(config.database.ownerUrl ?? config.database.url, schools);
	console.log(`Backed up ${from} to ${target}`);
	if (head) console.log(`Audit log head: ${head.rows} rows, last hash ${head.hash.slice(0, 16)}…`);
} catch (e) {
	console.error(`Backup failed: ${(e as Error).message}`);
	process.exitCode = 1;
}
