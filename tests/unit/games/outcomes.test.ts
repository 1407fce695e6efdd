import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestEvents } from '../../../src/lib/server/events/ingest';
import { createClass } from '../../../src/lib/server/school/classes';
import { enrolDevice } from '../../../src/lib/server/auth/devices';
import type { DatabaseHandle } from '../../../src/lib/server/db/connect';
import { ENGINES, freshDatabase } from '../helpers/databases';

describe.each(ENGINES)('game.finished outcomes on %s', (engine) => {
	let h: DatabaseHandle;
	beforeEach(async () => {
		h = await freshDatabase(engine);
	});
	afterEach(async () => {
		await h.close();
	});

	const event = (payload: Record<string, unknown>) => ({
		events: [
			{ id: crypto.randomUUID(), kind: 'game.finished', clientTime: new Date().toISOString(), payload }
		]
	});

	it('stores a finished game for the class, never a pupil', async () => {
		const cls = await createClass(h.db, { name: 'Owls', yearGroup: 'Year 2', picture: 'owl' });
		const { device } = await enrolDevice(h.db, cls.id, 'staff:x');
		const payload = { game: 'kind-words', level: 'year-2', hints: 2, minutes: 3, from: 'games' };
		const { acked } = await ingestEvents(h.db, device, event(payload));
		const row = await h.db
			.selectFrom('pupil_events')
			.selectAll()
			.where('id', '=', acked[0]!)
			.executeTakeFirstOrThrow();
		expect(row.class_id).toBe(cls.id);
		expect(JSON.parse(row.payload)).toEqual(payload);
	});

	it('refuses an outcome that is not a game, a level, or carries anything else', async () => {
		const cls = await createClass(h.db, { name: 'Robins', yearGroup: 'Year 1', picture: 'robin' });
		const { device } = await enrolDevice(h.db, cls.id, 'staff:x');
		const good = {
			game: 'keep-it-secret',
			level: 'year-1',
			hints: 0,
			minutes: 1,
			from: 'lesson',
			lesson: 'x'
		};
		expect((await ingestEvents(h.db, device, event({ ...good, game: 'chess' }))).rejected).toHaveLength(1);
		expect((await ingestEvents(h.db, device, event({ ...good, hints: -1 }))).rejected).toHaveLength(1);
		expect((await ingestEvents(h.db, device, event({ ...good, level: 'year-6' }))).rejected).toHaveLength(1);
		// Nothing but the outcome: no names, no extra fields.
		expect((await ingestEvents(h.db, device, event({ ...good, pupil: 'Amy' }))).rejected).toHaveLength(1);
		expect((await ingestEvents(h.db, device, event(good))).acked).toHaveLength(1);
	});
});
