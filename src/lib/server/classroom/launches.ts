/**
 * The class's "lesson now", server side: launch a lesson to the class (on tablets, or led from
 * the board), move the board, pause, resume, end. Each change is one transaction that raises the
 * class's version and appends to the audit log (who, which lesson, which mode), and is then
 * published on the live topic `class:<id>`, which reaches every app server's tablets.
 * Only the routes decide who may call these (the class's teacher, the DSL, an admin); the
 * module checks that the lesson and the board's position are real.
 */
import { json } from '@sveltejs/kit';
import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { CompiledLesson } from '../../lessons/compiled';
import type { BoardPosition, ClassNowEvent, ClassNowState, LaunchMode } from '../../classroom/class-now';
import { appendAudit } from '../audit/audit-log';
import type { ClassNowTable, Database } from '../db/schema';
import { classTopic, type LiveHub } from '../live/live-hub';

export type LessonSource = (id: string) => Promise<CompiledLesson | null>;

export interface LaunchContext {
	db: Kysely<Database>;
	live: LiveHub;
	lessons: LessonSource;
}

/** A refusal with a message a teacher (or a tablet's code) can act on. */
export class LaunchError extends Error {
	constructor(
		message: string,
		readonly status: 400 | 404 | 409
	) {
		super(message);
	}
}

/** The most scenes a board may have been through in one scenario (a loop is retraced, not kept). */
export const MAX_SCENES = 40;

type NowRow = Omit<Selectable<ClassNowTable>, 'school_id'>;

function stateOf(row: NowRow): ClassNowState {
	let scenes: string[] = [];
	try {
		const parsed = JSON.parse(row.board_scenes) as unknown;
		if (Array.isArray(parsed)) scenes = parsed.filter((s): s is string => typeof s === 'string');
	} catch {
		scenes = [];
	}
	return {
		launchId: row.launch_id,
		lessonId: row.lesson_id,
		mode: row.mode,
		position: { step: row.board_step, scenes, finished: row.board_finished === 1 },
		paused: row.paused === 1,
		ended: row.ended_at !== null,
		version: row.version
	};
}

const rowOf = (db: Kysely<Database> | Transaction<Database>, classId: string) =>
	db.selectFrom('class_now').selectAll().where('class_id', '=', classId).executeTakeFirst();

/** The class's lesson now (or the last one, ended); null if the class never had one. */
export async function classNow(db: Kysely<Database>, classId: string): Promise<ClassNowState | null> {
	const row = await rowOf(db, classId);
	return row ? stateOf(row) : null;
}

async function publish(live: LiveHub, classId: string, state: ClassNowState): Promise<void> {
	const event: ClassNowEvent = { type: 'class.now', state };
	await live.publishTo(classTopic(classId), event);
}

/** The board's position, checked against the lesson: a real step, real scenes, nothing more. */
export function checkPosition(lesson: CompiledLesson, p: BoardPosition): BoardPosition {
	const step = lesson.steps[p.step];
	if (!step) throw new LaunchError('That step is not in the lesson.', 400);
	if (step.kind !== 'scenario') {
		if (p.scenes.length) throw new LaunchError('That step has no scenes.', 400);
		return { step: p.step, scenes: [], finished: p.finished };
	}
	const scenes = p.scenes.length ? p.scenes : [step.start];
	if (scenes.length > MAX_SCENES || scenes[0] !== step.start || !scenes.every((s) => s in step.scenes)) {
		throw new LaunchError('Those scenes are not in the lesson.', 400);
	}
	return { step: p.step, scenes, finished: p.finished };
}

export async function launchLesson(
	ctx: LaunchContext,
	input: { classId: string; lessonId: string; mode: LaunchMode; staffId: string },
	now = new Date()
): Promise<ClassNowState> {
	const lesson = await ctx.lessons(input.lessonId);
	if (!lesson) throw new LaunchError('There is no lesson with that name.', 404);
	const at = now.toISOString();
	const launchId = crypto.randomUUID();
	const state = await ctx.db.transaction().execute(async (trx) => {
		const before = await rowOf(trx, input.classId);
		if (before && before.ended_at === null) {
			// A new launch replaces the one running: that one ends now.
			await trx
				.updateTable('class_launches')
				.set({ ended_at: at, ended_by: input.staffId })
				.where('id', '=', before.launch_id)
				.execute();
		}
		const first = lesson.steps[0]!;
		const row = {
			launch_id: launchId,
			lesson_id: lesson.id,
			mode: input.mode,
			board_step: 0,
			board_scenes: JSON.stringify(first.kind === 'scenario' ? [first.start] : []),
			board_finished: 0,
			paused: 0,
			launched_by: input.staffId,
			launched_at: at,
			ended_at: null,
			version: (before?.version ?? 0) + 1
		};
		if (before) await trx.updateTable('class_now').set(row).where('class_id', '=', input.classId).execute();
		else
			await trx
				.insertInto('class_now')
				.values({ ...row, class_id: input.classId })
				.execute();
		await trx
			.insertInto('class_launches')
			.values({
				id: launchId,
				class_id: input.classId,
				lesson_id: lesson.id,
				mode: input.mode,
				launched_by: input.staffId,
				launched_at: at,
				ended_by: null,
				ended_at: null
			})
			.execute();
		await appendAudit(
			trx,
			{
				actor: `staff:${input.staffId}`,
				action: 'lesson.launched',
				target: `class:${input.classId}`,
				detail: { launch: launchId, lesson: lesson.id, mode: input.mode }
			},
			now
		);
		return stateOf({ ...row, class_id: input.classId });
	});
	await publish(ctx.live, input.classId, state);
	return state;
}

