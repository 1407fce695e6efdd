import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { LiveHub, type LiveEvent } from '../../../src/lib/server/live/live-hub';

const alert = (id: string): LiveEvent => ({
	type: 'incident.new',
	incident: { id } as LiveEvent['incident']
});

async function until(check: () => boolean, ms = 15_000): Promise<void> {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error('timed out waiting');
		await new Promise((r) => setTimeout(r, 50));
	}
}

describe('live alerts across servers (PostgreSQL LISTEN/NOTIFY)', () => {
	const hubs: LiveHub[] = [];
	afterEach(async () => {
		await Promise.all(hubs.splice(0).map((h) => h.close()));
	});

	it('keeps delivering after the listening connection is killed: it reconnects and asks pages to re-read', async () => {
		const url = inject('postgresUrl');
		const a = new LiveHub();
		const b = new LiveHub();
		hubs.push(a, b);
		await a.bridgeToPostgres(url);
		await b.bridgeToPostgres(url);
		const heard: string[] = [];
		let resyncs = 0;
		b.subscribe((e) => heard.push(e.incident.id));
		b.onResync(() => resyncs++);

		await a.publish(alert('before'));
		await until(() => heard.includes('before'));

		// An administrator (or a failover) ends every LISTEN connection to this database (only this
		// one: other test runs on the same PostgreSQL are left alone).
		const admin = new pg.Client({ connectionString: url });
		await admin.connect();
		await admin.query(
			`select pg_terminate_backend(pid) from pg_stat_activity where query like 'LISTEN harbour_live%' and datname = current_database() and pid <> pg_backend_pid()`
		);
		await admin.end();

		await until(() => resyncs > 0 && b.listening);
		// Sent by another server while (or just after) the listener was away: still heard.
		await a.publish(alert('after'));
		await until(() => heard.includes('after'));
		expect(b.connections).toBeGreaterThanOrEqual(2);
	});
});
