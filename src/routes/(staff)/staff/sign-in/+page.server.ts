import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { checkStaffCredentials } from '$lib/server/auth/check-credentials';
import { createStaffSession, STAFF_COOKIE } from '$lib/server/auth/sessions';
import { setAuthCookie } from '$lib/server/auth/cookies';
import { appendAudit } from '$lib/server/audit/audit-log';
import { parseForm } from '$lib/server/forms/parse-form';
import type { Actions, PageServerLoad } from './$types';

/** Only a staff path on this site: never an open redirect. */
function nextPath(url: URL): string {
	const next = url.searchParams.get('next') ?? '';
	return /^\/staff(\/[\w\-/]*)?$/.test(next) ? next : '/staff';
}

export const load = (async ({ locals, url }) => {
	if (locals.who.staff) redirect(303, nextPath(url));
	return { signedOut: url.searchParams.has('signed-out') };
}) satisfies PageServerLoad;

const SignInSchema = v.object({
	email: v.pipe(v.string(), v.trim(), v.minLength(1, 'Type your email.')),
	password: v.pipe(v.string(), v.minLength(1, 'Type your password.'))
});

export const actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await parseForm(request, SignInSchema);
		if (!form.ok) return fail(form.status, { message: form.message, email: '' });
		const { db, config } = app();
		const check = await checkStaffCredentials(
			db,
			form.data.email,
			form.data.password,
			getClientAddress(),
			'sign-in'
		);
		if (!check.ok) return fail(check.status, { message: check.message, email: form.data.email });
		const session = await createStaffSession(db, check.staff.id, config);
		await appendAudit(db, {
			actor: `staff:${check.staff.id}`,
			action: 'sign-in',
			target: `staff:${check.staff.id}`
		});
		setAuthCookie(cookies, url, STAFF_COOKIE, session.token, session.expires);
		redirect(303, nextPath(url));
	}
} satisfies Actions;
