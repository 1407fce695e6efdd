import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase, type DatabaseTarget } from '../../../src/lib/server/db/connect';
import { appendAudit } from '../../../src/lib/server/audit/audit-log';

/** Runs one of Harbour's npm scripts (by its tsx file) with the database named by `env`. */
function cli(script: string, args: string[], env: Record<string, string>) {
	return spawnSync('npx', ['tsx', `scripts/${script}.ts`, ...args], {
		env: { ...process.env, DATABASE_URL: '', ...env },
		encoding: 'utf8'
	});
}

async function emptyPostgres(url: string): Promise<void> {
	const c = new pg.Client({ connectionString: url });
	await c.connect();
	await c.query('drop schema public cascade; create schema public');
	await c.end();
}

async function schoolWithAudit(target: DatabaseTarget, rows: number): Promise<void> {
	const h = await openDatabase(target);
	for (let i = 0; i < rows; i++)
		await appendAudit(h.db, { actor: 'system', action: 'test', target: `t${i}` });
	await h.close();
}

describe('npm run db:backup and db:restore', () => {
	it(
		'on SQLite: a backup restores into a new file with its audit log intact, and never over a database in use',
		{ timeout: 240_000 },
		async () => {
			const dir = mkdtempSync(join(tmpdir(), 'harbour-restore-'));
			const live = join(dir, 'live', 'harbour.db');
			await schoolWithAudit({ engine: 'sqlite', path: live }, 30);
			const copy = join(dir, 'harbour-backup.db');
			const backup = cli('db-backup', [copy], { DATABASE_PATH: live });
			expect(backup.status, backup.stderr).toBe(0);

			const restored = join(dir, 'new', 'harbour.db');
			const restore = cli('db-restore', [copy], { DATABASE_PATH: restored });
			expect(restore.status, restore.stderr).toBe(0);
			expect(restore.stdout).toContain('audit log 30 rows, chain unbroken');
			const verify = cli('audit-verify', [], { DATABASE_PATH: restored });
			expect(verify.status, verify.stderr).toBe(0);
			expect(verify.stdout).toMatch(/Audit log OK: 30 rows, chain unbroken .* matches 1 anchors/);

			// The live school's database is not empty: refused, and left as it was.
			const over = cli('db-restore', [copy], { DATABASE_PATH: live });
			expect(over.status).toBe(2);
			expect(over.stderr).toMatch(/is not empty .* restore into a new file/);
			// A file that is no backup, and a PostgreSQL dump onto SQLite, are refused with a reason.
			const junk = join(dir, 'junk.db');
			writeFileSync(junk, 'not a database');
			expect(cli('db-restore', [junk], { DATABASE_PATH: join(dir, 'x.db') }).stderr).toMatch(
				/not a Harbour backup/
			);
			expect(cli('db-restore', [], { DATABASE_PATH: join(dir, 'x.db') }).stderr).toMatch(
				/npm run db:restore <file>/
			);
		}
	);

	it(
		'on PostgreSQL: pg_dump backs up while running, restores into an empty database, and the audit chain verifies',
		{ timeout: 240_000 },
		async () => {
			const url = inject('postgresUrl');
			await emptyPostgres(url);
			await schoolWithAudit({ engine: 'postgres', url }, 25);
			const dir = mkdtempSync(join(tmpdir(), 'harbour-pgrestore-'));
			const dump = join(dir, 'harbour.pgdump');
			const anchors = { AUDIT_ANCHOR_PATH: join(dir, 'live-anchors.jsonl') };
			const backup = cli('db-backup', [dump], { DATABASE_URL: url, ...anchors });
			expect(backup.status, backup.stderr).toBe(0);
			expect(backup.stdout).toContain(`to ${dump}`);
			expect(backup.stdout + backup.stderr).not.toContain('harbour-test'); // the password

			// Onto a database still holding the school: refused.
			const over = cli('db-restore', [dump], { DATABASE_URL: url, ...anchors });
			expect(over.status).toBe(2);
			expect(over.stderr).toMatch(/not empty/);

			// The server is lost; a new, empty database takes the backup.
			await emptyPostgres(url);
			const restoredAnchors = { AUDIT_ANCHOR_PATH: join(dir, 'restored-anchors.jsonl') };
			const restore = cli('db-restore', [dump], { DATABASE_URL: url, ...restoredAnchors });
			expect(restore.status, restore.stderr).toBe(0);
			expect(restore.stdout).toContain('audit log 25 rows, chain unbroken');
			const verify = cli('audit-verify', [], { DATABASE_URL: url, ...restoredAnchors });
			expect(verify.status, verify.stderr).toBe(0);
			expect(verify.stdout).toMatch(/Audit log OK: 25 rows, chain unbroken .* matches 1 anchors/);
			// Harbour starts on it: the migrations are already there.
			const h = await openDatabase({ engine: 'postgres', url });
			expect(
				Number(
					(
						await h.db
							.selectFrom('audit_log')
							.select((eb) => eb.fn.countAll().as('n'))
							.executeTakeFirstOrThrow()
					).n
				)
			).toBe(25);
			await h.close();
		}
	);
});
