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
import { reserveAttempt, attemptSucceeded } from '$lib/server/auth/rate-limit';
import { hashToken } from '$lib/server/auth/tokens';
import { SETUP_CODE_KEY } from '$lib/server/tenancy/schools';
import { timingSafeEqual } from 'node:crypto';
import type { Actions, PageServerLoad } from './$types';

/** First run of a real school: create the first admin. Closed once any staff account exists. */
export const load = (async () => {
	if ((await countStaff(app().db)) > 0) redirect(303, '/');
	return { needsCode: (await setupCodeHash(app().db)) !== null };
}) satisfies PageServerLoad;

/** A school added to a many-schools deployment waits for the code its adder was given. */
async function setupCodeHash(db: ReturnType<typeof app>['db']): Promise<string | null> {
	const row = await db
		.selectFrom('settings')
		.select('value')
		.where('key', '=', SETUP_CODE_KEY)
		.executeTakeFirst();
	return row?.value ?? null;
}

/** Wrong set-up codes: a few tries per school, then a wait (reserved before the check). */
const SETUP_CODE_LIMIT = { maxFailures: 5, windowMinutes: 15, mode: 'lock', lockMinutes: 15 } as const;

function sameHash(a: string, b: string): boolean {
	return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

const SetupSchema = v.object({
	schoolName: v.pipe(v.string(), v.trim(), v.minLength(1, 'Type the school’s name.'), v.maxLength(120)),
	displayName: NameSchema,
	email: EmailSchema,
	password: NewPasswordSchema,
	pin: PinSchema,
	code: v.optional(v.pipe(v.string(), v.maxLength(64)), '')
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
		const codeHash = await setupCodeHash(db);
		if (codeHash) {
			const reserved = await reserveAttempt(db, 'setup:code', SETUP_CODE_LIMIT);
			if (!reserved.ok)
				return fail(429, {
					message: `Too many tries. Please wait ${Math.ceil(reserved.waitSeconds / 60)} minutes.`
				});
			const typed = form.data.code.toUpperCase().replace(/[^A-Z0-9]/g, '');
			if (!sameHash(hashToken(typed), codeHash))
				return fail(403, {
					message: 'That set-up code is not right. Ask whoever added your school to Harbour for it.'
				});
			await attemptSucceeded(db, 'setup:code', SETUP_CODE_LIMIT);
		}
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
