import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestEvents, type EventBatch } from '../../../src/lib/server/events/ingest';
import { searchLog } from '../../../src/lib/server/search-admin/search-log';
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
			payload: { charter: 'Our promises' }
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
				{
					id,
					kind: 'charter.promised',
					clientTime: new Date().toISOString(),
					payload: { charter: 'Our promises' }
				}
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

	it('refuses an event id another tablet already used, instead of acknowledging what it did not store', async () => {
		const cls = await createClass(h.db, { name: 'Owls', yearGroup: 'Year 2', picture: 'owl' });
		const a = (await enrolDevice(h.db, cls.id, 'staff:x')).device;
		const b = (await enrolDevice(h.db, cls.id, 'staff:x')).device;
		const id = crypto.randomUUID();
		expect((await ingestEvents(h.db, a, batch([id]))).acked).toEqual([id]);
		const again = await ingestEvents(h.db, b, batch([id]));
		expect(again.acked).toEqual([]);
		expect(again.rejected).toEqual([{ id, reason: 'That event id was already used by another tablet.' }]);
	});

	it('stores the good events of a batch and sets each bad one aside with its reason', async () => {
		const cls = await createClass(h.db, { name: 'Owls', yearGroup: 'Year 2', picture: 'owl' });
		const { device } = await enrolDevice(h.db, cls.id, 'staff:x');
		const good = crypto.randomUUID();
		const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
		const at = new Date().toISOString();
		const result = await ingestEvents(h.db, device, {
			events: [
				{ id: good, kind: 'charter.promised', clientTime: at, payload: { charter: 'Ours' } },
				{ id: ids[0], kind: 'constructor', clientTime: at, payload: {} },
				{ id: ids[1], kind: '__proto__', clientTime: at, payload: {} },
				{ id: ids[2], kind: 'charter.promised', clientTime: at, payload: { charter: 'x'.repeat(5000) } },
				{ id: ids[3], kind: 'search.logged', clientTime: at, payload: { query: 'cats' } },
				0
			]
		});
		expect(result.acked).toEqual([good]);
		expect(result.rejected.map((r) => r.id)).toEqual([...ids, '#5']);
		expect(result.rejected[0]!.reason).toMatch(/Unknown event kind/);
		expect(result.rejected[2]!.reason).toMatch(/Larger than/);
		expect(result.rejected[3]!.reason).toMatch(/payload/);
		expect(await count()).toBe(1);
	});

	it('orders the search log by the server’s clock: a tablet clock in 9999 does not float to the top', async () => {
		const cls = await createClass(h.db, { name: 'Owls', yearGroup: 'Year 2', picture: 'owl' });
		const { device } = await enrolDevice(h.db, cls.id, 'staff:x');
		const search = (query: string, clientTime: string) => ({
			id: crypto.randomUUID(),
			kind: 'search.logged',
			clientTime,
			payload: { query, verdict: 'allow', category: null, resultCount: 1 }
		});
		await ingestEvents(
			h.db,
			device,
			{ events: [search('first', '9999-01-01T00:00:00.000Z')] },
			new Date('2026-11-20T10:00:00Z')
		);
		await ingestEvents(
			h.db,
			device,
			{ events: [search('second', '2000-01-01T00:00:00.000Z')] },
			new Date('2026-11-20T11:00:00Z')
		);
		const { rows } = await searchLog(h.db, { classId: null }, { verdict: null, category: null, page: 1 });
		expect(rows.map((r) => r.query)).toEqual(['second', 'first']);
		// The ledger keeps no copy of the words.
		const ledger = await h.db.selectFrom('pupil_events').select('payload').execute();
		expect(ledger.every((r) => r.payload === '{}')).toBe(true);
	});

	it('labels tablets Tablet 1, Tablet 2… within each class', async () => {
		const cls = await createClass(h.db, { name: 'Robins', yearGroup: 'Year 1', picture: 'robin' });
		const a = await enrolDevice(h.db, cls.id, 'staff:x');
		const b = await enrolDevice(h.db, cls.id, 'staff:x');
		expect([a.device.label, b.device.label]).toEqual(['Tablet 1', 'Tablet 2']);
	});
});
