import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/lib/server/db/connect';
import { ENGINES, freshDatabase } from '../helpers/databases';
import { createClass } from '../../../src/lib/server/school/classes';
import { createStaff } from '../../../src/lib/server/school/staff';
import { enrolDevice, type DevicePrincipal } from '../../../src/lib/server/auth/devices';
import { ingestEvents } from '../../../src/lib/server/events/ingest';
import {
	getIncident,
	moveIncident,
	recordIncidentByHand,
	attachScreenshot,
	setCategories,
	IncidentProblem,
	CloseProposed
} from '../../../src/lib/server/incidents/incident-log';
import { raiseOverdueReports } from '../../../src/lib/server/incidents/escalation';
import { openIncidentCounts } from '../../../src/lib/server/incidents/open-counts';
import { incidentKind } from '../../../src/lib/incidents/kinds';
import { purgeOldAttachments } from '../../../src/lib/server/incidents/retention';
import { incidentStatistics, statisticsCsv, percentile } from '../../../src/lib/server/incidents/statistics';
import { verifyAuditChain } from '../../../src/lib/server/audit/audit-log';
import type { StaffPrincipal } from '../../../src/lib/server/auth/sessions';
import { nextStatus, allowedMoves } from '../../../src/lib/incidents/incident-machine';

const ev = (kind: string, payload: Record<string, unknown>) => ({
	id: crypto.randomUUID(),
	kind,
	clientTime: new Date().toISOString(),
	payload
});
const opened = (reportId: string, extra: Record<string, unknown> = {}) =>
	ev('report.opened', {
		reportId,
		practice: false,
		source: 'button',
		context: { screen: '/class' },
		...extra
	});
const completed = (reportId: string, extra: Record<string, unknown> = {}) =>
	ev('report.completed', { reportId, practice: false, feeling: 'scared', what: 'saw-something', ...extra });

describe('the incident lifecycle machine', () => {
	it('allows only the documented moves', () => {
		expect(nextStatus('new', 'ACKNOWLEDGE')).toBe('acknowledged');
		expect(nextStatus('acknowledged', 'START')).toBe('in-progress');
		expect(nextStatus('in-progress', 'ESCALATE')).toBe('escalated');
		expect(nextStatus('escalated', 'CLOSE')).toBe('closed');
		expect(nextStatus('closed', 'REOPEN')).toBe('in-progress');
		expect(nextStatus('closed', 'ACKNOWLEDGE')).toBeNull();
		expect(nextStatus('in-progress', 'ACKNOWLEDGE')).toBeNull();
		expect(allowedMoves('closed')).toEqual(['REOPEN']);
	});
});

describe('incident kinds', () => {
	it('follow the categories first, then how the concern was raised', () => {
		expect(incidentKind('button', [])).toBe('button');
		expect(incidentKind('button', ['self-harm'])).toBe('disclosure');
		expect(incidentKind('search', ['disclosure', 'possible-illegal-content'])).toBe('illegal');
		expect(incidentKind('search', [])).toBe('search');
		expect(incidentKind('staff', ['cyberbullying'])).toBe('concern');
	});
});

describe('percentiles', () => {
	it('interpolates like a spreadsheet does', () => {
		expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
		expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBeCloseTo(9.1);
		expect(percentile([], 50)).toBeNull();
	});
});

