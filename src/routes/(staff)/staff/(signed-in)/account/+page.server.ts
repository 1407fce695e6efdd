import { fail, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { HashingBusy, hashSecret, verifySecret } from '$lib/server/auth/passwords';
import { weakPasswordReason } from '$lib/server/auth/password-policy';
import { CURRENT_PASSWORD_LIMIT, attemptSucceeded, reserveAttempt } from '$lib/server/auth/rate-limit';
import { STAFF_COOKIE, endOtherSessionsOfStaff } from '$lib/server/auth/sessions';
import { getSettings } from '$lib/server/school/settings';
import { appendAudit } from '$lib/server/audit/audit-log';
import { parseForm } from '$lib/server/forms/parse-form';
import { NewPasswordSchema } from '$lib/server/forms/fields';
import { countSubscriptions, vapidKeys } from '$lib/server/alerts/push';
import type { Actions, PageServerLoad } from './$types';

/** Push alerts are for those who receive alerts (not governors). */
export const load = (async ({ locals }) => {
	const staff = locals.who.staff!;
	if (staff.role === 'governor') return { push: null };
	const { db } = app();
	return {
		push: { publicKey: (await vapidKeys(db)).publicKey, devices: await countSubscriptions(db, staff.id) }
	};
}) satisfies PageServerLoad;

const PasswordForm = v.object({ current: v.string(), secret: NewPasswordSchema });
const PinForm = v.object({
	current: v.string(),
	secret: v.pipe(v.string(), v.regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits.'))
});

/**
 * Replaces the signed-in person's password or kiosk PIN. Both need the current password, so a
 * session left open on a shared laptop cannot be used to take the account over.
 */
async function changeSecret(
	{ request, locals, cookies }: RequestEvent,
	column: 'password_hash' | 'pin_hash',
	schema: typeof PasswordForm | typeof PinForm,
	done: string
) {
	const staff = locals.who.staff;
	if (!staff) return fail(401, { message: 'Please sign in again.' });
	const form = await parseForm(request, schema);
	if (!form.ok) return fail(form.status, { message: form.message });
	const { db } = app();
	if (column === 'password_hash') {
		const weak = weakPasswordReason(form.data.secret, {
			email: staff.email,
			schoolName: (await getSettings(db)).schoolName
		});
		if (weak) return fail(400, { message: weak });
	}
	// Counted before the check, so guesses at the current password are limited like sign-ins.
	const key = `current-password:${staff.id}`;
	const reserved = await reserveAttempt(db, key, CURRENT_PASSWORD_LIMIT);
	if (!reserved.ok)
		return fail(429, { message: 'Too many wrong tries of your current password. Please wait 15 minutes.' });
	const row = await db
		.selectFrom('staff')
		.select('password_hash')
		.where('id', '=', staff.id)
		.executeTakeFirstOrThrow();
	try {
		if (!(await verifySecret(form.data.current, row.password_hash))) {
			await appendAudit(db, {
				actor: `staff:${staff.id}`,
				action: 'staff.current-password-wrong',
				target: `staff:${staff.id}`
			});
			return fail(400, { message: 'Your current password is not right.' });
		}
	} catch (e) {
		if (e instanceof HashingBusy) return fail(429, { message: e.message });
		throw e;
	}
	await attemptSucceeded(db, key, CURRENT_PASSWORD_LIMIT);
	await db
		.updateTable('staff')
		.set({ [column]: await hashSecret(form.data.secret) })
		.where('id', '=', staff.id)
		.execute();
	// A new password signs the account out everywhere else (a session left on another laptop).
	const token = cookies.get(STAFF_COOKIE);
	if (column === 'password_hash') await endOtherSessionsOfStaff(db, staff.id, token ?? '');
	const action = column === 'password_hash' ? 'staff.password-changed' : 'staff.pin-changed';
	await appendAudit(db, { actor: `staff:${staff.id}`, action, target: `staff:${staff.id}` });
	return { ok: done };
}

export const actions = {
	password: (event) => changeSecret(event, 'password_hash', PasswordForm, 'Your password is changed.'),
	pin: (event) => {
		if (event.locals.who.staff?.role === 'governor') {
			return fail(403, { message: 'Governors do not unlock class tablets.' });
		}
		return changeSecret(event, 'pin_hash', PinForm, 'Your kiosk PIN is set.');
	}
} satisfies Actions;
