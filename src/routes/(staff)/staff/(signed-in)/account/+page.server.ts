import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { hashSecret, verifySecret } from '$lib/server/auth/passwords';
import { appendAudit } from '$lib/server/audit/audit-log';
import { parseForm } from '$lib/server/forms/parse-form';
import { NewPasswordSchema } from '$lib/server/forms/fields';
import type { Actions } from './$types';

const PasswordForm = v.object({ current: v.string(), password: NewPasswordSchema });
const PinForm = v.object({
	current: v.string(),
	pin: v.pipe(v.string(), v.regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits.'))
});

/** Both changes need the current password: a session left open cannot be taken over. */
async function checkCurrent(staffId: string, current: string): Promise<boolean> {
	const row = await app()
		.db.selectFrom('staff')
		.select('password_hash')
		.where('id', '=', staffId)
		.executeTakeFirstOrThrow();
	return verifySecret(current, row.password_hash);
}

export const actions = {
	password: async ({ request, locals }) => {
		const staff = locals.who.staff;
		if (!staff) return fail(401, { message: 'Please sign in again.' });
		const form = await parseForm(request, PasswordForm);
		if (!form.ok) return fail(400, { message: form.message });
		if (!(await checkCurrent(staff.id, form.data.current))) {
			return fail(400, { message: 'Your current password is not right.' });
		}
		const { db } = app();
		await db
			.updateTable('staff')
			.set({ password_hash: await hashSecret(form.data.password) })
			.where('id', '=', staff.id)
			.execute();
		await appendAudit(db, {
			actor: `staff:${staff.id}`,
			action: 'staff.password-changed',
			target: `staff:${staff.id}`
		});
		return { ok: 'Your password is changed.' };
	},
	pin: async ({ request, locals }) => {
		const staff = locals.who.staff;
		if (!staff) return fail(401, { message: 'Please sign in again.' });
		if (staff.role === 'governor') return fail(403, { message: 'Governors do not unlock class tablets.' });
		const form = await parseForm(request, PinForm);
		if (!form.ok) return fail(400, { message: form.message });
		if (!(await checkCurrent(staff.id, form.data.current))) {
			return fail(400, { message: 'Your current password is not right.' });
		}
		const { db } = app();
		await db
			.updateTable('staff')
			.set({ pin_hash: await hashSecret(form.data.pin) })
			.where('id', '=', staff.id)
			.execute();
		await appendAudit(db, {
			actor: `staff:${staff.id}`,
			action: 'staff.pin-changed',
			target: `staff:${staff.id}`
		});
		return { ok: 'Your kiosk PIN is set.' };
	}
} satisfies Actions;
