import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { checkStaffCredentials } from '$lib/server/auth/check-credentials';
import { enrolDevice, redeemEnrolCode, DEVICE_COOKIE_DAYS } from '$lib/server/auth/devices';
import { DEVICE_COOKIE } from '$lib/server/auth/sessions';
import { setAuthCookie } from '$lib/server/auth/cookies';
import { STAFF_ADDRESS_LIMIT, attemptSucceeded, reserveAttempt } from '$lib/server/auth/rate-limit';
import { appendAudit } from '$lib/server/audit/audit-log';
import { listClasses } from '$lib/server/school/classes';
import { parseForm } from '$lib/server/forms/parse-form';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	return { enrolledAs: locals.who.device?.label ?? null };
}) satisfies PageServerLoad;

async function finish(
	cookies: Parameters<Actions[string]>[0]['cookies'],
	url: URL,
	classId: string,
	staffId: string
): Promise<never> {
	const { db } = app();
	const { token, device } = await enrolDevice(db, classId, staffId);
	await appendAudit(db, {
		actor: `staff:${staffId}`,
		action: 'device.enrolled',
		target: `device:${device.id}`,
		detail: { classId, label: device.label }
	});
	setAuthCookie(cookies, url, DEVICE_COOKIE, token, new Date(Date.now() + DEVICE_COOKIE_DAYS * 86_400_000));
	redirect(303, '/class/sign-in');
}

const CodeSchema = v.object({
	code: v.pipe(
		v.string(),
		v.trim(),
		v.toUpperCase(),
		v.regex(/^[A-Z0-9]{6}$/, 'A code is 6 letters and numbers.')
	)
});

const StaffSchema = v.object({
	email: v.pipe(v.string(), v.trim(), v.minLength(1, 'Type your email.')),
	password: v.pipe(v.string(), v.minLength(1, 'Type your password.')),
	classId: v.optional(v.string(), '')
});

export const actions = {
	code: async ({ request, cookies, url, getClientAddress }) => {
		const form = await parseForm(request, CodeSchema);
		if (!form.ok) return fail(form.status, { codeMessage: form.message });
		const { db } = app();
		const key = `enrol-code:${getClientAddress()}`;
		if (!(await reserveAttempt(db, key, STAFF_ADDRESS_LIMIT)).ok) {
			return fail(429, { codeMessage: 'Too many wrong codes. Please wait a few minutes.' });
		}
		const redeemed = await redeemEnrolCode(db, form.data.code);
		if (redeemed) await attemptSucceeded(db, key, STAFF_ADDRESS_LIMIT);
		else {
			return fail(400, {
				codeMessage:
					'That code did not work. Codes last 15 minutes and work once: make a new one on your dashboard.'
			});
		}
		return finish(cookies, url, redeemed.classId, redeemed.createdBy);
	},
	staff: async ({ request, cookies, url, getClientAddress }) => {
		const form = await parseForm(request, StaffSchema);
		if (!form.ok) return fail(form.status, { staffMessage: form.message });
		const { db } = app();
		const check = await checkStaffCredentials(
			db,
			form.data.email,
			form.data.password,
			getClientAddress(),
			'enrol'
		);
		if (!check.ok) return fail(check.status, { staffMessage: check.message });
		const { staff } = check;
		if (staff.role === 'teacher') {
			if (!staff.classId)
				return fail(400, { staffMessage: 'Your account has no class yet. Ask an admin to add you to one.' });
			return finish(cookies, url, staff.classId, staff.id);
		}
		if (staff.role === 'governor')
			return fail(403, { staffMessage: 'Governor accounts cannot set up class tablets.' });
		const classes = await listClasses(db);
		const chosen = classes.find((c) => c.id === form.data.classId);
		if (!chosen) {
			return fail(400, {
				staffMessage: 'Choose the class this tablet belongs to.',
				classes: classes.map((c) => ({ id: c.id, name: `${c.name} (${c.yearGroup})` }))
			});
		}
		return finish(cookies, url, chosen.id, staff.id);
	}
} satisfies Actions;
