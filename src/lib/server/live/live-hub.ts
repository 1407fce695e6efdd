/**
 * Fans live events out to every connected staff screen. On one server an in-process emitter is
 * enough; with PostgreSQL and several app servers each server LISTENs on one channel and every
 * publish goes through NOTIFY, so a report ingested on server A reaches a DSL connected to B.
 */
import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { AlertSummary } from '../../incidents/alert-summary';

export type LiveEvent = {
	type: 'incident.new' | 'incident.updated' | 'incident.urgent';
	incident: AlertSummary;
};
type Listener = (event: LiveEvent) => void;

const CHANNEL = 'harbour_live';

export class LiveHub {
	#local = new EventEmitter();
	#client: pg.Client | null = null;

	constructor() {
		this.#local.setMaxListeners(0);
	}

	/** With PostgreSQL: one listening connection, so every server hears every publish. */
	async bridgeToPostgres(url: string): Promise<void> {
		const client = new pg.Client({ connectionString: url });
		await client.connect();
		client.on('notification', (msg) => {
			if (msg.channel === CHANNEL && msg.payload)
				this.#local.emit('event', JSON.parse(msg.payload) as LiveEvent);
		});
		client.on('error', () => {
			// The pool keeps serving; live alerts resume when the server restarts. Logged, not fatal.
			console.error('Live alerts: the PostgreSQL listening connection failed.');
		});
		await client.query(`LISTEN ${CHANNEL}`);
		this.#client = client;
	}

	async publish(event: LiveEvent): Promise<void> {
		if (this.#client) {
			await this.#client.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]);
		} else {
			this.#local.emit('event', event);
		}
	}

	subscribe(listener: Listener): () => void {
		this.#local.on('event', listener);
		return () => this.#local.off('event', listener);
	}

	async close(): Promise<void> {
		await this.#client?.end();
	}
}
