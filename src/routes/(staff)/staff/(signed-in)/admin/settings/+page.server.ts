import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import {
	ContactSchema,
	SettingsSchema,
	getSettings,
	saveSettings,
	type Contact
} from '$lib/server/school/settings';
import { appendAudit } from '$lib/server/audit/audit-log';
import { auditHead, readAnchors } from '$lib/server/audit/anchor';
import { readFormBounded } from '$lib/server/http/bounded-body';
import type { Actions, PageServerLoad } from './$types';

const CONTACT_ROWS = 8;

export const load = (async () => {
	const { db, config } = app();
	return {
		settings: await getSettings(db),
		rows: CONTACT_ROWS,
		audit: { head: await auditHead(db), anchors: readAnchors(config.auditAnchorPath).length }
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals }) => {
		const read = await readFormBounded(request);
		if (!read.ok) return fail(read.status, { message: read.message });
		const form = read.form;
		const text = (k: string) => String(form.get(k) ?? '');
		const contacts: Contact[] = [];
		for (let i = 0; i < CONTACT_ROWS; i++) {
			const row = {
				name: text(`c${i}.name`),
				kind: text(`c${i}.kind`),
				phone: text(`c${i}.phone`),
				url: text(`c${i}.url`)
			};
			if (!row.name.trim() && !row.phone.trim() && !row.url.trim()) continue;
			const parsed = v.safeParse(ContactSchema, row, { abortEarly: true });
			if (!parsed.success) return fail(400, { message: `Contact ${i + 1}: ${parsed.issues[0].message}` });
			contacts.push(parsed.output);
		}
		const parsed = v.safeParse(
			SettingsSchema,
			{
				schoolName: text('schoolName'),
				kioskIdleSeconds: Number(text('kioskIdleSeconds')),
				alertEscalationMinutes: Number(text('alertEscalationMinutes')),
				attachmentRetentionDays: Number(text('attachmentRetentionDays')),
				voiceMessages: text('voiceMessages') === 'on',
				searchLogRetentionDays: text('searchLogRetentionDays')
					? Number(text('searchLogRetentionDays'))
					: undefined,
				contacts
			},
			{ abortEarly: true }
		);
		if (!parsed.success) return fail(400, { message: parsed.issues[0].message });
		const { db } = app();
		await saveSettings(db, parsed.output);
		await appendAudit(db, {
			actor: `staff:${locals.who.staff?.id}`,
			action: 'settings.changed',
			target: 'school'
		});
		return { ok: 'Settings saved.' };
	}
} satisfies Actions;
