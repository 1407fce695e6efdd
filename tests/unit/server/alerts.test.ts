import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/lib/server/db/connect';
import { ENGINES, freshDatabase } from '../helpers/databases';
import { SmtpSink, freePort } from '../helpers/smtp-sink';
import { PushEndpoint, subscriber, verifyVapid } from '../helpers/push-endpoint';
import { createClass } from '../../../src/lib/server/school/classes';
import { createStaff } from '../../../src/lib/server/school/staff';
import { enrolDevice, type DevicePrincipal } from '../../../src/lib/server/auth/devices';
import { ingestEvents } from '../../../src/lib/server/events/ingest';
import {
	acknowledgeIncident,
	getIncident,
	recordIncidentByHand
} from '../../../src/lib/server/incidents/incident-log';
import { verifyAuditChain } from '../../../src/lib/server/audit/audit-log';
import type { StaffPrincipal } from '../../../src/lib/server/auth/sessions';
import * as v from 'valibot';
import {
	DEFAULT_SETTINGS,
	SettingsSchema,
	type SchoolSettings
} from '../../../src/lib/server/school/settings';
import { chainOf, urgentAfterMinutes } from '../../../src/lib/server/alerts/chain';
import { planAlerts } from '../../../src/lib/server/alerts/dispatch';
import { emailAlertHealth, sendDueDeliveries } from '../../../src/lib/server/alerts/deliveries';
import { emailSender } from '../../../src/lib/server/alerts/email';
import {
	pushSender,
	saveSubscription,
	vapidKeys,
	countSubscriptions
} from '../../../src/lib/server/alerts/push';
import { readConfig } from '../../../src/lib/server/config/config';
import { FEELING_WORDS, WHAT_WORDS } from '../../../src/lib/report/report-words';

const ORIGIN = 'https://harbour.example.sch.uk';
const CHILDS_WORDS = 'the man in the game asked me for a photo of my bedroom';

const T0 = new Date('2026-11-30T10:00:00Z');
const at = (minutes: number, seconds = 0) => new Date(T0.getTime() + minutes * 60_000 + seconds * 1000);

const CHAIN: SchoolSettings = {
	...DEFAULT_SETTINGS,
	alertChain: [
		{ role: 'teacher', afterMinutes: 0 },
		{ role: 'dsl', afterMinutes: 0 },
		{ role: 'deputy-dsl', afterMinutes: 5 },
		{ role: 'head', afterMinutes: 15 }
	]
};

describe('the chain a school saved before chains existed', () => {
	it('still means what alertEscalationMinutes meant: raised after that long, then further', () => {
		// A settings row as saved before alerts existed still parses, with email and push on.
		const old = v.parse(SettingsSchema, {
			schoolName: 'Old School',
			kioskIdleSeconds: 180,
			contacts: [],
			alertEscalationMinutes: 10,
			attachmentRetentionDays: 30
		});
		expect(old).toMatchObject({ alertEmail: true, alertPush: true });
		expect(old.alertChain).toBeUndefined();
		expect(chainOf(old)).toEqual([
			{ role: 'teacher', afterMinutes: 0 },
			{ role: 'dsl', afterMinutes: 0 },
			{ role: 'deputy-dsl', afterMinutes: 10 },
			{ role: 'head', afterMinutes: 30 }
		]);
		expect(urgentAfterMinutes(old)).toBe(10);
		expect(urgentAfterMinutes(CHAIN)).toBe(5);
	});
});

