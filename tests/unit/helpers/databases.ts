/**
 * Real databases for data-layer tests: a fresh SQLite file in a temp folder, and a fresh schema
 * in the real PostgreSQL that the global setup started. Every suite runs against both.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle, type Engine } from '../../../src/lib/server/db/connect';

export const ENGINES: Engine[] = ['sqlite', 'postgres'];

export async function freshDatabase(engine: Engine): Promise<DatabaseHandle> {
	if (engine === 'sqlite') {
		const dir = mkdtempSync(join(tmpdir(), 'harbour-test-'));
		return openDatabase({ engine: 'sqlite', path: join(dir, 'harbour.db') });
	}
	const url = inject('postgresUrl');
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	await client.query('drop schema if exists public cascade; create schema public;');
	await client.end();
	return openDatabase({ engine: 'postgres', url });
}

/** Waits until `check` holds (events from another connection arrive when they arrive). */
export async function until(check: () => boolean, ms = 15_000): Promise<void> {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error('timed out waiting');
		await new Promise((r) => setTimeout(r, 25));
	}
}
