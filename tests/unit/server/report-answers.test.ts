/**
 * A child who goes back on the cover and changes an answer sends the answers again: staff see the
 * latest, and the chronology keeps both (as pictures chosen, never as the child's words). Also: a
 * press from an enrolled tablet is its class's report whatever screen it came from (the sign-in
 * screen included, before the class has signed in: the server knows only the tablet).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/lib/server/db/connect';
import { ENGINES, freshDatabase } from '../helpers/databases';
import { createClass } from '../../../src/lib/server/school/classes';
import { enrolDevice, type DevicePrincipal } from '../../../src/lib/server/auth/devices';
import { ingestEvents } from '../../../src/lib/server/events/ingest';
import { getIncident } from '../../../src/lib/server/incidents/incident-log';

const ev = (kind: string, payload: Record<string, unknown>, clientTime = new Date().toISOString()) => ({
	id: crypto.randomUUID(),
	kind,
	clientTime,
	payload
});

describe.each(ENGINES)('changed answers on %s', (engine) => {
	let h: DatabaseHandle;
	let device: DevicePrincipal;
	let classId: string;

	beforeEach(async () => {
		h = await freshDatabase(engine);
		classId = (await createClass(h.db, { name: 'Owls', yearGroup: 'Year 2', picture: 'owl' })).id;
		device = (await enrolDevice(h.db, classId, 'staff:x')).device;
	});
	afterEach(async () => {
		await h.close();
	});

	it('keeps the latest answers when the child went back and changed them', async () => {
		const reportId = crypto.randomUUID();
		const press = ev('report.opened', {
			reportId,
			practice: false,
			source: 'button',
			context: { screen: '/class/sign-in' }
		});
		const first = await ingestEvents(h.db, device, {
			events: [
				press,
				ev('report.completed', { reportId, practice: false, feeling: 'scared', what: 'asked-secrets' })
			]
		});
		const incidentId = first.changes[0]!.incidentId;
		await ingestEvents(h.db, device, {
			events: [
				ev('report.completed', { reportId, practice: false, feeling: 'scared', what: 'someone-unkind' })
			]
		});
		const incident = await getIncident(h.db, incidentId);
		expect(incident).toMatchObject({ classId, feeling: 'scared', what: 'someone-unkind' });
		const entries = JSON.stringify(incident);
		expect(entries).toContain('Pressed on the class sign-in screen.');
		expect(entries).toContain('chose the pictures: feels scared; someone was unkind');
	});
});
