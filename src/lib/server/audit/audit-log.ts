/**
 * The append-only, hash-chained audit log. Each row stores the previous row's hash and its own
 * hash over (prev_hash ‖ canonical row), so altering or removing any row breaks the chain from
 * that row on. `verifyAuditChain` is what `npm run audit:verify` runs.
 */
import { createHash } from 'node:crypto';
import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { AuditTable, Database } from '../db/schema';

/** An audit row as the chain hashes it: the school is the chain's, not the row's. */
export type AuditRow = Omit<AuditTable, 'school_id'>;

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
	/** Who did it: `staff:<id>`, `device:<id>`, `class:<id>`, `system` or `anonymous`. Never a pupil. */
	actor: string;
	action: string;
	target: string;
	detail?: Record<string, unknown>;
}

/** JSON with object keys sorted, so the same row always hashes the same way. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

export function rowHash(row: Omit<AuditTable, 'row_hash' | 'school_id'>): string {
	const body = canonicalJson({
		seq: row.seq,
		at: row.at,
		actor: row.actor,
		action: row.action,
		target: row.target,
		detail: row.detail
	});
	return createHash('sha256').update(row.prev_hash).update('\u2016').update(body).digest('hex');
}

async function lockChain(trx: Transaction<Database>): Promise<void> {
	// PostgreSQL: several app servers may append at once; serialise them on an advisory lock for
	// the chain written to (one chain per school: the first school the connection is set for, the
	// one new rows go to), so one school's audit never waits for another's.
	// SQLite: writes are already serialised by the database file's write lock.
	if (trx.getExecutor().adapter instanceof PostgresAdapter) {
		await sql`select pg_advisory_xact_lock(4242001, hashtext(split_part(current_setting('harbour.schools', true), ',', 1)))`.execute(
			trx
		);
	}
}

/** The chain's last row (its head), if any. */
export function lastAuditRow(db: Kysely<Database>) {
	return db
		.selectFrom('audit_log')
		.select(['seq', 'row_hash'])
		.orderBy('seq', 'desc')
		.limit(1)
		.executeTakeFirst();
}

/** Appends entries, in order, inside the caller's transaction (or a new one), chained to the last row. */
export async function appendAuditMany(
	db: Kysely<Database> | Transaction<Database>,
	entries: AuditEntry[],
	now = new Date()
): Promise<AuditRow[]> {
	if (entries.length === 0) return [];
	const write = async (trx: Transaction<Database>) => {
		await lockChain(trx);
		const last = await lastAuditRow(trx);
		let seq = last?.seq ?? 0;
		let prev = last?.row_hash ?? GENESIS_HASH;
		const rows = entries.map((entry) => {
			const row = {
				seq: ++seq,
				at: now.toISOString(),
				actor: entry.actor,
				action: entry.action,
				target: entry.target,
				detail: canonicalJson(entry.detail ?? {}),
				prev_hash: prev
			};
			prev = rowHash(row);
			return { ...row, row_hash: prev };
		});
		// Chunks keep each statement under SQLite's bound-parameter limit.
		for (let i = 0; i < rows.length; i += 500)
			await trx
				.insertInto('audit_log')
				.values(rows.slice(i, i + 500))
				.execute();
		return rows;
	};
	if (db.isTransaction) return write(db as Transaction<Database>);
	return db.transaction().execute(write);
}

/** Appends one entry inside the caller's transaction (or a new one), chained to the last row. */
export async function appendAudit(
	db: Kysely<Database> | Transaction<Database>,
	entry: AuditEntry,
	now = new Date()
): Promise<AuditRow> {
	const [row] = await appendAuditMany(db, [entry], now);
	return row!;
}

export type AuditVerdict =
	{ ok: true; rows: number } | { ok: false; rows: number; badSeq: number; reason: string };

/** Walks the chain in order; names the first row whose hash or link is wrong, or a gap. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerdict> {
	let prev = GENESIS_HASH;
	let expectedSeq = 1;
	let rows = 0;
	const page = 1000;
	for (;;) {
		const batch = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('seq', '>=', expectedSeq)
			.orderBy('seq')
			.limit(page)
			.execute();
		for (const row of batch) {
			const seq = Number(row.seq);
			if (seq !== expectedSeq) {
				return { ok: false, rows, badSeq: expectedSeq, reason: `row ${expectedSeq} is missing` };
			}
			if (row.prev_hash !== prev) {
				return { ok: false, rows, badSeq: seq, reason: `row ${seq} does not follow row ${seq - 1}` };
			}
			if (rowHash({ ...row, seq }) !== row.row_hash) {
				return { ok: false, rows, badSeq: seq, reason: `row ${seq} was altered` };
			}
			prev = row.row_hash;
			expectedSeq += 1;
			rows += 1;
		}
		if (batch.length < page) return { ok: true, rows };
	}
}
