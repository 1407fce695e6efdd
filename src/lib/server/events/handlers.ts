/**
 * What the server does with each kind of pupil event, beyond storing it. A handler validates its
 * payload (before anything is stored) and applies it inside the ingest transaction; it may name
 * an incident whose staff screens should hear about it once the transaction has committed.
 */
import type * as v from 'valibot';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { DevicePrincipal } from '../auth/devices';
import { reportAttachment, reportCompleted, reportOpened } from '../incidents/from-reports';
import { REPORT_EVENT } from '../../report/report-events';
import { gameFinished } from '../games/outcomes';

export interface StoredEvent<P> {
	id: string;
	kind: string;
	clientTime: string;
	payload: P;
}

export type LiveChange = { type: 'incident.new' | 'incident.updated'; incidentId: string };

export interface EventHandler<S extends v.GenericSchema> {
	schema: S;
	/** Largest payload accepted for this kind, in bytes of JSON (default 64 KB). */
	maxBytes?: number;
	apply(
		trx: Transaction<Database>,
		device: DevicePrincipal,
		event: StoredEvent<v.InferOutput<S>>,
		now: Date
	): Promise<LiveChange | null>;
	/** Optional: the same for many events of this kind at once (a tablet catching up). */
	applyBatch?(
		trx: Transaction<Database>,
		device: DevicePrincipal,
		events: StoredEvent<v.InferOutput<S>>[],
		now: Date
	): Promise<LiveChange[]>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry of handlers with different payloads
export const EVENT_HANDLERS: Record<string, EventHandler<any>> = {
	[REPORT_EVENT.opened]: reportOpened,
	[REPORT_EVENT.completed]: reportCompleted,
	[REPORT_EVENT.attachment]: reportAttachment,
	'game.finished': gameFinished
};

/** Handlers run in this order within one batch: the press before its answers and attachments. */
export const HANDLER_ORDER = [REPORT_EVENT.opened, REPORT_EVENT.completed, REPORT_EVENT.attachment];
