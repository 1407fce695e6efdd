import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from '../../../src/lib/server/db/connect';
import { appendAudit } from '../../../src/lib/server/audit/audit-log';

function verify(path: string) {
	return spawnSync('npx', ['tsx', 'scripts/audit-verify.ts'], {
		env: { ...process.env, DATABASE_PATH: path, DATABASE_URL: '' },
		encoding: 'utf8'
	});
}

describe('npm run audit:verify', () => {
	it('passes an intact log and fails naming the row after tampering', async () => {
		const path = join(mkdtempSync(join(tmpdir(), 'harbour-audit-')), 'harbour.db');
		const h = await openDatabase({ engine: 'sqlite', path });
		for (let i = 0; i < 4; i++) await appendAudit(h.db, { actor: 'system', action: 'test', target: `t${i}` });
		const ok = verify(path);
		expect(ok.status).toBe(0);
		expect(ok.stdout).toContain('Audit log OK: 4 rows');

		await sql`update audit_log set target = 'changed' where seq = 2`.execute(h.db);
		await h.close();
		const bad = verify(path);
		expect(bad.status).toBe(1);
		expect(bad.stderr).toContain('Audit log BROKEN at row 2: row 2 was altered');
	});
});
