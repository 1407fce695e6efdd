import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { readJson } from '$lib/server/http/read-json';
import { staffForPin } from '$lib/server/auth/kiosk-pin';
import { PIN_DEVICE_LIMIT, attemptSucceeded, reserveAttempt } from '$lib/server/auth/rate-limit';
import { HashingBusy } from '$lib/server/auth/passwords';
import { pinAlertCleared, pinLockedOut } from '$lib/server/auth/pin-alerts';
import { CLASS_COOKIE, endSession } from '$lib/server/auth/sessions';
import { clearAuthCookie } from '$lib/server/auth/cookies';
import { appendAudit } from '$lib/server/audit/audit-log';
import type { RequestHandler } from './$types';

const UnlockSchema = v.object({
	pin: v.pipe(v.string(), v.regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits.')),
	action: v.picklist(['check', 'sign-out-class'], 'Unknown kiosk action.')
});

/** Checks a teacher PIN typed on a class tablet, and optionally signs the class out. */
export const POST: RequestHandler = async ({ request, locals, cookies }) => {
	const device = locals.who.device;
	if (!device) return json({ message: 'This tablet is not enrolled.' }, { status: 401 });
	const body = await readJson(request, UnlockSchema, 1024);
	if (!body.ok) return body.response;
	const { db } = app();
	const key = `pin:${device.id}`;
	// Counted before any PIN is checked, so a burst from one tablet gets a handful of checks.
	const reserved = await reserveAttempt(db, key, PIN_DEVICE_LIMIT);
	if (!reserved.ok)
		return json(
			{ message: 'Too many wrong PINs. Wait a few minutes.', retryAfter: reserved.waitSeconds },
			{ status: 429 }
		);
	let staff: Awaited<ReturnType<typeof staffForPin>>;
	try {
		staff = await staffForPin(db, device.classId, body.data.pin);
	} catch (e) {
		if (!(e instanceof HashingBusy)) throw e;
		await attemptSucceeded(db, key, PIN_DEVICE_LIMIT);
		return json({ message: e.message, retryAfter: 2 }, { status: 429 });
	}
	if (!staff) {
		await appendAudit(db, {
			actor: `device:${device.id}`,
			action: 'kiosk.pin-failed',
			target: `device:${device.id}`
		});
		// The last check allowed: the class's grown-ups hear that someone is trying PINs.
		if (reserved.waitIfWrong > 0) await pinLockedOut(db, device);
		return json({ message: 'That PIN did not work.', retryAfter: reserved.waitIfWrong }, { status: 403 });
	}
	await attemptSucceeded(db, key, PIN_DEVICE_LIMIT);
	await pinAlertCleared(db, device);
	if (body.data.action === 'sign-out-class') {
		const token = cookies.get(CLASS_COOKIE);
		if (token) await endSession(db, token);
		clearAuthCookie(cookies, CLASS_COOKIE);
	}
	await appendAudit(db, {
		actor: `staff:${staff.id}`,
		action: body.data.action === 'check' ? 'kiosk.unlocked' : 'kiosk.class-signed-out',
		target: `device:${device.id}`
	});
	return json({ ok: true, staffName: staff.displayName });
};
