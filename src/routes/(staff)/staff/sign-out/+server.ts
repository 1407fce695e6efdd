import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { endSession, STAFF_COOKIE } from '$lib/server/auth/sessions';
import { clearAuthCookie } from '$lib/server/auth/cookies';
import { appendAudit } from '$lib/server/audit/audit-log';
import type { RequestHandler } from './$types';

/** Deletes the session on the server, so the cookie is dead even if it was copied. */
export const POST: RequestHandler = async ({ cookies, locals }) => {
	const token = cookies.get(STAFF_COOKIE);
	const { db } = app();
	if (token) await endSession(db, token);
	if (locals.who.staff) {
		await appendAudit(db, {
			actor: `staff:${locals.who.staff.id}`,
			action: 'sign-out',
			target: `staff:${locals.who.staff.id}`
		});
	}
	clearAuthCookie(cookies, STAFF_COOKIE);
	redirect(303, '/staff/sign-in?signed-out=1');
};
