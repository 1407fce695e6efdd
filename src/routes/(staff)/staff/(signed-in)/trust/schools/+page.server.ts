import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { appendAudit } from '$lib/server/audit/audit-log';
import { parseForm } from '$lib/server/forms/parse-form';
import { withSchool } from '$lib/server/tenancy/context';
import { addSchool, NewSchoolSchema, SchoolRefused } from '$lib/server/tenancy/schools';
import { trustOf } from '$lib/server/trust/trust-scope';
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
		}))
	};
}) satisfies PageServerLoad;

const AddSchoolForm = v.pick(NewSchoolSchema, ['slug', 'name']);

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
	}
} satisfies Actions;
