import { fail, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { hashSecret, verifySecret } from '$lib/server/auth/passwords';
import { appendAudit } from '$lib/server/audit/audit-log';
import { parseForm } from '$lib/server/forms/parse-form';
import { NewPasswordSchema } from '$lib/server/forms/fields';
import type { Actions } from './$types';

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
	{ request, locals }: RequestEvent,
	column: 'password_hash' | 'pin_hash',
	schema: typeof PasswordForm | typeof PinForm,
	done: string
) {
	const staff = locals.who.staff;
	if (!staff) return fail(401, { message: 'Please sign in again.' });
	const form = await parseForm(request, schema);
	if (!form.ok) return fail(form.status, { message: form.message });
	const { db } = app();
	const row = await db
		.selectFrom('staff')
		.select('password_hash')
		.where('id', '=', staff.id)
		.executeTakeFirstOrThrow();
	if (!(await verifySecret(form.data.current, row.password_hash))) {
		return fail(400, { message: 'Your current password is not right.' });
	}
	await db
		.updateTable('staff')
		.set({ [column]: await hashSecret(form.data.secret) })
		.where('id', '=', staff.id)
		.execute();
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
