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
		const { db, config } = app();
		if ((await countStaff(db)) > 0)
			return fail(409, { message: 'This school is already set up. Please sign in.' });
		await saveSettings(db, { ...DEFAULT_SETTINGS, schoolName: form.data.schoolName });
		const id = await createStaff(db, { ...form.data, role: 'admin', classId: null });
		await appendAudit(db, { actor: `staff:${id}`, action: 'school.created', target: `staff:${id}` });
		const session = await createStaffSession(db, id, config);
		setAuthCookie(cookies, url, STAFF_COOKIE, session.token, session.expires);
		redirect(303, '/staff');
	}
} satisfies Actions;
