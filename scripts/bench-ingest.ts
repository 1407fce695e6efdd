// Server ingest of reports on the embedded database, next to raw better-sqlite3 inserts with the
// same durability settings (WAL, synchronous=FULL), measured in the same run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, openSqliteFile } from '../src/lib/server/db/connect';
import { createClass } from '../src/lib/server/school/classes';
import { enrolDevice } from '../src/lib/server/auth/devices';
import { ingestEvents } from '../src/lib/server/events/ingest';

const BATCH = 100;

function reportEvent() {
	return {
		id: crypto.randomUUID(),
		kind: 'report.opened',
		clientTime: new Date().toISOString(),
		payload: {
			reportId: crypto.randomUUID(),
			practice: false,
			source: 'button',
			context: { screen: '/class' }
		}
	};
}

export async function measureIngest(
	total = 3000
): Promise<{ ingestPerSecond: number; rawPerSecond: number }> {
	const dir = mkdtempSync(join(tmpdir(), 'harbour-bench-'));
	const h = await openDatabase({ engine: 'sqlite', path: join(dir, 'harbour.db') });
	const cls = await createClass(h.db, { name: 'Bench', yearGroup: 'Year 1', picture: 'owl' });
	const { device } = await enrolDevice(h.db, cls.id, 'bench');
	const batches = Array.from({ length: total / BATCH }, () => ({
		events: Array.from({ length: BATCH }, reportEvent)
	}));
	let t = performance.now();
	for (const batch of batches) await ingestEvents(h.db, device, batch);
	const ingestPerSecond = total / ((performance.now() - t) / 1000);
	await h.close();

	const raw = openSqliteFile(join(dir, 'raw.db'));
	raw.exec(
		'create table events (id text primary key, kind text, class_id text, device_id text, client_time text, server_time text, payload text)'
	);
	const insert = raw.prepare('insert into events values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing');
	const write = raw.transaction((rows: ReturnType<typeof reportEvent>[]) => {
		for (const e of rows)
			insert.run(e.id, e.kind, 'c', 'd', e.clientTime, new Date().toISOString(), JSON.stringify(e.payload));
	});
	const rawBatches = Array.from({ length: total / BATCH }, () => Array.from({ length: BATCH }, reportEvent));
	t = performance.now();
	for (const rows of rawBatches) write(rows);
	const rawPerSecond = total / ((performance.now() - t) / 1000);
	raw.close();
	return { ingestPerSecond, rawPerSecond };
}