describe.each(ENGINES)('reports and incidents on %s', (engine) => {
	let h: DatabaseHandle;
	let device: DevicePrincipal;
	let classId: string;
	let dsl: StaffPrincipal;
	const count = async (table: 'incidents' | 'pupil_events' | 'attachments') =>
		Number(
			(
				await h.db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);

	beforeEach(async () => {
		h = await freshDatabase(engine);
		classId = (await createClass(h.db, { name: 'Robins', yearGroup: 'Year 1', picture: 'robin' })).id;
		device = (await enrolDevice(h.db, classId, 'staff:x')).device;
		const id = await createStaff(h.db, {
			email: 'dsl@x',
			displayName: 'DSL',
			role: 'dsl',
			classId: null,
			password: 'correct horse battery'
		});
		dsl = { id, email: 'dsl@x', displayName: 'DSL', role: 'dsl', classId: null };
	});
	afterEach(async () => {
		await h.close();
	});

	it('a press opens one incident with its answers, whatever order the events arrive in', async () => {
		const r = crypto.randomUUID();
		const answers = completed(r);
		const press = opened(r, {
			context: { screen: '/class/charter', lesson: { id: 'l1', title: 'Sharing pictures', step: 4 } }
		});
		const first = await ingestEvents(h.db, device, { events: [answers] });
		const second = await ingestEvents(h.db, device, { events: [press, answers] });
		expect(first.changes).toEqual([{ type: 'incident.new', incidentId: expect.any(String) }]);
		expect(second.changes.map((c) => c.type)).toEqual(['incident.updated']);
		expect(await count('incidents')).toBe(1);
		const incident = await getIncident(h.db, first.changes[0]!.incidentId);
		expect(incident).toMatchObject({
			feeling: 'scared',
			what: 'saw-something',
			status: 'new',
			deviceLabel: 'Tablet 1'
		});
		expect(incident?.context.lesson).toEqual({ id: 'l1', title: 'Sharing pictures', step: 4 });
		expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
	});

	it('a practice press is stored and counted but never opens an incident', async () => {
		const r = crypto.randomUUID();
		const res = await ingestEvents(h.db, device, {
			events: [opened(r, { practice: true }), completed(r, { practice: true })]
		});
		expect(res.changes).toEqual([]);
		expect(await count('incidents')).toBe(0);
		expect(await count('pupil_events')).toBe(2);
		const stats = await incidentStatistics(h.db, '2000-01-01', '2100-01-01');
		expect(stats.practiceByClass).toEqual([['Robins', 1]]);
		expect(stats.total).toBe(0);
	});

	it('a malformed event is set aside with its reason; the report beside it is still stored', async () => {
		const good = opened(crypto.randomUUID());
		const bad = ev('report.completed', { reportId: 'nope', practice: false });
		const result = await ingestEvents(h.db, device, { events: [good, bad] });
		expect(result.acked).toEqual([good.id]);
		expect(result.rejected).toEqual([{ id: bad.id, reason: expect.stringMatching(/payload\.reportId/) }]);
		expect(await count('pupil_events')).toBe(1);
		expect(await count('incidents')).toBe(1);
	});

	it('a tablet of another class cannot add answers or pictures to a report it did not make', async () => {
		const reportId = crypto.randomUUID();
		await ingestEvents(h.db, device, { events: [opened(reportId)] });
		const other = await createClass(h.db, { name: 'Otters', yearGroup: 'Year 2', picture: 'owl' });
		const intruder = (await enrolDevice(h.db, other.id, 'staff:x')).device;
		const answers = ev('report.completed', { reportId, practice: false, feeling: 'okay' });
		const picture = ev('report.attachment', {
			reportId,
			kind: 'drawing',
			mime: 'image/png',
			dataBase64: 'AAAA'
		});
		const result = await ingestEvents(h.db, intruder, { events: [answers, picture] });
		expect(result.acked).toEqual([]);
		expect(result.rejected.map((r) => r.reason)).toEqual([
			'That report belongs to another class.',
			'That report belongs to another class.'
		]);
		expect(await count('attachments')).toBe(0);
		const incident = await h.db.selectFrom('incidents').selectAll().executeTakeFirstOrThrow();
		expect([incident.feeling, incident.device_id]).toEqual([null, device.id]);
	});

	it('raises an unacknowledged report once, after the school’s time, and not an acknowledged one', async () => {
		const t0 = new Date('2026-11-20T10:00:00Z');
		const a = (await ingestEvents(h.db, device, { events: [opened(crypto.randomUUID())] }, t0)).changes[0]!
			.incidentId;
		const b = (await ingestEvents(h.db, device, { events: [opened(crypto.randomUUID())] }, t0)).changes[0]!
			.incidentId;
		await moveIncident(h.db, dsl, b, 'ACKNOWLEDGE', '', new Date('2026-11-20T10:02:00Z'));
		expect(await raiseOverdueReports(h.db, 5, new Date('2026-11-20T10:04:00Z'))).toEqual([]);
		expect(await raiseOverdueReports(h.db, 5, new Date('2026-11-20T10:05:30Z'))).toEqual([a]);
		expect(await raiseOverdueReports(h.db, 5, new Date('2026-11-20T10:09:00Z'))).toEqual([]);
		expect((await getIncident(h.db, a))?.urgent).toBe(true);
		expect((await getIncident(h.db, b))?.urgent).toBe(false);
	});

	it('refuses moves the lifecycle does not allow, and closing without an outcome', async () => {
		const id = (await ingestEvents(h.db, device, { events: [opened(crypto.randomUUID())] })).changes[0]!
			.incidentId;
		await expect(moveIncident(h.db, dsl, id, 'REOPEN')).rejects.toThrow(
			'An incident that is new cannot do that.'
		);
		await expect(moveIncident(h.db, dsl, id, 'CLOSE')).rejects.toThrow(
			'Write the outcome before closing the incident.'
		);
		expect(await moveIncident(h.db, dsl, id, 'CLOSE', 'Parents informed; no further action.')).toBe('closed');
		expect((await getIncident(h.db, id))?.outcome).toBe('Parents informed; no further action.');
	});

	it('a class teacher cannot close a disclosure alone: their close becomes a proposal for the DSL', async () => {
		const teacherId = await createStaff(h.db, {
			email: 't@x',
			displayName: 'Ms T',
			role: 'teacher',
			classId,
			password: 'correct horse battery'
		});
		const teacher: StaffPrincipal = {
			id: teacherId,
			email: 't@x',
			displayName: 'Ms T',
			role: 'teacher',
			classId
		};
		const id = await recordIncidentByHand(h.db, dsl, {
			classId,
			facts: 'A child told me something at home worries them.',
			childsWords: '',
			categories: ['disclosure']
		});
		await expect(moveIncident(h.db, teacher, id, 'CLOSE', 'Spoke to parents.')).rejects.toBeInstanceOf(
			CloseProposed
		);
		const after = await getIncident(h.db, id);
		expect(after?.status).not.toBe('closed');
		expect(after?.entries.map((e) => e.text)).toContain('Ms T proposes closing: Spoke to parents.');
		expect(await moveIncident(h.db, dsl, id, 'CLOSE', 'Spoke to parents; plan agreed.')).toBe('closed');
	});

	it('gives each incident a kind and a priority: disclosures and possible illegal content are urgent at once', async () => {
		const teacher: StaffPrincipal = {
			id: await createStaff(h.db, {
				email: 'k@x',
				displayName: 'Mr K',
				role: 'teacher',
				classId,
				password: 'correct horse battery'
			}),
			email: 'k@x',
			displayName: 'Mr K',
			role: 'teacher',
			classId
		};
		// A disclosure typed into safe search, a plain press, and two concerns recorded by hand.
		const searched = crypto.randomUUID();
		const pressed = crypto.randomUUID();
		await ingestEvents(h.db, device, {
			events: [
				opened(searched, {
					source: 'search',
					category: 'disclosure',
					context: { screen: '/class/search', searchQuery: 'x' }
				}),
				opened(pressed)
			]
		});
		const illegal = await recordIncidentByHand(h.db, teacher, {
			classId,
			facts: 'A child showed me a picture on a game.',
			childsWords: '',
			categories: ['possible-illegal-content']
		});
		const worry = await recordIncidentByHand(h.db, teacher, {
			classId,
			facts: 'A child was upset by a video.',
			childsWords: '',
			categories: ['upsetting-content']
		});
		const byReport = async (reportId: string) =>
			(
				await h.db
					.selectFrom('incidents')
					.select('id')
					.where('report_id', '=', reportId)
					.executeTakeFirstOrThrow()
			).id;
		const seen = async (id: string) => {
			const i = (await getIncident(h.db, id))!;
			return { kind: i.kind, urgent: i.urgent, status: i.status };
		};
		expect(await seen(await byReport(searched))).toEqual({ kind: 'disclosure', urgent: true, status: 'new' });
		expect(await seen(await byReport(pressed))).toEqual({ kind: 'button', urgent: false, status: 'new' });
		// A teacher's concern waits for the DSL to acknowledge it, like a press.
		expect(await seen(illegal)).toEqual({ kind: 'illegal', urgent: true, status: 'new' });
		expect(await seen(worry)).toEqual({ kind: 'concern', urgent: false, status: 'new' });
		// The DSL marking the press as possible illegal content makes it that kind, and urgent.
		expect(await setCategories(h.db, dsl, await byReport(pressed), ['possible-illegal-content'])).toEqual({
			becameUrgent: true
		});
		expect(await seen(await byReport(pressed))).toEqual({ kind: 'illegal', urgent: true, status: 'new' });
		// The dashboard's counts: four open, all waiting; three urgent; most serious kinds first.
		// The teacher who recorded it cannot acknowledge it: that is for a second grown-up.
		await expect(moveIncident(h.db, teacher, worry, 'ACKNOWLEDGE')).rejects.toBeInstanceOf(IncidentProblem);
		await moveIncident(h.db, dsl, worry, 'ACKNOWLEDGE');
		const counts = await openIncidentCounts(h.db, null);
		expect(counts).toMatchObject({ open: 4, unacknowledged: 3, urgent: 3 });
		expect(counts.byKind).toEqual([
			{ kind: 'illegal', open: 2, unacknowledged: 2 },
			{ kind: 'disclosure', open: 1, unacknowledged: 1 },
			{ kind: 'concern', open: 1, unacknowledged: 0 }
		]);
		expect((await openIncidentCounts(h.db, ['another-class'])).open).toBe(0);
		// The DSL's own concern is in hand already.
		const own = await recordIncidentByHand(h.db, dsl, {
			classId,
			facts: 'Noted.',
			childsWords: '',
			categories: []
		});
		expect((await getIncident(h.db, own))?.status).toBe('in-progress');
	});

	it('records the pictures a child tapped as their choice, never as the child’s own words', async () => {
		const reportId = crypto.randomUUID();
		await ingestEvents(h.db, device, {
			events: [opened(reportId), ev('report.completed', { reportId, practice: false, feeling: 'sad' })]
		});
		const incident = await h.db.selectFrom('incidents').select('id').executeTakeFirstOrThrow();
		const entries = (await getIncident(h.db, incident.id))!.entries;
		const choice = entries.find((e) => e.text.includes('chose the pictures'))!;
		expect(choice.kind).not.toBe('childs-voice');
	});

	it('blocks screenshots on an incident that may involve illegal content', async () => {
		const id = await recordIncidentByHand(h.db, dsl, {
			classId,
			facts: 'A child saw something.',
			childsWords: '',
			categories: []
		});
		const png = { mime: 'image/png', bytes: new Uint8Array([137, 80, 78, 71]) };
		await attachScreenshot(h.db, dsl, id, png);
		await setCategories(h.db, dsl, id, ['possible-illegal-content']);
		const err = await attachScreenshot(h.db, dsl, id, png).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(IncidentProblem);
		expect((err as Error).message).toContain('do not screenshot or copy it');
		expect((await getIncident(h.db, id))?.attachments).toHaveLength(1);
	});

	it('deletes drawings and voice messages after the retention period, keeping the incident', async () => {
		const r = crypto.randomUUID();
		const t0 = new Date('2026-10-01T10:00:00Z');
		await ingestEvents(
			h.db,
			device,
			{
				events: [
					opened(r),
					ev('report.attachment', {
						reportId: r,
						kind: 'drawing',
						mime: 'image/png',
						dataBase64: 'iVBORw0KGgo='
					})
				]
			},
			t0
		);
		expect(await purgeOldAttachments(h.db, 30, new Date('2026-10-20T00:00:00Z'))).toBe(0);
		expect(await purgeOldAttachments(h.db, 30, new Date('2026-11-05T00:00:00Z'))).toBe(1);
		const row = await h.db.selectFrom('attachments').selectAll().executeTakeFirstOrThrow();
		expect(row.data).toBe('');
		expect(await count('incidents')).toBe(1);
	});

	it('reports figures without pupil detail, and quotes CSV safely', async () => {
		const t0 = new Date('2026-11-16T09:30:00Z'); // a Monday
		const id = (await ingestEvents(h.db, device, { events: [opened(crypto.randomUUID())] }, t0)).changes[0]!
			.incidentId;
		await moveIncident(h.db, dsl, id, 'ACKNOWLEDGE', '', new Date('2026-11-16T09:34:00Z'));
		await setCategories(h.db, dsl, id, ['cyberbullying']);
		const stats = await incidentStatistics(h.db, '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z');
		expect(stats).toMatchObject({ total: 1, acknowledge: { count: 1, medianMinutes: 4, p90Minutes: 4 } });
		expect(stats.byCategory).toEqual([['Cyberbullying', 1]]);
		expect(stats.byWeekday.find(([d]) => d === 'Monday')).toEqual(['Monday', 1]);
		const csv = statisticsCsv(stats, 'Autumn "term" 2026');
		expect(csv.split('\r\n')[1]).toBe('"Autumn ""term"" 2026",incidents,total,1');
		// A class name that looks like a spreadsheet formula is written as text.
		const hostile = statisticsCsv({ ...stats, byClass: [['=HYPERLINK("http://x")', 1]] }, 'Autumn');
		expect(hostile).toContain(`Autumn,by class,"'=HYPERLINK(""http://x"")",1`);
	});
});
