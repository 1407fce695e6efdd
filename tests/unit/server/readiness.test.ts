import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { app, startApp, stopApp } from '../../../src/lib/server/app';
import { beginDraining, resetLifecycle } from '../../../src/lib/server/ops/lifecycle';
import { GET } from '../../../src/routes/api/ready/+server';

/** Asks /api/ready as a load balancer does. */
async function ready(): Promise<{ status: number; body: { ready: boolean; reason?: string } }> {
	const res = (await (GET as unknown as () => Promise<Response>)()) as Response;
	return { status: res.status, body: (await res.json()) as { ready: boolean; reason?: string } };
}

afterEach(async () => {
	await stopApp();
	resetLifecycle();
});

describe('/api/ready', () => {
	it('on SQLite: ready once started, not ready while shutting down or once stopped', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'harbour-ready-'));
		await startApp({ DATABASE_PATH: join(dir, 'h.db'), HARBOUR_DEMO: '0' });
		expect(await ready()).toEqual({ status: 200, body: { ready: true } });
		beginDraining();
		expect(await ready()).toEqual({ status: 503, body: { ready: false, reason: 'shutting down' } });
		resetLifecycle();
		await stopApp();
		expect(await ready()).toEqual({ status: 503, body: { ready: false, reason: 'starting' } });
	});

	it('on PostgreSQL: not ready when the live channel is not listening; stopping closes every connection', async () => {
		const url = inject('postgresUrl');
		const dir = mkdtempSync(join(tmpdir(), 'harbour-ready-pg-'));
		const name = `harbour-ready-${process.pid}`;
		const withName = `${url}${url.includes('?') ? '&' : '?'}application_name=${name}`;
		await startApp({
			DATABASE_URL: withName,
			HARBOUR_DEMO: '0',
			AUDIT_ANCHOR_PATH: join(dir, 'anchors.jsonl')
		});
		expect(await ready()).toEqual({ status: 200, body: { ready: true } });
		const probe = new pg.Client({ connectionString: url });
		await probe.connect();
		const mine = async () =>
			Number(
				(await probe.query('select count(*) as n from pg_stat_activity where application_name = $1', [name]))
					.rows[0].n
			);
		expect(await mine()).toBeGreaterThan(0);
		await app().live.close();
		expect(await ready()).toEqual({
			status: 503,
			body: { ready: false, reason: 'live channel disconnected' }
		});
		await stopApp();
		// The LISTEN client and both pools are gone: nothing keeps the process alive.
		await expect.poll(mine, { timeout: 10_000 }).toBe(0);
		await probe.end();
	});
});
