// Copies a SQLite database page by page with SQLite's online backup API (consistent while the
// source is in use), then checks the copy's integrity: shared by db:backup and db:restore.
import type SQLite from 'better-sqlite3';
import { openSqliteFile } from '../../src/lib/server/db/connect';

export async function copySqliteChecked(source: SQLite.Database, target: string): Promise<void> {
	try {
		await source.backup(target);
	} finally {
		source.close();
	}
	const copy = openSqliteFile(target);
	const check = copy.pragma('integrity_check', { simple: true });
	copy.close();
	if (check !== 'ok') throw new Error(`the copy at ${target} failed its integrity check (${String(check)})`);
}
