/**
 * The "Tell a grown-up" events a tablet sends through its outbox, shared by the tablet (which
 * builds them) and the server (which validates them). Browser-safe.
 *
 * - `report.opened` is written the moment the button is pressed, before anything else: the press
 *   alone reaches the teacher and the DSL, even if the child answers nothing more.
 * - `report.completed` adds the child's answers to the same report (same `reportId`).
 * - `report.attachment` carries an optional voice message or drawing.
 */
import * as v from 'valibot';

export const FEELINGS = ['sad', 'scared', 'worried', 'cross', 'okay'] as const;
export type Feeling = (typeof FEELINGS)[number];

export const WHAT_HAPPENED = ['saw-something', 'someone-unkind', 'asked-secrets', 'something-else'] as const;
export type WhatHappened = (typeof WHAT_HAPPENED)[number];

const short = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** What was on the screen when the button was pressed. Never a pupil's name. */
export const ReportContextSchema = v.object({
	screen: short(200),
	lesson: v.optional(v.object({ id: short(80), title: short(120), step: v.optional(v.number()) })),
	game: v.optional(short(80)),
	searchQuery: v.optional(short(200)),
	url: v.optional(short(500))
});
export type ReportContext = v.InferOutput<typeof ReportContextSchema>;

export const ReportOpenedSchema = v.object({
	reportId: v.pipe(v.string(), v.uuid()),
	/** Practice presses from lessons: counted for the class, never an incident. */
	practice: v.boolean(),
	/** The button, or safe search noticing a worrying query (then category says which). */
	source: v.picklist(['button', 'search']),
	category: v.optional(short(60)),
	context: ReportContextSchema
});
export type ReportOpened = v.InferOutput<typeof ReportOpenedSchema>;

export const ReportCompletedSchema = v.object({
	reportId: v.pipe(v.string(), v.uuid()),
	/** Repeated here: the outbox may deliver the answers before the press itself. */
	practice: v.boolean(),
	feeling: v.optional(v.picklist(FEELINGS)),
	what: v.optional(v.picklist(WHAT_HAPPENED))
});
export type ReportCompleted = v.InferOutput<typeof ReportCompletedSchema>;

export const MAX_ATTACHMENT_BYTES = 900 * 1024;

export const ReportAttachmentSchema = v.object({
	reportId: v.pipe(v.string(), v.uuid()),
	kind: v.picklist(['voice', 'drawing']),
	mime: v.picklist(['audio/webm', 'audio/ogg', 'audio/mp4', 'image/png']),
	dataBase64: v.pipe(v.string(), v.maxLength(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4))
});
export type ReportAttachment = v.InferOutput<typeof ReportAttachmentSchema>;

export const REPORT_EVENT = {
	opened: 'report.opened',
	completed: 'report.completed',
	attachment: 'report.attachment'
} as const;
