// Server ingest of reports on the embedded database, next to raw better-sqlite3 inserts with the
// same durability settings (WAL, synchronous=FULL), measured in the same run.
//
// Two raw baselines, each on a fresh database:
// - "same rows": a hand-written better-sqlite3 program storing exactly what a report must leave
//   behind (the event, its incident, the first chronology entry and the hash-chained audit row)
//   with prepared statements, one transaction per batch, in Harbour's real schema. This is the
//   goal's baseline: the ratio shows what Harbour's server path (validation, Kysely, handlers)
//   costs on top of the storage itself.
// - "one row": one insert per report into a bare table with only a primary key. Shown for
//   context; it stores a quarter of the data and maintains none of the indexes staff screens need.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type SQLite from 'better-sqlite3';
import { openDatabase, openSqliteFile } from '../src/lib/server/db/connect';
import { createClass } from '../src/lib/server/school/classes';
import { enrolDevice } from '../src/lib/server/auth/devices';
import { ingestEvents } from '../src/lib/server/events/ingest';
import { canonicalJson, GENESIS_HASH, rowHash } from '../src/lib/server/audit/audit-log';

const BATCH = 100;
const ROUNDS = 3;

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
type ReportEvent = ReturnType<typeof reportEvent>;

const batchesOf = (total: number) =>
	Array.from({ length: total / BATCH }, () => Array.from({ length: BATCH }, reportEvent));

/** A migrated database with one class and one tablet, as the server would have. */
async function freshSchool(dir: string, name: string) {
	const path = join(dir, name);
	const h = await openDatabase({ engine: 'sqlite', path });
	const cls = await createClass(h.db, { name: 'Bench', yearGroup: 'Year 1', picture: 'owl' });
	const { device } = await enrolDevice(h.db, cls.id, 'bench');
	return { h, path, classId: cls.id, device };
}

async function timeIngest(dir: string, total: number): Promise<number> {
	const { h, device } = await freshSchool(dir, `ingest-${crypto.randomUUID()}.db`);
	const batches = batchesOf(total);
	const t = performance.now();
	for (const events of batches) await ingestEvents(h.db, device, { events });
	const rate = total / ((performance.now() - t) / 1000);
	await h.close();
	return rate;
}

/** The same rows ingest leaves for a new report, written by hand with prepared statements. */
async function timeRawSameRows(dir: string, total: number): Promise<number> {
	const school = await freshSchool(dir, `raw-${crypto.randomUUID()}.db`);
	await school.h.close();
	const file = openSqliteFile(school.path);
	const { classId, device } = school;
	const event = file.prepare(
		`insert into pupil_events (id, kind, class_id, device_id, client_time, server_time, payload)
		 values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing`
	);
	const incident = file.prepare(
		`insert into incidents (id, class_id, source, report_id, device_id, status, urgent, opened_at,
		 client_time, context, categories, updated_at) values (?, ?, ?, ?, ?, 'new', 0, ?, ?, ?, '[]', ?)`
	);
	const entry = file.prepare(
		`insert into incident_entries (id, incident_id, at, author, kind, text, detail)
		 values (?, ?, ?, 'tablet', 'report', ?, ?)`
	);
	const audit = file.prepare(
		`insert into audit_log (seq, at, actor, action, target, detail, prev_hash, row_hash)
		 values (?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const last = file.prepare('select seq, row_hash from audit_log order by seq desc limit 1');
	const write = file.transaction((events: ReportEvent[]) => {
		const at = new Date().toISOString();
		const tail = last.get() as { seq: number; row_hash: string } | undefined;
		let seq = tail?.seq ?? 0;
		let prev = tail?.row_hash ?? GENESIS_HASH;
		for (const e of events) {
			const id = crypto.randomUUID();
			event.run(e.id, e.kind, classId, device.id, e.clientTime, at, JSON.stringify(e.payload));
			incident.run(
				id,
				classId,
				'button',
				e.payload.reportId,
				device.id,
				at,
				e.clientTime,
				JSON.stringify(e.payload.context),
				at
			);
			entry.run(
				crypto.randomUUID(),
				id,
				at,
				`Pressed on ${e.payload.context.screen}.`,
				JSON.stringify({ clientTime: e.clientTime })
			);
			const row = {
				seq: ++seq,
				at,
				actor: `device:${device.id}`,
				action: 'incident.opened',
				target: `incident:${id}`,
				detail: canonicalJson({ classId }),
				prev_hash: prev
			};
			prev = rowHash(row);
			audit.run(row.seq, row.at, row.actor, row.action, row.target, row.detail, row.prev_hash, prev);
		}
	});
	return timeRaw(file, total, write);
}

/** One row per report into a bare table: the least any server could do. */
function timeRawOneRow(dir: string, total: number): number {
	const file = openSqliteFile(join(dir, `one-row-${crypto.randomUUID()}.db`));
	file.exec(
		'create table events (id text primary key, kind text, class_id text, device_id text, client_time text, server_time text, payload text)'
	);
	const insert = file.prepare('insert into events values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing');
	const write = file.transaction((events: ReportEvent[]) => {
		const at = new Date().toISOString();
		for (const e of events) insert.run(e.id, e.kind, 'c', 'd', e.clientTime, at, JSON.stringify(e.payload));
	});
	return timeRaw(file, total, write);
}

function timeRaw(file: SQLite.Database, total: number, write: (events: ReportEvent[]) => void): number {
	const batches = batchesOf(total);
	const t = performance.now();
	for (const events of batches) write(events);
	const rate = total / ((performance.now() - t) / 1000);
	file.close();
	return rate;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface IngestRates {
	ingestPerSecond: number;
	rawSameRowsPerSecond: number;
	rawOneRowPerSecond: number;
}

/** Rounds alternate between the three, so a slow moment of the disk hits them alike; medians. */
export async function measureIngest(total = 3000): Promise<IngestRates> {
	const dir = mkdtempSync(join(tmpdir(), 'harbour-bench-'));
	const ingest: number[] = [];
	const same: number[] = [];
	const one: number[] = [];
	try {
		for (let round = 0; round < ROUNDS; round++) {
			ingest.push(await timeIngest(dir, total));
			same.push(await timeRawSameRows(dir, total));
			one.push(timeRawOneRow(dir, total));
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	return {
		ingestPerSecond: median(ingest),
		rawSameRowsPerSecond: median(same),
		rawOneRowPerSecond: median(one)
	};
}
