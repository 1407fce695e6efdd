/**
 * What the server does with each kind of pupil event, beyond storing it. The payload has already
 * been checked against the event catalogue (src/lib/events/catalogue.ts); a handler applies it
 * inside the ingest transaction and may name an incident whose staff screens should hear about
 * it once the transaction has committed.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { DevicePrincipal } from '../auth/devices';
import { reportAttachment, reportCompleted, reportOpened } from '../incidents/from-reports';
import { searchLogged } from '../search-admin/search-logged';
import { REPORT_EVENT } from '../../report/report-events';
import { SEARCH_LOGGED, SITE_NEEDS_GROWN_UP } from '../../search/search-log-event';
import { CHARTER_PROMISED, type EventKind, type EventPayload } from '../../events/catalogue';
import { LESSON_EVENT } from '../../lessons/lesson-events';
import { lessonAnswer, lessonChoice, lessonFinished, lessonStarted, lessonStep } from '../lessons/progress';
import { gameFinished } from '../games/outcomes';
import { GAME_FINISHED } from '../../games/outcome';

/** Kinds that need nothing beyond the stored event itself. */
const storedOnly = { apply: async () => null };

export interface StoredEvent<P> {
	id: string;
	kind: string;
	clientTime: string;
	payload: P;
}

export type LiveChange = { type: 'incident.new' | 'incident.updated'; incidentId: string };

export interface EventHandler<K extends EventKind> {
	apply(
		trx: Transaction<Database>,
		device: DevicePrincipal,
		event: StoredEvent<EventPayload<K>>,
		now: Date
	): Promise<LiveChange | null>;
	/** Optional: the same for many events of this kind at once (a tablet catching up). */
	applyBatch?(
		trx: Transaction<Database>,
		device: DevicePrincipal,
		events: StoredEvent<EventPayload<K>>[],
		now: Date
	): Promise<LiveChange[]>;
}

/** Every kind in the catalogue has its handler (the type says so). */
export const EVENT_HANDLERS: { [K in EventKind]: EventHandler<K> } = {
	[REPORT_EVENT.opened]: reportOpened,
	[REPORT_EVENT.completed]: reportCompleted,
	[REPORT_EVENT.attachment]: reportAttachment,
	[SEARCH_LOGGED]: searchLogged,
	[SITE_NEEDS_GROWN_UP]: storedOnly,
	[CHARTER_PROMISED]: storedOnly,
	[LESSON_EVENT.started]: lessonStarted,
	[LESSON_EVENT.step]: lessonStep,
	[LESSON_EVENT.choice]: lessonChoice,
	[LESSON_EVENT.answer]: lessonAnswer,
	[LESSON_EVENT.finished]: lessonFinished,
	[GAME_FINISHED]: gameFinished
};

/** Handlers run in this order within one batch: the press before its answers and attachments. */
export const HANDLER_ORDER: EventKind[] = [
	REPORT_EVENT.opened,
	REPORT_EVENT.completed,
	REPORT_EVENT.attachment,
	SEARCH_LOGGED,
	SITE_NEEDS_GROWN_UP,
	CHARTER_PROMISED,
	LESSON_EVENT.started,
	LESSON_EVENT.step,
	LESSON_EVENT.choice,
	LESSON_EVENT.answer,
	LESSON_EVENT.finished,
	GAME_FINISHED
];
