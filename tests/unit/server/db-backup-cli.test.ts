import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/lib/server/db/connect';
import { appendAudit, verifyAuditChain } from '../../../src/lib/server/audit/audit-log';

describe('npm run db:backup', () => {
	it('writes a consistent, complete copy while the database is open and being written', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'harbour-backup-'));
		const path = join(dir, 'harbour.db');
		const h = await openDatabase({ engine: 'sqlite', path });
		for (let i = 0; i < 50; i++)
			await appendAudit(h.db, { actor: 'system', action: 'test', target: `t${i}` });
		const target = join(dir, 'copy.db');
		const run = spawnSync('npx', ['tsx', 'scripts/db-backup.ts', target], {
			env: { ...process.env, DATABASE_PATH: path, DATABASE_URL: '' },
			encoding: 'utf8'
		});
		await h.close();
		expect(run.status).toBe(0);
		expect(run.stdout).toContain(`Backed up ${path} to ${target}`);
		expect(existsSync(target)).toBe(true);
		const copy = await openDatabase({ engine: 'sqlite', path: target });
		expect(await verifyAuditChain(copy.db)).toEqual({ ok: true, rows: 50 });
		await copy.close();
	});
});
