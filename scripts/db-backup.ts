// `npm run db:backup [file]`: a consistent copy of the embedded SQLite database, taken with
// SQLite's online backup API while Harbour keeps running. For PostgreSQL, use pg_dump.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readConfig } from '../src/lib/server/config/config';
import { openDatabase, openSqliteFile } from '../src/lib/server/db/connect';
import { writeAnchor } from '../src/lib/server/audit/anchor';

const config = readConfig();
if (config.database.engine !== 'sqlite') {
	console.error('DATABASE_URL points at PostgreSQL: back it up with pg_dump (see README, "Backups").');
	process.exit(2);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = resolve(process.argv[2] ?? `data/backups/harbour-${stamp}.db`);
mkdirSync(dirname(target), { recursive: true });
const source = openSqliteFile(config.database.path);
try {
	await source.backup(target);
	const copy = openSqliteFile(target);
	const check = copy.pragma('integrity_check', { simple: true });
	copy.close();
	if (check !== 'ok') throw new Error(`the copy failed its integrity check (${String(check)})`);
	// The audit chain's head goes with every backup: kept beside the live database and beside
	// the copy, so a later deletion from either can be noticed.
	const handle = await openDatabase(config.database);
	const head = await writeAnchor(handle.db, config.auditAnchorPath);
	await writeAnchor(handle.db, `${target}.audit-anchor.jsonl`);
	await handle.close();
	console.log(`Backed up ${config.database.path} to ${target}`);
	console.log(`Audit log head: ${head.rows} rows, last hash ${head.hash.slice(0, 16)}…`);
} catch (e) {
	console.error(`Backup failed: ${(e as Error).message}`);
	process.exitCode = 1;
} finally {
	source.close();
}
