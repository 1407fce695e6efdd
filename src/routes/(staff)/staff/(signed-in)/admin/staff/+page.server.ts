import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { randomBytes } from 'node:crypto';
import { app } from '$lib/server/app';
import { ROLES, chainRoleProblem, createStaff, emailTaken, listStaff } from '$lib/server/school/staff';
import { EXTRA_CHAIN_ROLES } from '$lib/staff/chain-roles';
import { listClasses } from '$lib/server/school/classes';
import { endAllSessionsOfStaff } from '$lib/server/auth/sessions';
import { hashSecret } from '$lib/server/auth/passwords';
import { appendAudit } from '$lib/server/audit/audit-log';
import { parseForm } from '$lib/server/forms/parse-form';
import { EmailSchema, NameSchema } from '$lib/server/forms/fields';
import type { Actions, PageServerLoad } from './$types';

export const load = (async () => {
	const { db } = app();
	return { people: await listStaff(db), classes: await listClasses(db) };
}) satisfies PageServerLoad;

const RoleSchema = v.picklist(ROLES, 'Choose a role.');
const ClassIdSchema = v.optional(v.string(), '');
const CreateSchema = v.object({
	displayName: NameSchema,
	email: EmailSchema,
	role: RoleSchema,
	classId: ClassIdSchema
});
const ChangeSchema = v.object({
	id: v.string(),
	role: RoleSchema,
	classId: ClassIdSchema,
	chainRole: v.optional(v.picklist(['', ...EXTRA_CHAIN_ROLES], 'Choose their place in the alert chain.'), '')
});
const ToggleSchema = v.object({ id: v.string() });

async function classOrNull(role: string, classId: string): Promise<string | null | 'missing'> {
	if (role !== 'teacher') return null;
	if (!classId) return 'missing';
	const classes = await listClasses(app().db);
	return classes.some((c) => c.id === classId) ? classId : 'missing';
}

export const actions = {
	/** Creates an account with a one-time password to hand over; they change it in My account. */
	create: async ({ request, locals }) => {
		const form = await parseForm(request, CreateSchema);
		if (!form.ok) return fail(form.status, { message: form.message });
		const { db } = app();
		if (await emailTaken(db, form.data.email))
			return fail(400, { message: 'Someone already has that email.' });
		const classId = await classOrNull(form.data.role, form.data.classId);
		if (classId === 'missing') return fail(400, { message: 'Choose the teacher’s class.' });
		const password = randomBytes(9).toString('base64url');
		const id = await createStaff(db, { ...form.data, classId, password });
		await appendAudit(db, {
			actor: `staff:${locals.who.staff?.id}`,
			action: 'staff.created',
			target: `staff:${id}`,
			detail: { role: form.data.role, classId }
		});
		return { created: { email: form.data.email, password } };
	},
	change: async ({ request, locals }) => {
		const form = await parseForm(request, ChangeSchema);
		if (!form.ok) return fail(form.status, { message: form.message });
		const { db } = app();
		const classId = await classOrNull(form.data.role, form.data.classId);
		if (classId === 'missing') return fail(400, { message: 'Choose the teacher’s class.' });
		if (form.data.id === locals.who.staff?.id && form.data.role !== 'admin') {
			return fail(400, { message: 'You cannot take away your own admin role. Ask another admin.' });
		}
		const chainRole = form.data.chainRole || null;
		const chainProblem = chainRoleProblem(form.data.role, chainRole);
		if (chainProblem) return fail(400, { message: chainProblem });
		const res = await db
			.updateTable('staff')
			.set({ role: form.data.role, class_id: classId, chain_role: chainRole })
			.where('id', '=', form.data.id)
			.executeTakeFirst();
		if (Number(res.numUpdatedRows) === 0) return fail(404, { message: 'That account no longer exists.' });
		// A new role takes effect at once: existing sessions are ended.
		await endAllSessionsOfStaff(db, form.data.id);
		await appendAudit(db, {
			actor: `staff:${locals.who.staff?.id}`,
			action: 'staff.role-changed',
			target: `staff:${form.data.id}`,
			detail: { role: form.data.role, classId, chainRole }
		});
		return { ok: 'Saved.' };
	},
	toggle: async ({ request, locals }) => {
		const form = await parseForm(request, ToggleSchema);
		if (!form.ok) return fail(form.status, { message: form.message });
		if (form.data.id === locals.who.staff?.id)
			return fail(400, { message: 'You cannot disable your own account.' });
		const { db } = app();
		const row = await db
			.selectFrom('staff')
			.select('disabled')
			.where('id', '=', form.data.id)
			.executeTakeFirst();
		if (!row) return fail(404, { message: 'That account no longer exists.' });
		const disabled = row.disabled ? 0 : 1;
		await db.updateTable('staff').set({ disabled }).where('id', '=', form.data.id).execute();
		if (disabled) await endAllSessionsOfStaff(db, form.data.id);
		await appendAudit(db, {
			actor: `staff:${locals.who.staff?.id}`,
			action: disabled ? 'staff.disabled' : 'staff.enabled',
			target: `staff:${form.data.id}`
		});
		return { ok: disabled ? 'Account disabled.' : 'Account enabled.' };
	},
	/**
	 * A forgotten password: a new one-time password, shown here once for the admin to hand over
	 * privately; every session of that account ends, and the reset is audited.
	 */
	reset: async ({ request, locals }) => {
		const form = await parseForm(request, ToggleSchema);
		if (!form.ok) return fail(form.status, { message: form.message });
		if (form.data.id === locals.who.staff?.id)
			return fail(400, { message: 'Change your own password on My account.' });
		const { db } = app();
		const row = await db
			.selectFrom('staff')
			.select(['email'])
			.where('id', '=', form.data.id)
			.executeTakeFirst();
		if (!row) return fail(404, { message: 'That account no longer exists.' });
		const password = randomBytes(9).toString('base64url');
		await db
			.updateTable('staff')
			.set({ password_hash: await hashSecret(password) })
			.where('id', '=', form.data.id)
			.execute();
		await endAllSessionsOfStaff(db, form.data.id);
		await appendAudit(db, {
			actor: `staff:${locals.who.staff?.id}`,
			action: 'staff.password-reset',
			target: `staff:${form.data.id}`
		});
		return { reset: { email: row.email, password } };
	}
} satisfies Actions;
