import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { listDevices } from '$lib/server/school/devices-admin';
import { revokeDevice } from '$lib/server/auth/devices';
import { appendAudit } from '$lib/server/audit/audit-log';
import { parseForm } from '$lib/server/forms/parse-form';
import type { Actions, PageServerLoad } from './$types';

export const load = (async () => ({ devices: await listDevices(app().db, null) })) satisfies PageServerLoad;

export const actions = {
	/** Revoking ends the tablet's class sign-in at once; it must be set up again to be used. */
	revoke: async ({ request, locals }) => {
		const form = await parseForm(request, v.object({ id: v.string() }));
		if (!form.ok) return fail(form.status, { message: form.message });
		const { db } = app();
		if (!(await revokeDevice(db, form.data.id)))
			return fail(404, { message: 'That tablet is already removed.' });
		await appendAudit(db, {
			actor: `staff:${locals.who.staff?.id}`,
			action: 'device.revoked',
			target: `device:${form.data.id}`
		});
		return { ok: 'Tablet removed. It will need setting up again.' };
	}
} satisfies Actions;
