import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/lib/server/db/connect';
import { ENGINES, freshDatabase } from '../helpers/databases';
import { createClass } from '../../../src/lib/server/school/classes';
import { createStaff } from '../../../src/lib/server/school/staff';
import {
	classFromToken,
	createClassSession,
	createStaffSession,
	endSession,
	staffFromToken
} from '../../../src/lib/server/auth/sessions';
import {
	createEnrolCode,
	deviceFromToken,
	enrolDevice,
	redeemEnrolCode,
	revokeDevice
} from '../../../src/lib/server/auth/devices';
import {
	CLASS_DEVICE_LIMIT,
	STAFF_ACCOUNT_LIMIT,
	PIN_DEVICE_LIMIT,
	attemptSucceeded,
	reserveAttempt,
	secondsToWait
} from '../../../src/lib/server/auth/rate-limit';
import { checkStaffCredentials } from '../../../src/lib/server/auth/check-credentials';
import { staffForPin } from '../../../src/lib/server/auth/kiosk-pin';

const timeouts = { staffIdleMinutes: 30, staffMaxHours: 10, classSessionDays: 7 };
const at = (iso: string) => new Date(iso);

describe.each(ENGINES)('sign-in and sessions on %s', (engine) => {
	let h: DatabaseHandle;
	let classId: string;
	let teacherId: string;
	beforeEach(async () => {
		h = await freshDatabase(engine);
		classId = (await createClass(h.db, { name: 'Robins', yearGroup: 'Year 1', picture: 'robin' })).id;
		teacherId = await createStaff(h.db, {
			email: 'T@School.example',
			displayName: 'T',
			role: 'teacher',
			classId,
			password: 'correct horse battery',
			pin: '2468'
		});
	});
	afterEach(async () => {
		await h.close();
	});

	it('accepts the right password (email case-insensitive) and refuses a wrong one', async () => {
		const good = await checkStaffCredentials(
			h.db,
			't@school.EXAMPLE',
			'correct horse battery',
			'127.0.0.1',
			'sign-in'
		);
		expect(good).toMatchObject({ ok: true, staff: { id: teacherId, role: 'teacher' } });
		const bad = await checkStaffCredentials(h.db, 't@school.example', 'wrong', '127.0.0.1', 'sign-in');
		expect(bad).toMatchObject({ ok: false, status: 400 });
	});

	it('locks an account after 5 wrong passwords, even with the right one after', async () => {
		for (let i = 0; i < 4; i++) {
			expect(
				await checkStaffCredentials(h.db, 't@school.example', 'nope', '10.0.0.1', 'sign-in')
			).toMatchObject({ status: 400 });
		}
		expect(
			await checkStaffCredentials(h.db, 't@school.example', 'nope', '10.0.0.1', 'sign-in')
		).toMatchObject({ status: 429 });
		const right = await checkStaffCredentials(
			h.db,
			't@school.example',
			'correct horse battery',
			'10.0.0.2',
			'sign-in'
		);
		expect(right).toMatchObject({ ok: false, status: 429 });
	});

	it('slows a class tablet down after wrong pictures, growing but capped, never a long lock', async () => {
		let t = at('2026-11-20T10:00:00Z').getTime();
		const waits = [];
		for (let i = 0; i < 10; i++) {
			const r = await reserveAttempt(h.db, 'class:t1', CLASS_DEVICE_LIMIT, new Date(t));
			expect(r.ok).toBe(true);
			if (!r.ok) return;
			waits.push(r.waitIfWrong);
			// While held back, another try is refused and not counted.
			if (r.waitIfWrong)
				expect((await reserveAttempt(h.db, 'class:t1', CLASS_DEVICE_LIMIT, new Date(t))).ok).toBe(false);
			t += r.waitIfWrong * 1000;
		}
		expect(waits.slice(0, 4)).toEqual([0, 0, 2, 4]);
		expect(Math.max(...waits)).toBe(CLASS_DEVICE_LIMIT.maxDelaySeconds);
		expect(await secondsToWait(h.db, 'class:t1', new Date(t - 1000))).toBe(1);
		expect(await secondsToWait(h.db, 'class:t1', new Date(t))).toBe(0);
	});

	it('forgets old attempts once the window has passed', async () => {
		for (let i = 0; i < 4; i++)
			await reserveAttempt(h.db, 'staff:x', STAFF_ACCOUNT_LIMIT, at('2026-11-20T10:00:00Z'));
		expect(await reserveAttempt(h.db, 'staff:x', STAFF_ACCOUNT_LIMIT, at('2026-11-20T10:20:00Z'))).toEqual({
			ok: true,
			attempts: 1,
			waitIfWrong: 0
		});
	});

	it('counts a burst of guesses sent all at once: only the allowed few are let through', async () => {
		const now = at('2026-11-20T10:00:00Z');
		const burst = await Promise.all(
			Array.from({ length: 40 }, () => reserveAttempt(h.db, 'pin:t1', PIN_DEVICE_LIMIT, now))
		);
		expect(burst.filter((r) => r.ok)).toHaveLength(PIN_DEVICE_LIMIT.maxFailures);
		// A right answer among them gives back its own attempt only, not the burst's.
		await attemptSucceeded(h.db, 'pin:t1', PIN_DEVICE_LIMIT, now);
		const next = await Promise.all(
			Array.from({ length: 10 }, () => reserveAttempt(h.db, 'pin:t1', PIN_DEVICE_LIMIT, now))
		);
		expect(next.filter((r) => r.ok)).toHaveLength(1);
	});

	it('ends a staff session after the idle timeout and after the absolute timeout', async () => {
		const start = at('2026-11-20T08:00:00Z');
		const s = await createStaffSession(h.db, teacherId, timeouts, start);
		expect(await staffFromToken(h.db, s.token, timeouts, at('2026-11-20T08:29:00Z'))).toMatchObject({
			id: teacherId
		});
		// Active until 08:29, so idle until 08:59 is fine, 09:00 is over.
		expect(await staffFromToken(h.db, s.token, timeouts, at('2026-11-20T08:58:00Z'))).not.toBeNull();
		expect(await staffFromToken(h.db, s.token, timeouts, at('2026-11-20T09:30:00Z'))).toBeNull();

		const busy = await createStaffSession(h.db, teacherId, timeouts, start);
		let t = start.getTime();
		let alive = true;
		while (alive && t < start.getTime() + 11 * 3600_000) {
			t += 20 * 60_000; // active every 20 minutes: never idle
			alive = (await staffFromToken(h.db, busy.token, timeouts, new Date(t))) !== null;
		}
		expect(alive).toBe(false);
		expect(t - start.getTime()).toBe(10 * 3600_000);
	});

	it('signing out kills the session on the server', async () => {
		const s = await createStaffSession(h.db, teacherId, timeouts);
		await endSession(h.db, s.token);
		expect(await staffFromToken(h.db, s.token, timeouts)).toBeNull();
	});

	it('a class session counts only on the tablet it was made on, and revoking the tablet ends it', async () => {
		const a = await enrolDevice(h.db, classId, teacherId);
		const b = await enrolDevice(h.db, classId, teacherId);
		const s = await createClassSession(h.db, classId, a.device.id, timeouts);
		expect(await classFromToken(h.db, s.token, a.device.id)).toBe(classId);
		expect(await classFromToken(h.db, s.token, b.device.id)).toBeNull();
		await revokeDevice(h.db, a.device.id);
		expect(await deviceFromToken(h.db, a.token)).toBeNull();
		expect(await classFromToken(h.db, s.token, a.device.id)).toBeNull();
	});

	it('an enrolment code works once and only before it expires', async () => {
		const now = at('2026-11-20T09:00:00Z');
		const { code } = await createEnrolCode(h.db, classId, teacherId, now);
		expect(await redeemEnrolCode(h.db, code.toLowerCase(), now)).toEqual({ classId, createdBy: teacherId });
		expect(await redeemEnrolCode(h.db, code, now)).toBeNull();
		const old = await createEnrolCode(h.db, classId, teacherId, now);
		expect(await redeemEnrolCode(h.db, old.code, at('2026-11-20T09:16:00Z'))).toBeNull();
	});

	it('an enrolment code stops working when the teacher who made it is disabled', async () => {
		const now = at('2026-11-20T09:00:00Z');
		const { code } = await createEnrolCode(h.db, classId, teacherId, now);
		await h.db.updateTable('staff').set({ disabled: 1 }).where('id', '=', teacherId).execute();
		expect(await redeemEnrolCode(h.db, code, now)).toBeNull();
	});

	it('a flood of sign-ins for made-up accounts is counted before hashing: most are refused unhashed', async () => {
		const flood = await Promise.all(
			Array.from({ length: 60 }, (_, i) =>
				checkStaffCredentials(h.db, `nobody${i}@school.example`, 'guess', '10.9.9.9', 'sign-in')
			)
		);
		const hashed = await h.db
			.selectFrom('audit_log')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('action', '=', 'sign-in.failed')
			.executeTakeFirstOrThrow();
		// At most the address's 20 attempts ever reach a hash; the rest are told to wait.
		expect(Number(hashed.n)).toBeLessThanOrEqual(20);
		expect(flood.filter((r) => !r.ok && r.status === 429).length).toBeGreaterThanOrEqual(40);
		// Someone else, from their own address, still signs in.
		const real = await checkStaffCredentials(
			h.db,
			't@school.example',
			'correct horse battery',
			'10.1.1.1',
			'sign-in'
		);
		expect(real.ok).toBe(true);
	}, 120_000);

	it('a teacher PIN unlocks only their own class tablets', async () => {
		const other = (await createClass(h.db, { name: 'Owls', yearGroup: 'Year 2', picture: 'owl' })).id;
		expect(await staffForPin(h.db, classId, '2468')).toMatchObject({ id: teacherId });
		expect(await staffForPin(h.db, other, '2468')).toBeNull();
		expect(await staffForPin(h.db, classId, '1111')).toBeNull();
	});
});
