import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { appendAudit } from '$lib/server/audit/audit-log';
import { parseForm } from '$lib/server/forms/parse-form';
import { withSchool } from '$lib/server/tenancy/context';
import { addSchool, NewSchoolSchema, SchoolRefused } from '$lib/server/tenancy/schools';
import { trustOf } from '$lib/server/trust/trust-scope';
import { setTrustRole, trustPeople, TrustRoleRefused } from '$lib/server/trust/trust-roles';
import { EmailSchema } from '$lib/server/forms/fields';
import { TRUST_ROLES } from '$lib/staff/roles';
import type { Actions, PageServerLoad } from './$types';

/** The trust's schools and their addresses; the trust admin adds a school here. */
export const load = (async ({ locals }) => {
	const { db, config, schools } = app();
	const trust = await trustOf(db, locals.school);
	return {
		trustName: trust.name,
		schools: trust.schools.map((s) => ({
			id: s.id,
			name: s.name,
			address: schools.originOf(s, config.origin)
		})),
		people: await trustPeople(db, trust)
	};
}) satisfies PageServerLoad;

const AddSchoolForm = v.pick(NewSchoolSchema, ['slug', 'name']);

const TrustRoleForm = v.object({
	schoolId: v.pipe(v.string(), v.maxLength(64)),
	email: EmailSchema,
	trustRole: v.picklist([...TRUST_ROLES, 'none'], 'Choose a trust role, or none.')
});

export const actions = {
	add: async ({ request, locals }) => {
		const form = await parseForm(request, AddSchoolForm);
		if (!form.ok) return fail(form.status, { message: form.message });
		const { db, engine, config, schools } = app();
		const trust = await trustOf(db, locals.school);
		const staff = locals.who.staff!;
		let added;
		try {
			added = await addSchool(db, engine, { ...form.data, trustId: trust.id });
		} catch (e) {
			if (e instanceof SchoolRefused) return fail(400, { message: e.message });
			throw e;
		}
		schools.forget();
		// Both chains say it: the school that added it, and the new school's own first entry.
		const entry = { actor: `staff:${staff.id}`, action: 'school.added', target: `school:${added.id}` };
		await appendAudit(db, entry);
		await withSchool(added.id, () => appendAudit(db, entry));
		return {
			added: {
				name: added.name,
				address: schools.originOf(added, config.origin),
				setupCode: added.setupCode
			}
		};
	},
	role: async ({ request, locals }) => {
		const form = await parseForm(request, TrustRoleForm);
		if (!form.ok) return fail(form.status, { roleMessage: form.message });
		const { db } = app();
		const trust = await trustOf(db, locals.school);
		const { trustRole, ...rest } = form.data;
		try {
			await setTrustRole(db, trust, {
				...rest,
				trustRole: trustRole === 'none' ? null : trustRole,
				actor: `staff:${locals.who.staff!.id}`
			});
		} catch (e) {
			if (e instanceof TrustRoleRefused) return fail(400, { roleMessage: e.message });
			throw e;
		}
		return { roleSaved: true };
	}
} satisfies Actions;
