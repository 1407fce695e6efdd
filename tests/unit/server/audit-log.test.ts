import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { appendAudit, verifyAuditChain } from '../../../src/lib/server/audit/audit-log';
import type { DatabaseHandle } from '../../../src/lib/server/db/connect';
import { ENGINES, freshDatabase } from '../helpers/databases';

describe.each(ENGINES)('audit log on %s', (engine) => {
	let h: DatabaseHandle;
	beforeEach(async () => {
		h = await freshDatabase(engine);
	});
	afterEach(async () => {
		await h.close();
	});

	async function appendMany(n: number) {
		for (let i = 0; i < n; i++) {
			await appendAudit(h.db, { actor: 'staff:a', action: 'sign-in', target: `staff:${i}`, detail: { i } });
		}
	}

	it('chains rows so an untouched log verifies', async () => {
		await appendMany(5);
		expect(await verifyAuditChain(h.db)).toEqual({ ok: true, rows: 5 });
	});

	it('names the first altered row', async () => {
		await appendMany(5);
		await sql`update audit_log set actor = 'staff:someone-else' where seq = 3`.execute(h.db);
		expect(await verifyAuditChain(h.db)).toMatchObject({ ok: false, badSeq: 3, reason: 'row 3 was altered' });
	});

	it('names a removed row', async () => {
		await appendMany(5);
		await sql`delete from audit_log where seq = 2`.execute(h.db);
		expect(await verifyAuditChain(h.db)).toMatchObject({ ok: false, badSeq: 2, reason: 'row 2 is missing' });
	});

	it('detects a row rewritten with a recomputed hash but a broken link', async () => {
		await appendMany(3);
		await sql`update audit_log set prev_hash = ${'f'.repeat(64)} where seq = 2`.execute(h.db);
		expect(await verifyAuditChain(h.db)).toMatchObject({ ok: false, badSeq: 2 });
	});

	it('keeps one unbroken chain when many entries are appended at once', async () => {
		await Promise.all(
			Array.from({ length: 25 }, (_, i) =>
				appendAudit(h.db, { actor: 'system', action: 'x', target: `t${i}` })
			)
		);
		expect(await verifyAuditChain(h.db)).toEqual({ ok: true, rows: 25 });
	});
});