describe.each(ENGINES)('alerts on %s', (engine) => {
	let h: DatabaseHandle;
	let device: DevicePrincipal;
	let classId: string;
	const people: Record<string, StaffPrincipal> = {};

	const staff = async (
		key: string,
		role: StaffPrincipal['role'],
		chainRole: string | null = null,
		cls: string | null = null
	) => {
		const email = `${key}@school.example`;
		const id = await createStaff(h.db, {
			email,
			displayName: key,
			role,
			classId: cls,
			password: 'correct horse battery'
		});
		if (chainRole)
			await h.db.updateTable('staff').set({ chain_role: chainRole }).where('id', '=', id).execute();
		people[key] = { id, email, displayName: key, role, classId: cls };
	};

	/** A press on the Robins tablet, with the child's answers. */
	const press = async (now: Date) => {
		const reportId = crypto.randomUUID();
		const ev = (kind: string, payload: Record<string, unknown>) => ({
			id: crypto.randomUUID(),
			kind,
			clientTime: now.toISOString(),
			payload: { reportId, practice: false, ...payload }
		});
		const res = await ingestEvents(
			h.db,
			device,
			{
				events: [
					ev('report.opened', { source: 'button', context: { screen: '/class' } }),
					ev('report.completed', { feeling: 'scared', what: 'saw-something' })
				]
			},
			now
		);
		return res.changes[0]!.incidentId;
	};

	const deliveries = async (incidentId: string) =>
		h.db
			.selectFrom('alert_deliveries')
			.innerJoin('staff', 'staff.id', 'alert_deliveries.staff_id')
			.select(['staff.display_name as who', 'alert_deliveries.channel', 'alert_deliveries.step'])
			.where('incident_id', '=', incidentId)
			.orderBy('alert_deliveries.created_at')
			.orderBy('staff.display_name')
			.execute();

	beforeEach(async () => {
		h = await freshDatabase(engine);
		classId = (await createClass(h.db, { name: 'Robins', yearGroup: 'Year 1', picture: 'robin' })).id;
		device = (await enrolDevice(h.db, classId, 'staff:x')).device;
		await staff('teacher', 'teacher', null, classId);
		await staff('dsl', 'dsl');
		await staff('deputy', 'dsl', 'deputy-dsl');
		await staff('head', 'admin', 'head');
	});
	afterEach(async () => {
		await h.close();
	});

	it('each step of the chain fires at its time until someone acknowledges, and is recorded', async () => {
		const opts = { origin: ORIGIN, email: true, push: true };
		const a = await press(T0);
		const b = await press(T0);
		expect(await planAlerts(h.db, CHAIN, opts, at(0, 5))).toBe(4);
		expect(await deliveries(a)).toEqual([
			{ who: 'dsl', channel: 'email', step: 'dsl@0' },
			{ who: 'teacher', channel: 'email', step: 'teacher@0' }
		]);
		// Nothing more before five minutes; a pass run twice (two servers) sends nothing twice.
		expect(await planAlerts(h.db, CHAIN, opts, at(4, 59))).toBe(0);
		expect(await planAlerts(h.db, CHAIN, opts, at(0, 6))).toBe(0);
		// Five minutes, nobody has acknowledged: the deputy DSL is told, for both.
		expect(await planAlerts(h.db, CHAIN, opts, at(5))).toBe(2);
		expect((await deliveries(a)).map((d) => d.who)).toContain('deputy');
		// The DSL acknowledges the first: its chain stops. The second goes on to the head.
		await acknowledgeIncident(h.db, people.dsl!, a);
		expect(await planAlerts(h.db, CHAIN, opts, at(14, 59))).toBe(0);
		expect(await planAlerts(h.db, CHAIN, opts, at(15))).toBe(1);
		expect((await deliveries(a)).map((d) => d.who)).not.toContain('head');
		expect((await deliveries(b)).map((d) => d.step)).toContain('head@15');
		// The chronology says who was told and when; the audit log has every step.
		const chronology = (await getIncident(h.db, b))!.entries.filter((e) => e.kind === 'informed');
		expect(chronology.map((e) => e.text)).toEqual([
			'Alert to the class teacher (teacher) by email.',
			'Alert to the DSL (dsl) by email.',
			'Not acknowledged after 5 minutes: alert to the deputy DSL (deputy) by email.',
			'Not acknowledged after 15 minutes: alert to the head (head) by email.'
		]);
		expect(chronology.map((e) => e.at)).toEqual(
			[at(0, 5), at(0, 5), at(5), at(15)].map((d) => d.toISOString())
		);
		const audited = await h.db
			.selectFrom('audit_log')
			.select('target')
			.where('action', '=', 'incident.alert-step')
			.execute();
		expect(audited).toHaveLength(7);
		expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
	});

	it('a concern recorded by hand alerts the DSL, not the teacher who recorded it', async () => {
		const id = await recordIncidentByHand(
			h.db,
			people.teacher!,
			{ classId, facts: 'Told me at lunch.', childsWords: CHILDS_WORDS, categories: [] },
			T0
		);
		expect(await planAlerts(h.db, CHAIN, { origin: ORIGIN, email: true, push: true }, at(0, 5))).toBe(2);
		expect((await deliveries(id)).map((d) => d.who)).toEqual(['dsl']);
		// A teacher's concern waits for the DSL to acknowledge it, like a press: once the DSL has,
		// nobody further up the chain is told.
		await acknowledgeIncident(h.db, people.dsl!, id);
		expect(await planAlerts(h.db, CHAIN, { origin: ORIGIN, email: true, push: true }, at(20))).toBe(0);
		// One the DSL recorded is in hand from the start: the class teacher is told, and nobody later.
		const own = await recordIncidentByHand(
			h.db,
			people.dsl!,
			{ classId, facts: 'Seen on the playground.', childsWords: '', categories: [] },
			at(30)
		);
		await planAlerts(h.db, CHAIN, { origin: ORIGIN, email: true, push: true }, at(30, 5));
		expect((await deliveries(own)).map((d) => d.who)).toEqual(['teacher']);
		expect(await planAlerts(h.db, CHAIN, { origin: ORIGIN, email: true, push: true }, at(60))).toBe(0);
	});

	it('emails through a real SMTP server: class, urgency and link, never the child’s words', async () => {
		const sink = await new SmtpSink(await freePort()).start();
		try {
			const { smtp } = readConfig({
				SMTP_HOST: '127.0.0.1',
				SMTP_PORT: String(sink.port),
				SMTP_USER: sink.user,
				SMTP_PASSWORD: sink.password,
				SMTP_FROM: 'alerts@harbour.example.sch.uk',
				SMTP_REQUIRE_TLS: '0',
				ORIGIN
			});
			const a = await press(T0);
			const b = await recordIncidentByHand(
				h.db,
				people.teacher!,
				{ classId, facts: 'Told me at lunch.', childsWords: CHILDS_WORDS, categories: [] },
				T0
			);
			await planAlerts(h.db, CHAIN, { origin: ORIGIN, email: true, push: false }, at(0, 5));
			expect(await sendDueDeliveries(h.db, { email: emailSender(smtp!) }, at(0, 6))).toEqual({
				sent: 3,
				failed: 0
			});
			expect(sink.mails).toHaveLength(3);
			const toDsl = sink.mails.filter((m) => m.to.includes('dsl@school.example'));
			expect(toDsl).toHaveLength(2);
			for (const mail of sink.mails) {
				expect(mail.from).toBe('alerts@harbour.example.sch.uk');
				expect(mail.subject).toBe('Harbour: a new concern from Robins');
				expect(mail.text).toContain('A concern was raised in Robins at Monday 30 November at 10:00.');
				expect(mail.text).toContain('How urgent: routine');
				for (const secret of [
					CHILDS_WORDS,
					'photo',
					'lunch',
					...Object.values(FEELING_WORDS),
					...Object.values(WHAT_WORDS)
				])
					expect(mail.text.toLowerCase()).not.toContain(secret.toLowerCase());
			}
			const links = sink.mails.map((m) => /https:\/\/\S+/.exec(m.text)?.[0]).sort();
			expect(links).toEqual([a, a, b].map((id) => `${ORIGIN}/staff/incidents/${id}`).sort());
			// The escalation at five minutes is urgent.
			await planAlerts(h.db, CHAIN, { origin: ORIGIN, email: true, push: false }, at(5));
			await sendDueDeliveries(h.db, { email: emailSender(smtp!) }, at(5, 1));
			const late = sink.mails.find((m) => m.to.includes('deputy@school.example'))!;
			expect(late.subject).toBe('Harbour: URGENT — a concern from Robins is not yet acknowledged');
			expect(late.text).toContain(
				'Nobody has acknowledged it after 5 minutes, so it comes to you as the deputy DSL.'
			);
		} finally {
			await sink.stop();
		}
	});

	it('keeps an email the server could not take, shows the failure, and delivers it once the server is back', async () => {
		const port = await freePort();
		const { smtp } = readConfig({
			SMTP_HOST: '127.0.0.1',
			SMTP_PORT: String(port),
			SMTP_USER: 'harbour',
			SMTP_PASSWORD: 'mail-secret',
			SMTP_REQUIRE_TLS: '0',
			ORIGIN
		});
		const send = { email: emailSender(smtp!) };
		const a = await press(T0);
		await planAlerts(
			h.db,
			{ ...CHAIN, alertChain: [{ role: 'dsl', afterMinutes: 0 }] },
			{ origin: ORIGIN, email: true, push: false },
			at(0, 1)
		);
		expect(await sendDueDeliveries(h.db, send, at(0, 2))).toEqual({ sent: 0, failed: 1 });
		const health = await emailAlertHealth(h.db);
		expect(health.waiting).toBe(1);
		expect(health.failing).toMatch(/ECONNREFUSED/);
		// Waits before trying again, longer each time.
		expect(await sendDueDeliveries(h.db, send, at(0, 20))).toEqual({ sent: 0, failed: 0 });
		expect(await sendDueDeliveries(h.db, send, at(0, 33))).toEqual({ sent: 0, failed: 1 });
		expect(await sendDueDeliveries(h.db, send, at(1, 0))).toEqual({ sent: 0, failed: 0 });
		const row = await h.db.selectFrom('alert_deliveries').selectAll().executeTakeFirstOrThrow();
		expect(row).toMatchObject({ attempts: 2, status: 'waiting', next_attempt_at: at(1, 33).toISOString() });
		// The server comes back: the next try delivers it, and the warning goes.
		const sink = await new SmtpSink(port).start();
		try {
			expect(await sendDueDeliveries(h.db, send, at(1, 34))).toEqual({ sent: 1, failed: 0 });
			expect(sink.mails).toHaveLength(1);
			expect(sink.mails[0]!.text).toContain(`${ORIGIN}/staff/incidents/${a}`);
			expect(await emailAlertHealth(h.db)).toEqual({ waiting: 0, failing: null });
			expect(await sendDueDeliveries(h.db, send, at(60))).toEqual({ sent: 0, failed: 0 });
			expect(sink.mails).toHaveLength(1);
		} finally {
			await sink.stop();
		}
	});

	it('pushes to the devices that opted in: encrypted, signed, and only class, urgency and link', async () => {
		const service = await new PushEndpoint((path) => (path.startsWith('/gone') ? 410 : 201)).start();
		try {
			const phone = subscriber(`${service.origin}/push/dsl-phone`);
			const old = subscriber(`${service.origin}/gone/dsl-old-laptop`);
			await saveSubscription(h.db, people.dsl!.id, phone);
			await saveSubscription(h.db, people.dsl!.id, old);
			const keys = await vapidKeys(h.db);
			expect(await vapidKeys(h.db)).toEqual(keys);
			const id = await recordIncidentByHand(
				h.db,
				people.teacher!,
				{ classId, facts: 'Told me at lunch.', childsWords: CHILDS_WORDS, categories: [] },
				T0
			);
			await planAlerts(h.db, CHAIN, { origin: ORIGIN, email: false, push: true }, at(0, 5));
			const push = pushSender(keys, 'mailto:alerts@harbour.example.sch.uk', service.agent);
			expect(await sendDueDeliveries(h.db, { push }, at(0, 6))).toEqual({ sent: 1, failed: 1 });
			const got = service.received.find((r) => r.path === '/push/dsl-phone')!;
			expect(got.headers['content-encoding']).toBe('aes128gcm');
			expect(verifyVapid(got.headers.authorization as string, service.origin)).toBe(keys.publicKey);
			const payload = JSON.parse(phone.decrypt(got.body)) as Record<string, string>;
			expect(payload).toEqual({
				title: 'A new concern from Robins',
				body: 'Routine · raised at 10:00',
				url: `${ORIGIN}/staff/incidents/${id}`,
				tag: id,
				urgency: 'routine'
			});
			const text = phone.decrypt(got.body).toLowerCase();
			for (const secret of [CHILDS_WORDS, 'photo', 'lunch']) expect(text).not.toContain(secret);
			// The push service said the old laptop is gone (410): its subscription is deleted.
			expect(await countSubscriptions(h.db, people.dsl!.id)).toBe(1);
			// Only those who opted in: the teacher (who recorded it) and nobody else got one.
			expect(service.received).toHaveLength(2);
		} finally {
			await service.stop();
		}
	});
});
