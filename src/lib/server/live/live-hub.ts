/**
 * Fans live events out by topic: `staff:<school>` (incident alerts for one school's staff
 * screens) and `class:<id>` (commands for one class's tablets: launch, move, pause, end). A
 * listener runs in its subscriber's context (its school), never in the publisher's. On one server an in-process
 * emitter is enough; with PostgreSQL and several app servers each server LISTENs on one channel
 * and every publish goes through NOTIFY with its topic, so a report ingested on server A reaches a
 * DSL connected to B, and a launch made on A reaches tablets connected to B.
 *
 * The listening connection is kept alive: when it drops (a restart of PostgreSQL, a network
 * fault, an administrator ending it) it reconnects with backoff, says so in the log, and tells
 * local subscribers to re-read what they may have missed. Publishing uses a pooled connection,
 * so it keeps working while the listener is away.
 */
import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { AlertSummary } from '../../incidents/alert-summary';
import { log } from '../logger';
import { bindToSchools, currentSchool } from '../tenancy/context';

export type LiveEvent = {
	type: 'incident.new' | 'incident.updated' | 'incident.urgent';
	incident: AlertSummary;
	/** Not sent to this member of staff (who raised it and has it on screen already). */
	exceptStaffId?: string;
};
type Listener = (event: LiveEvent) => void;

/** Who hears an event: staff screens, or the tablets of one class. */
export type LiveTopic = `staff:${string}` | `class:${string}`;
/** What travels through NOTIFY: the topic and its event. */
interface Envelope {
	topic: LiveTopic;
	event: unknown;
}

export const classTopic = (classId: string): LiveTopic => `class:${classId}`;
/** The staff screens of the school the current work is for. */
const staffTopic = (): LiveTopic => `staff:${currentSchool()}`;
/** Every school's staff events, for the server's own alert duty. */
const ANY_STAFF = 'staff:*';

const CHANNEL = 'harbour_live';
const MAX_BACKOFF_MS = 30_000;

export class LiveHub {
	#local = new EventEmitter();
	#listener: pg.Client | null = null;
	#publisher: pg.Pool | null = null;
	#url = '';
	#closed = false;
	#failures = 0;
	#retry: ReturnType<typeof setTimeout> | null = null;
	/** How many times the listener has (re)connected: for tests and the health check. */
	connections = 0;

	constructor() {
		this.#local.setMaxListeners(0);
	}

	/** With PostgreSQL: one listening connection, so every server hears every publish. */
	async bridgeToPostgres(url: string): Promise<void> {
		this.#url = url;
		this.#publisher = new pg.Pool({ connectionString: url, max: 2 });
		this.#publisher.on('error', () => log.error('Live alerts: a publishing connection failed.'));
		await this.#listen();
	}

	get listening(): boolean {
		return this.#listener !== null;
	}

	async #listen(): Promise<void> {
		const client = new pg.Client({ connectionString: this.#url });
		let lost = false;
		const onLost = () => {
			if (lost) return;
			lost = true;
			if (this.#listener === client) this.#listener = null;
			client.removeAllListeners('notification');
			void client.end().catch(() => {});
			if (!this.#closed) this.#scheduleReconnect();
		};
		client.on('error', () => {
			log.error('Live alerts: the PostgreSQL listening connection failed; reconnecting.');
			onLost();
		});
		client.on('end', onLost);
		client.on('notification', (msg) => {
			if (msg.channel !== CHANNEL || !msg.payload) return;
			try {
				const parsed = JSON.parse(msg.payload) as Partial<Envelope>;
				if (typeof parsed.topic === 'string' && 'event' in parsed) this.#deliver(parsed.topic, parsed.event);
			} catch {
				// A notification that is not ours: ignored.
			}
		});
		await client.connect();
		await client.query(`LISTEN ${CHANNEL}`);
		this.#listener = client;
		this.#failures = 0;
		if (this.connections++ > 0) {
			log.warn('Live alerts: listening again after the connection dropped.');
			this.#local.emit('resync');
		}
	}

	#scheduleReconnect(): void {
		if (this.#retry) return;
		const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** this.#failures++);
		this.#retry = setTimeout(() => {
			this.#retry = null;
			this.#listen().catch(() => this.#scheduleReconnect());
		}, delay);
		this.#retry.unref?.();
	}

	/** An incident alert for the current school's staff screens. */
	async publish(event: LiveEvent): Promise<void> {
		await this.publishTo(staffTopic(), event);
	}

	/** Any topic's event, through the same path: NOTIFY with PostgreSQL, the emitter otherwise. */
	async publishTo(topic: LiveTopic, event: object): Promise<void> {
		if (this.#publisher) {
			const envelope: Envelope = { topic, event };
			await this.#publisher.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(envelope)]);
		} else {
			this.#deliver(topic, event);
		}
	}

	#deliver(topic: string, event: unknown): void {
		this.#local.emit(topic, event);
		if (topic.startsWith('staff:')) this.#local.emit(ANY_STAFF, event);
	}

	/** Incident alerts for the current school's staff screens. */
	subscribe(listener: Listener): () => void {
		return this.subscribeTo(staffTopic(), listener);
	}

	/** Every school's incident alerts (the server's alert duty, which then works school by school). */
	subscribeAnySchool(listener: Listener): () => void {
		return this.subscribeTo(ANY_STAFF as LiveTopic, listener);
	}

	/**
	 * One topic's events; the caller knows their shape (the feature that publishes them). The
	 * listener runs for the subscriber's schools, whoever published.
	 */
	subscribeTo<T>(topic: LiveTopic, listener: (event: T) => void): () => void {
		const l = bindToSchools(listener as (event: unknown) => void);
		this.#local.on(topic, l);
		return () => this.#local.off(topic, l);
	}

	/** Called after the listener reconnects: anything sent meanwhile may have been missed. */
	onResync(listener: () => void): () => void {
		const l = bindToSchools(listener);
		this.#local.on('resync', l);
		return () => this.#local.off('resync', l);
	}

	async close(): Promise<void> {
		this.#closed = true;
		if (this.#retry) clearTimeout(this.#retry);
		await this.#listener?.end().catch(() => {});
		await this.#publisher?.end().catch(() => {});
	}
}