type Change = 'moved' | 'paused' | 'resumed' | 'ended';
type NowUpdate = Omit<Updateable<ClassNowTable>, 'school_id' | 'class_id'>;

/** One change to a running launch: raises the version, audits it, publishes the new state. */
async function change(
	ctx: LaunchContext,
	classId: string,
	staffId: string,
	what: Change,
	set: (current: ClassNowState) => Promise<NowUpdate> | NowUpdate,
	expectLaunch?: string,
	now = new Date()
): Promise<ClassNowState> {
	const at = now.toISOString();
	const state = await ctx.db.transaction().execute(async (trx) => {
		// Raising the version first takes the row's lock, so two changes at once never share a version.
		const bumped = await trx
			.updateTable('class_now')
			.set((eb) => ({ version: eb('version', '+', 1) }))
			.where('class_id', '=', classId)
			.where('ended_at', 'is', null)
			.executeTakeFirst();
		const row = Number(bumped.numUpdatedRows) ? await rowOf(trx, classId) : undefined;
		if (!row) throw new LaunchError('No lesson is running for this class.', 409);
		if (expectLaunch && row.launch_id !== expectLaunch) {
			throw new LaunchError('That lesson has already been replaced by another.', 409);
		}
		const updates = await set(stateOf(row));
		if (what === 'ended') {
			updates.ended_at = at;
			await trx
				.updateTable('class_launches')
				.set({ ended_at: at, ended_by: staffId })
				.where('id', '=', row.launch_id)
				.execute();
		}
		await trx.updateTable('class_now').set(updates).where('class_id', '=', classId).execute();
		await appendAudit(
			trx,
			{
				actor: `staff:${staffId}`,
				action: `lesson.${what}`,
				target: `class:${classId}`,
				detail: {
					launch: row.launch_id,
					lesson: row.lesson_id,
					mode: row.mode,
					...(what === 'moved' ? { step: updates.board_step } : {})
				}
			},
			now
		);
		return stateOf({ ...row, ...updates } as NowRow);
	});
	await publish(ctx.live, classId, state);
	return state;
}

/** The board moves: every tablet following it goes to the same page. */
export function moveBoard(
	ctx: LaunchContext,
	input: { classId: string; staffId: string; launchId: string; position: BoardPosition },
	now = new Date()
): Promise<ClassNowState> {
	return change(
		ctx,
		input.classId,
		input.staffId,
		'moved',
		async (current) => {
			if (current.mode !== 'board') throw new LaunchError('This lesson is playing on the tablets.', 409);
			const lesson = await ctx.lessons(current.lessonId);
			if (!lesson) throw new LaunchError('There is no lesson with that name.', 404);
			const p = checkPosition(lesson, input.position);
			return {
				board_step: p.step,
				board_scenes: JSON.stringify(p.scenes),
				board_finished: p.finished ? 1 : 0
			};
		},
		input.launchId,
		now
	);
}

export const pauseLesson = (ctx: LaunchContext, classId: string, staffId: string, now = new Date()) =>
	change(ctx, classId, staffId, 'paused', () => ({ paused: 1 }), undefined, now);

export const resumeLesson = (ctx: LaunchContext, classId: string, staffId: string, now = new Date()) =>
	change(ctx, classId, staffId, 'resumed', () => ({ paused: 0 }), undefined, now);

export const endLesson = (ctx: LaunchContext, classId: string, staffId: string, now = new Date()) =>
	change(ctx, classId, staffId, 'ended', () => ({ paused: 0 }), undefined, now);

/** When each lesson was last launched to the class, by lesson id. */
export async function lastLaunched(db: Kysely<Database>, classId: string): Promise<Map<string, string>> {
	const rows = await db
		.selectFrom('class_launches')
		.select(['lesson_id', (eb) => eb.fn.max('launched_at').as('at')])
		.where('class_id', '=', classId)
		.groupBy('lesson_id')
		.execute();
	return new Map(rows.map((r) => [r.lesson_id, String(r.at)]));
}

/** Runs a tablet's or teacher's request: `{ ok: true }`, or the refusal as a 4xx with its message. */
export async function answerOrRefuse(work: () => Promise<unknown>): Promise<Response> {
	try {
		await work();
		return json({ ok: true });
	} catch (e) {
		if (e instanceof LaunchError) return json({ message: e.message }, { status: e.status });
		throw e;
	}
}
