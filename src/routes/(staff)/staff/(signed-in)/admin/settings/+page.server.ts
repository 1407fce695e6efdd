import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { app, runAlerts } from '$lib/server/app';
import {
	ChainStepSchema,
	ContactSchema,
	MAX_CHAIN_STEPS,
	SettingsSchema,
	getSettings,
	saveSettings,
	type ChainStep,
	type Contact
} from '$lib/server/school/settings';
import { chainOf } from '$lib/server/alerts/chain';
import { emailAlertHealth, retryEmailsNow } from '$lib/server/alerts/deliveries';
import { appendAudit } from '$lib/server/audit/audit-log';
import { auditHead, readAnchors, schoolAnchorPath } from '$lib/server/audit/anchor';
import { currentSchool } from '$lib/server/tenancy/context';
import { readFormBounded } from '$lib/server/http/bounded-body';
import type { Actions, PageServerLoad } from './$types';

const CONTACT_ROWS = 8;

export const load = (async () => {
	const { db, config } = app();
	const settings = await getSettings(db);
	return {
		settings,
		rows: CONTACT_ROWS,
		chain: chainOf(settings),
		chainRows: MAX_CHAIN_STEPS,
		email: { configured: config.smtp !== null, ...(await emailAlertHealth(db)) },
		audit: {
			head: await auditHead(db),
			anchors: readAnchors(schoolAnchorPath(config.auditAnchorPath, currentSchool())).length
		}
	};
}) satisfies PageServerLoad;

export const actions = {
	/** After the mail server is fixed: try every waiting email now rather than at its next turn. */
	retryEmail: async ({ locals }) => {
		const { db } = app();
		const due = await retryEmailsNow(db);
		await appendAudit(db, {
			actor: `staff:${locals.who.staff?.id}`,
			action: 'alerts.email-retried',
			target: 'school',
			detail: { emails: due }
		});
		await runAlerts().catch(() => undefined);
		const health = await emailAlertHealth(db);
		return health.waiting
			? { message: `Tried again: ${health.waiting} still waiting (${health.failing ?? 'not sent yet'}).` }
			: { ok: 'Tried again: every email alert has been sent.' };
	},
	save: async ({ request, locals }) => {
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
		const chain: ChainStep[] = [];
		for (let i = 0; i < MAX_CHAIN_STEPS; i++) {
			const role = text(`step${i}.role`);
			if (!role) continue;
			const minutes = text(`step${i}.minutes`).trim();
			const parsed = v.safeParse(
				ChainStepSchema,
				{ role, afterMinutes: minutes === '' ? 0 : Number(minutes) },
				{ abortEarly: true }
			);
			if (!parsed.success) return fail(400, { message: `Alert step ${i + 1}: ${parsed.issues[0].message}` });
			chain.push(parsed.output);
		}
		if (chain.length === 0)
			return fail(400, { message: 'The alert chain needs at least one step: choose who is told first.' });
		chain.sort((a, b) => a.afterMinutes - b.afterMinutes);
		const { db } = app();
		const current = await getSettings(db);
		// The urgent banner follows the chain's first later step (alerts/chain.ts).
		const later = chain.find((s) => s.afterMinutes > 0)?.afterMinutes;
		const parsed = v.safeParse(
			SettingsSchema,
			{
				schoolName: text('schoolName'),
				kioskIdleSeconds: Number(text('kioskIdleSeconds')),
				alertEscalationMinutes: later ?? current.alertEscalationMinutes,
				alertChain: chain,
				alertEmail: text('alertEmail') === 'on',
				alertPush: text('alertPush') === 'on',
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
		await saveSettings(db, parsed.output);
		await appendAudit(db, {
			actor: `staff:${locals.who.staff?.id}`,
			action: 'settings.changed',
			target: 'school'
		});
		return { ok: 'Settings saved.' };
	}
} satisfies Actions;
