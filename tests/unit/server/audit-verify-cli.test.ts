import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from '../../../src/lib/server/db/connect';
import { appendAudit } from '../../../src/lib/server/audit/audit-log';
import { anchorPath, writeAnchor } from '../../../src/lib/server/audit/anchor';

function verify(path: string) {
	return spawnSync('npx', ['tsx', 'scripts/audit-verify.ts'], {
		env: { ...process.env, DATABASE_PATH: path, DATABASE_URL: '', AUDIT_ANCHOR_PATH: '' },
		encoding: 'utf8'
	});
}

async function school(rows: number) {
	const path = join(mkdtempSync(join(tmpdir(), 'harbour-audit-')), 'harbour.db');
	const h = await openDatabase({ engine: 'sqlite', path });
	for (let i = 0; i < rows; i++)
		await appendAudit(h.db, { actor: 'system', action: 'test', target: `t${i}` });
	return { path, h };
}

describe('npm run audit:verify', () => {
	it('passes an intact log and fails naming the row after tampering', async () => {
		const { path, h } = await school(4);
		const ok = verify(path);
		expect(ok.status).toBe(0);
		expect(ok.stdout).toContain('Audit log OK: 4 rows');

		await sql`update audit_log set target = 'changed' where seq = 2`.execute(h.db);
		await h.close();
		const bad = verify(path);
		expect(bad.status).toBe(1);
		expect(bad.stderr).toContain('Audit log BROKEN at row 2: row 2 was altered');
	});

	it('notices the last rows deleted, and every row deleted, against the anchor kept outside the database', async () => {
		const { path, h } = await school(6);
		await writeAnchor(h.db, anchorPath({ engine: 'sqlite', path }));
		expect(verify(path).status).toBe(0);

		await sql`delete from audit_log where seq = 6`.execute(h.db);
		const tail = verify(path);
		expect(tail.status).toBe(1);
		expect(tail.stderr).toContain('the log has 5 rows but had 6');

		await sql`delete from audit_log`.execute(h.db);
		await h.close();
		const all = verify(path);
		expect(all.status).toBe(1);
		expect(all.stderr).toContain('Audit log EMPTY');
	});

	it('refuses a mistyped database path instead of creating an empty database that verifies', () => {
		const path = join(mkdtempSync(join(tmpdir(), 'harbour-audit-')), 'harbuor.db');
		const r = verify(path);
		expect(r.status).toBe(2);
		expect(r.stderr).toContain('There is no readable database file');
		expect(existsSync(path)).toBe(false);
	});
});
