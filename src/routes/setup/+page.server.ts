import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { countStaff, createStaff } from '$lib/server/school/staff';
import { DEFAULT_SETTINGS, saveSettings } from '$lib/server/school/settings';
import { createStaffSession, STAFF_COOKIE } from '$lib/server/auth/sessions';
import { setAuthCookie } from '$lib/server/auth/cookies';
import { appendAudit } from '$lib/server/audit/audit-log';
import { parseForm } from '$lib/server/forms/parse-form';
import { NewPasswordSchema, PinSchema, EmailSchema, NameSchema } from '$lib/server/forms/fields';
import { weakPasswordReason } from '$lib/server/auth/password-policy';
import type { Actions, PageServerLoad } from './$types';

/** First run of a real school: create the first admin. Closed once any staff account exists. */
export const load = (async () => {
	if ((await countStaff(app().db)) > 0) redirect(303, '/');
	return {};
}) satisfies PageServerLoad;

const SetupSchema = v.object({
	schoolName: v.pipe(v.string(), v.trim(), v.minLength(1, 'Type the school’s name.'), v.maxLength(120)),
	displayName: NameSchema,
	email: EmailSchema,
	password: NewPasswordSchema,
	pin: PinSchema
});

export const actions = {
	default: async ({ request, cookies, url }) => {
		const form = await parseForm(request, SetupSchema);
		if (!form.ok) return fail(form.status, { message: form.message });
		const weak = weakPasswordReason(form.data.password, form.data);
		if (weak) return fail(400, { message: weak });
		const { db, config } = app();
		const taken = { message: 'This school is already set up. Please sign in.' };
		if ((await countStaff(db)) > 0) return fail(409, taken);
		// One first admin, however many set-up forms arrive at once: the first to claim the
		// one-time marker creates the account; the others find it claimed and are refused.
		const id = await db.transaction().execute(async (trx) => {
			const claimed = await trx
				.insertInto('settings')
				.values({ key: 'setup.claimed', value: new Date().toISOString() })
				.onConflict((oc) => oc.columns(['school_id', 'key']).doNothing())
				.returning('key')
				.executeTakeFirst();
			if (!claimed || (await countStaff(trx)) > 0) return null;
			await saveSettings(trx, { ...DEFAULT_SETTINGS, schoolName: form.data.schoolName });
			const id = await createStaff(trx, { ...form.data, role: 'admin', classId: null });
			await appendAudit(trx, { actor: `staff:${id}`, action: 'school.created', target: `staff:${id}` });
			return id;
		});
		if (!id) return fail(409, taken);
		const session = await createStaffSession(db, id, config);
		setAuthCookie(cookies, url, STAFF_COOKIE, session.token, session.expires);
		redirect(303, '/staff');
	}
} satisfies Actions;
