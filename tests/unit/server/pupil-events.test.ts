import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestEvents, type EventBatch } from '../../../src/lib/server/events/ingest';
import { createClass } from '../../../src/lib/server/school/classes';
import { enrolDevice } from '../../../src/lib/server/auth/devices';
import type { DatabaseHandle } from '../../../src/lib/server/db/connect';
import { ENGINES, freshDatabase } from '../helpers/databases';

describe.each(ENGINES)('pupil event ingest on %s', (engine) => {
	let h: DatabaseHandle;
	beforeEach(async () => {
		h = await freshDatabase(engine);
	});
	afterEach(async () => {
		await h.close();
	});

	const batch = (ids: string[]): EventBatch => ({
		events: ids.map((id) => ({
			id,
			kind: 'charter.promised',
			clientTime: new Date().toISOString(),
			payload: { n: 1 }
		}))
	});
	const count = async () =>
		Number(
			(
				await h.db
					.selectFrom('pupil_events')
					.select((eb) => eb.fn.countAll().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);

	it('stores each event once, however often the tablet resends it', async () => {
		const cls = await createClass(h.db, { name: 'Robins', yearGroup: 'Year 1', picture: 'robin' });
		const { device } = await enrolDevice(h.db, cls.id, 'staff:x');
		const ids = Array.from({ length: 10 }, () => crypto.randomUUID());
		expect((await ingestEvents(h.db, device, batch(ids))).acked).toEqual(ids);
		expect((await ingestEvents(h.db, device, batch(ids))).acked).toEqual(ids);
		await ingestEvents(h.db, device, batch([...ids.slice(0, 3), crypto.randomUUID()]));
		expect(await count()).toBe(11);
	});

	it('attributes events to the sending tablet and its class, not to anything in the payload', async () => {
		const cls = await createClass(h.db, { name: 'Owls', yearGroup: 'Year 2', picture: 'owl' });
		const { device } = await enrolDevice(h.db, cls.id, 'staff:x');
		const id = crypto.randomUUID();
		await ingestEvents(h.db, device, {
			events: [
				{ id, kind: 'charter.promised', clientTime: new Date().toISOString(), payload: { classId: 'other' } }
			]
		});
		const row = await h.db
			.selectFrom('pupil_events')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(row.class_id).toBe(cls.id);
		expect(row.device_id).toBe(device.id);
	});

	it('labels tablets Tablet 1, Tablet 2… within each class', async () => {
		const cls = await createClass(h.db, { name: 'Robins', yearGroup: 'Year 1', picture: 'robin' });
		const a = await enrolDevice(h.db, cls.id, 'staff:x');
		const b = await enrolDevice(h.db, cls.id, 'staff:x');
		expect([a.device.label, b.device.label]).toEqual(['Tablet 1', 'Tablet 2']);
	});
});
