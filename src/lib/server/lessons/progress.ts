/**
 * Lesson progress from the class tablets: one handler per lesson event kind (registered in
 * src/lib/server/events/handlers.ts), applied inside the ingest transaction. Progress is kept per
 * class, lesson and tablet, never per pupil; the teacher's class page reads it back per lesson.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { DevicePrincipal } from '../auth/devices';
import type { EventHandler, StoredEvent } from '../events/handlers';
import type { LESSON_EVENT } from '../../lessons/lesson-events';
import type { EventPayload } from '../../events/catalogue';

type LessonEventKind = (typeof LESSON_EVENT)[keyof typeof LESSON_EVENT];

type Trx = Transaction<Database>;

/** When it happened on the tablet, but never later than the server's own clock. */
const playedAt = (e: StoredEvent<unknown>, now: Date) => {
	const t = Date.parse(e.clientTime);
	return new Date(Number.isFinite(t) ? Math.min(t, now.getTime()) : now.getTime()).toISOString();
};

async function touch(
	trx: Trx,
	device: DevicePrincipal,
	lessonId: string,
	at: string,
	change: { step?: number; finished?: boolean }
): Promise<void> {
	const key = { class_id: device.classId, lesson_id: lessonId, device_id: device.id };
	// The first event of a lesson on a tablet makes its row; two batches from one tablet at once
	// (the page and the service worker both flushing) meet here, and the second finds it made.
	const made = await trx
		.insertInto('lesson_progress')
		.values({
			...key,
			started_at: at,
			last_played_at: at,
			last_step: change.step ?? 0,
			finished_at: change.finished ? at : null,
			times_finished: change.finished ? 1 : 0
		})
		.onConflict((oc) => oc.columns(['school_id', 'class_id', 'lesson_id', 'device_id']).doNothing())
		.returning('lesson_id')
		.executeTakeFirst();
	if (made) return;
	// Events may arrive late and out of order (an offline tablet): keep the latest of each. Worked
	// out by the database from the row as it is, so two batches at once never undo each other.
	const newer = sql<boolean>`${at} >= last_played_at`;
	await trx
		.updateTable('lesson_progress')
		.set({
			last_played_at: sql<string>`case when ${newer} then ${at} else last_played_at end`,
			...(change.step !== undefined
				? { last_step: sql<number>`case when ${newer} then ${change.step} else last_step end` }
				: {}),
			...(change.finished
				? {
						finished_at: sql<string>`case when finished_at is not null and finished_at > ${at} then finished_at else ${at} end`,
						times_finished: sql<number>`times_finished + 1`
					}
				: {})
		})
		.where('class_id', '=', key.class_id)
		.where('lesson_id', '=', key.lesson_id)
		.where('device_id', '=', key.device_id)
		.execute();
}

/** The payloads were checked against the event catalogue before any handler runs. */
function handler<K extends LessonEventKind>(
	change: (payload: EventPayload<K>) => { step?: number; finished?: boolean }
): EventHandler<K> {
	return {
		async apply(trx, device, event, now) {
			const payload = event.payload as { lesson: string };
			await touch(trx, device, payload.lesson, playedAt(event, now), change(event.payload));
			return null;
		}
	};
}

export const lessonStarted = handler<typeof LESSON_EVENT.started>(() => ({ step: 0 }));
export const lessonStep = handler<typeof LESSON_EVENT.step>((p) => ({ step: p.index }));
export const lessonChoice = handler<typeof LESSON_EVENT.choice>(() => ({}));
export const lessonAnswer = handler<typeof LESSON_EVENT.answer>(() => ({}));
export const lessonFinished = handler<typeof LESSON_EVENT.finished>(() => ({ finished: true }));

export interface ClassLessonProgress {
	lessonId: string;
	lastPlayedAt: string;
	/** Tablets that have finished the lesson at least once. */
	tabletsFinished: number;
	tabletsPlayed: number;
}

/** Per lesson, for one class: when it was last played and how many tablets finished it. */
export async function classLessonProgress(
	db: Kysely<Database>,
	classId: string
): Promise<ClassLessonProgress[]> {
	const rows = await db
		.selectFrom('lesson_progress')
		.select(['lesson_id', 'last_played_at', 'finished_at'])
		.where('class_id', '=', classId)
		.execute();
	const byLesson = new Map<string, ClassLessonProgress>();
	for (const r of rows) {
		const p = byLesson.get(r.lesson_id) ?? {
			lessonId: r.lesson_id,
			lastPlayedAt: r.last_played_at,
			tabletsFinished: 0,
			tabletsPlayed: 0
		};
		if (r.last_played_at > p.lastPlayedAt) p.lastPlayedAt = r.last_played_at;
		p.tabletsPlayed += 1;
		if (r.finished_at) p.tabletsFinished += 1;
		byLesson.set(r.lesson_id, p);
	}
	return [...byLesson.values()].sort((a, b) => b.lastPlayedAt.localeCompare(a.lastPlayedAt));
}
