/**
 * Anchors for the audit chain, kept outside the database. The chain alone proves that no row
 * was altered or removed from the middle; it cannot notice the last rows (or all of them)
 * deleted. So the head of the chain — how many rows, and the last row's hash — is written to an
 * append-only anchor file beside the database at every start, every day and with every backup,
 * and shown on the admin screen for an admin to note. Verifying checks the chain against every
 * anchor: an anchored row that is gone, or has another hash, is a deleted tail.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { DatabaseTarget } from '../db/connect';
import { GENESIS_HASH, lastAuditRow } from './audit-log';
import { FIRST_SCHOOL_ID } from '../tenancy/context';

export interface AuditHead {
	rows: number;
	/** The last row's hash (the chain's genesis hash when empty). */
	hash: string;
	at: string;
}

/** Where anchors are kept: AUDIT_ANCHOR_PATH, or beside the SQLite file, or ./data. */
export function anchorPath(
	database: DatabaseTarget,
	env: Record<string, string | undefined> = process.env
): string {
	if (env.AUDIT_ANCHOR_PATH) return env.AUDIT_ANCHOR_PATH;
	const dir = database.engine === 'sqlite' && database.path !== ':memory:' ? dirname(database.path) : 'data';
	return join(dir, 'audit-anchors.jsonl');
}

/**
 * Each school has its own chain, so its own anchors: the first school keeps the configured file
 * (a one-school deployment's anchors never move); another school's sit beside it, named for it.
 */
export function schoolAnchorPath(file: string, schoolId: string): string {
	if (schoolId === FIRST_SCHOOL_ID) return file;
	return file.replace(/(\.jsonl)?$/, `.${schoolId}$1`);
}

export async function auditHead(db: Kysely<Database>, now = new Date()): Promise<AuditHead> {
	const last = await lastAuditRow(db);
	return { rows: Number(last?.seq ?? 0), hash: last?.row_hash ?? GENESIS_HASH, at: now.toISOString() };
}

/** Appends the current head to the anchor file (one JSON line), unless it is already the last one. */
export async function writeAnchor(db: Kysely<Database>, file: string, now = new Date()): Promise<AuditHead> {
	const head = await auditHead(db, now);
	const last = readAnchors(file).at(-1);
	if (!last || last.rows !== head.rows || last.hash !== head.hash) {
		mkdirSync(dirname(file), { recursive: true });
		appendFileSync(file, JSON.stringify(head) + '\n', { mode: 0o600 });
	}
	return head;
}

export function readAnchors(file: string): AuditHead[] {
	if (!existsSync(file)) return [];
	return readFileSync(file, 'utf8')
		.split('\n')
		.filter((line) => line.trim())
		.flatMap((line) => {
			try {
				const a = JSON.parse(line) as AuditHead;
				return typeof a.rows === 'number' && typeof a.hash === 'string' ? [a] : [];
			} catch {
				return [];
			}
		});
}

export type AnchorVerdict = { ok: true; checked: number } | { ok: false; reason: string };

/** Every anchored row must still be there with the anchored hash. */
export async function verifyAnchors(db: Kysely<Database>, anchors: AuditHead[]): Promise<AnchorVerdict> {
	const head = await auditHead(db);
	for (const a of anchors) {
		if (a.rows === 0) continue;
		if (head.rows < a.rows) {
			return {
				ok: false,
				reason: `the log has ${head.rows} rows but had ${a.rows} on ${a.at}: rows after ${head.rows} were deleted`
			};
		}
		const row = await db
			.selectFrom('audit_log')
			.select('row_hash')
			.where('seq', '=', a.rows)
			.executeTakeFirst();
		if (!row || row.row_hash !== a.hash) {
			return { ok: false, reason: `row ${a.rows} is not the row anchored on ${a.at}: the log was rewritten` };
		}
	}
	return { ok: true, checked: anchors.length };
}
