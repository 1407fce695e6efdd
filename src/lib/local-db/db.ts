/**
 * The tablet's own database (IndexedDB through Dexie). Strict durability: a write has reached
 * disk before its promise resolves, so "saved" on the tablet means saved. Runs in pages and in
 * the service worker alike.
 */
import { Dexie, type EntityTable } from 'dexie';

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

export interface MetaRow {
	key: string;
	value: unknown;
}

export class HarbourLocalDb extends Dexie {
	outbox!: EntityTable<OutboxRow, 'id'>;
	meta!: EntityTable<MetaRow, 'key'>;

	constructor(name = 'harbour') {
		super(name, { chromeTransactionDurability: 'strict' });
		this.version(1).stores({
			outbox: 'id, nextAttemptAt',
			meta: 'key'
		});
	}
}

let shared: HarbourLocalDb | null = null;

export function localDb(): HarbourLocalDb {
	shared ??= new HarbourLocalDb();
	return shared;
}
