import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { createClass, getClass, listClasses, regeneratePicturePassword } from '$lib/server/school/classes';
import { CLASS_PICTURES } from '$lib/classroom/pictures';
import { appendAudit } from '$lib/server/audit/audit-log';
import { parseForm } from '$lib/server/forms/parse-form';
import type { Actions, PageServerLoad } from './$types';

export const load = (async () => ({ classes: await listClasses(app().db) })) satisfies PageServerLoad;

const CreateSchema = v.object({
	name: v.pipe(v.string(), v.trim(), v.minLength(1, 'Give the class a name.'), v.maxLength(40)),
	yearGroup: v.pipe(
		v.string(),
		v.trim(),
		v.minLength(1, 'Give the year group, like Year 1.'),
		v.maxLength(40)
	),
	picture: v.picklist(CLASS_PICTURES, 'Choose a class picture.')
});

export const actions = {
	create: async ({ request, locals }) => {
		const form = await parseForm(request, CreateSchema);
		if (!form.ok) return fail(form.status, { message: form.message });
		const { db } = app();
		if ((await listClasses(db)).some((c) => c.name.toLowerCase() === form.data.name.toLowerCase())) {
			return fail(400, { message: 'There is already a class with that name.' });
		}
		const info = await createClass(db, form.data);
		await appendAudit(db, {
			actor: `staff:${locals.who.staff?.id}`,
			action: 'class.created',
			target: `class:${info.id}`
		});
		return { ok: `${info.name} is ready. Print its sign-in card next.` };
	},
	regenerate: async ({ request, locals }) => {
		const form = await parseForm(request, v.object({ id: v.string() }));
		if (!form.ok) return fail(form.status, { message: form.message });
		const { db } = app();
		const info = await getClass(db, form.data.id);
		if (!info) return fail(404, { message: 'That class no longer exists.' });
		await regeneratePicturePassword(db, info.id);
		await appendAudit(db, {
			actor: `staff:${locals.who.staff?.id}`,
			action: 'class.picture-password-changed',
			target: `class:${info.id}`
		});
		return { ok: `${info.name} has a new picture password. Print the new card.` };
	}
} satisfies Actions;
