/**
 * The typed catalogue of pupil event kinds: each kind declared once, with its payload schema,
 * version, largest size and sending priority. The tablet records events through it (so it can
 * only build events the server knows) and the server checks every event against it. Browser-safe.
 *
 * A kind's payload may only grow optional fields within a version; anything else is a new kind
 * or a new version, so an older tablet's events are still understood after an upgrade.
 */
import * as v from 'valibot';
import {
	MAX_ATTACHMENT_BYTES,
	REPORT_EVENT,
	ReportAttachmentSchema,
	ReportCompletedSchema,
	ReportOpenedSchema
} from '../report/report-events';
import {
	SEARCH_LOGGED,
	SearchLoggedSchema,
	SITE_NEEDS_GROWN_UP,
	SiteNeedsGrownUpSchema
} from '../search/search-log-event';
import {
	LESSON_EVENT,
	LessonAnswerPayload,
	LessonChoicePayload,
	LessonFinishedPayload,
	LessonStartedPayload,
	LessonStepPayload
} from '../lessons/lesson-events';
import { GAME_FINISHED, GameFinishedSchema } from '../games/outcome';

/** The class promised the charter together (a class-level moment, never a pupil). */
export const CHARTER_PROMISED = 'charter.promised';
export const CharterPromisedSchema = v.object({ charter: v.pipe(v.string(), v.maxLength(120)) });

export interface EventKindSpec<S extends v.GenericSchema = v.GenericSchema> {
	version: number;
	schema: S;
	/** Largest payload accepted, in bytes of JSON. */
	maxBytes: number;
	/** Lower goes first: reports before everything else. */
	priority: number;
}

const kind = <S extends v.GenericSchema>(spec: EventKindSpec<S>) => spec;

export const EVENT_CATALOGUE = {
	[REPORT_EVENT.opened]: kind({ version: 1, schema: ReportOpenedSchema, maxBytes: 16 * 1024, priority: 0 }),
	[REPORT_EVENT.completed]: kind({
		version: 1,
		schema: ReportCompletedSchema,
		maxBytes: 4 * 1024,
		priority: 0
	}),
	[REPORT_EVENT.attachment]: kind({
		version: 1,
		schema: ReportAttachmentSchema,
		maxBytes: Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 1024,
		priority: 1
	}),
	[SEARCH_LOGGED]: kind({ version: 1, schema: SearchLoggedSchema, maxBytes: 2 * 1024, priority: 5 }),
	[SITE_NEEDS_GROWN_UP]: kind({ version: 1, schema: SiteNeedsGrownUpSchema, maxBytes: 1024, priority: 4 }),
	[CHARTER_PROMISED]: kind({ version: 1, schema: CharterPromisedSchema, maxBytes: 1024, priority: 4 }),
	// Lesson progress, at class level (never a pupil).
	[LESSON_EVENT.started]: kind({ version: 1, schema: LessonStartedPayload, maxBytes: 2048, priority: 3 }),
	[LESSON_EVENT.step]: kind({ version: 1, schema: LessonStepPayload, maxBytes: 2048, priority: 3 }),
	[LESSON_EVENT.choice]: kind({ version: 1, schema: LessonChoicePayload, maxBytes: 2048, priority: 3 }),
	[LESSON_EVENT.answer]: kind({ version: 1, schema: LessonAnswerPayload, maxBytes: 2048, priority: 3 }),
	[LESSON_EVENT.finished]: kind({ version: 1, schema: LessonFinishedPayload, maxBytes: 2048, priority: 3 }),
	// A game played to its end, at class level.
	[GAME_FINISHED]: kind({ version: 1, schema: GameFinishedSchema, maxBytes: 1024, priority: 3 })
} as const;

export type EventKind = keyof typeof EVENT_CATALOGUE;
export type EventPayload<K extends EventKind> = v.InferOutput<(typeof EVENT_CATALOGUE)[K]['schema']>;

/** Own keys only: `constructor` or `__proto__` is an unknown kind, not a property of Object. */
export function isEventKind(kind: string): kind is EventKind {
	return Object.hasOwn(EVENT_CATALOGUE, kind);
}

export function isReportKind(kind: string): boolean {
	return isEventKind(kind) && EVENT_CATALOGUE[kind].priority === 0;
}

export function priorityOf(kind: string): number {
	return isEventKind(kind) ? EVENT_CATALOGUE[kind].priority : 99;
}

export type EventCheck<K extends EventKind = EventKind> =
	{ ok: true; kind: K; payload: EventPayload<K> } | { ok: false; reason: string; tooLarge?: boolean };

/** Checks one event's kind, size and payload: the reason says what was wrong. */
export function checkEvent(kindName: string, payload: unknown): EventCheck {
	if (!isEventKind(kindName)) return { ok: false, reason: `Unknown event kind “${kindName.slice(0, 40)}”.` };
	const spec = EVENT_CATALOGUE[kindName];
	const bytes = JSON.stringify(payload)?.length ?? 0;
	if (bytes > spec.maxBytes)
		return { ok: false, tooLarge: true, reason: `Larger than ${Math.round(spec.maxBytes / 1024)} KB.` };
	const parsed = v.safeParse(spec.schema, payload, { abortEarly: true });
	if (!parsed.success) {
		const where = v.getDotPath(parsed.issues[0]);
		return { ok: false, reason: `payload${where ? `.${where}` : ''}: ${parsed.issues[0].message}` };
	}
	return { ok: true, kind: kindName, payload: parsed.output as EventPayload<EventKind> };
}
