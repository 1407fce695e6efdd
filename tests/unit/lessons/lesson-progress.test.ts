/**
 * Lesson progress through the real ingest path, on SQLite and PostgreSQL: events from a class
 * tablet become per-lesson progress for the class, and bad payloads are refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestEvents } from '../../../src/lib/server/events/ingest';
import { createClass } from '../../../src/lib/server/school/classes';
import { enrolDevice } from '../../../src/lib/server/auth/devices';
import { classLessonProgress } from '../../../src/lib/server/lessons/progress';
import type { DatabaseHandle } from '../../../src/lib/server/db/connect';
import { ENGINES, freshDatabase } from '../helpers/databases';

describe.each(ENGINES)('lesson progress on %s', (engine) => {
	let h: DatabaseHandle;
	beforeEach(async () => {
		h = await freshDatabase(engine);
	});
	afterEach(async () => {
		await h.close();
	});

	const event = (kind: string, payload: Record<string, unknown>, at: string) => ({
		id: crypto.randomUUID(),
		kind,
		clientTime: at,
		payload
	});

	it('shows per lesson when it was last played and how many tablets finished it', async () => {
		const cls = await createClass(h.db, { name: 'Ladybirds', yearGroup: 'Reception', picture: 'ladybird' });
		const a = (await enrolDevice(h.db, cls.id, 'staff:x')).device;
		const b = (await enrolDevice(h.db, cls.id, 'staff:x')).device;
		const lesson = 'asking-before-we-tap';
		await ingestEvents(h.db, a, {
			events: [
				event('lesson.started', { lesson }, '2026-11-29T09:00:00.000Z'),
				event('lesson.step', { lesson, step: 'hello', index: 0 }, '2026-11-29T09:00:01.000Z'),
				event(
					'lesson.choice',
					{ lesson, step: 's', scene: 'a', choice: 1, to: 'b' },
					'2026-11-29T09:03:00.000Z'
				),
				event('lesson.answer', { lesson, step: 'q', answer: 0, right: true }, '2026-11-29T09:04:00.000Z'),
				event('lesson.finished', { lesson }, '2026-11-29T09:10:00.000Z')
			]
		});
		await ingestEvents(h.db, b, {
			events: [
				event('lesson.started', { lesson }, '2026-11-29T09:20:00.000Z'),
				event('lesson.step', { lesson, step: 'next', index: 3 }, '2026-11-29T09:21:00.000Z')
			]
		});
		expect(await classLessonProgress(h.db, cls.id)).toEqual([
			{ lessonId: lesson, lastPlayedAt: '2026-11-29T09:21:00.000Z', tabletsFinished: 1, tabletsPlayed: 2 }
		]);
		const other = await createClass(h.db, { name: 'Robins', yearGroup: 'Year 1', picture: 'robin' });
		expect(await classLessonProgress(h.db, other.id)).toEqual([]);
	});

	it('refuses a lesson event with a payload it does not know (a pupil name): set aside, nothing stored', async () => {
		const cls = await createClass(h.db, { name: 'Owls', yearGroup: 'Year 2', picture: 'owl' });
		const { device } = await enrolDevice(h.db, cls.id, 'staff:x');
		const result = await ingestEvents(h.db, device, {
			events: [event('lesson.started', { lesson: 'x', pupil: 'Amy' }, new Date().toISOString())]
		});
		expect(result.acked).toEqual([]);
		expect(result.rejected).toHaveLength(1);
		expect(await classLessonProgress(h.db, cls.id)).toEqual([]);
	});
});
