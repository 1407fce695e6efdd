/**
 * The tablet's own database (IndexedDB through Dexie). Strict durability: a write has reached
 * disk before its promise resolves, so "saved" on the tablet means saved. Runs in pages and in
 * the service worker alike.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { ListChange } from '$lib/search/list-changes';

export interface OutboxRow {
	/** Client-generated UUID; the server's unique key for this event. */
	id: string;
	kind: string;
	payload: Record<string, unknown>;
	clientTime: string;
	attempts: number;
	/** Epoch ms before which this row is not retried (backoff). */
	nextAttemptAt: number;
}

/** An event the server refused, kept (never resent with reports) for grown-ups to see. */
export interface SetAsideRow extends OutboxRow {
	reason: string;
	setAsideAt: number;
}

export interface MetaRow {
	key: string;
	value: unknown;
}

/** A safe-search list change approved after the build (src/lib/search/list-changes.ts). */
export interface SearchListChangeRow {
	seq?: number;
	version: number;
	change: ListChange;
}

export class HarbourLocalDb extends Dexie {
	outbox!: EntityTable<OutboxRow, 'id'>;
	meta!: EntityTable<MetaRow, 'key'>;
	searchListChanges!: EntityTable<SearchListChangeRow, 'seq'>;
	setAside!: EntityTable<SetAsideRow, 'id'>;

	constructor(name = 'harbour') {
		super(name, { chromeTransactionDurability: 'strict' });
		this.version(1).stores({
			outbox: 'id, nextAttemptAt',
			meta: 'key'
		});
		this.version(2).stores({
			searchListChanges: '++seq, version'
		});
		// Reports are sent first (by kind); refused events wait in their own table.
		this.version(3).stores({
			outbox: 'id, nextAttemptAt, kind',
			setAside: 'id, setAsideAt'
		});
	}
}

let shared: HarbourLocalDb | null = null;

export function localDb(): HarbourLocalDb {
	shared ??= new HarbourLocalDb();
	return shared;
}
