import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { getClass, getPicturePassword } from '$lib/server/school/classes';
import { getSettings } from '$lib/server/school/settings';
import {
	CLASS_DEVICE_LIMIT,
	attemptSucceeded,
	reserveAttempt,
	secondsToWait
} from '$lib/server/auth/rate-limit';
import { CLASS_COOKIE, createClassSession } from '$lib/server/auth/sessions';
import { setAuthCookie } from '$lib/server/auth/cookies';
import { appendAudit } from '$lib/server/audit/audit-log';
import { parseForm } from '$lib/server/forms/parse-form';
import { PASSWORD_TILES } from '$lib/classroom/pictures';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const device = locals.who.device!;
	if (locals.who.classId) redirect(303, '/class');
	const info = await getClass(app().db, device.classId);
	if (!info) redirect(303, '/');
	const { voiceMessages } = await getSettings(app().db);
	return {
		info,
		tiles: PASSWORD_TILES,
		wait: await secondsToWait(app().db, `class:${device.id}`),
		voiceMessages
	};
}) satisfies PageServerLoad;

const TilesSchema = v.object({
	tiles: v.pipe(
		v.string(),
		// Three tile names and two commas: anything longer is not a sign-in, whatever it holds.
		v.maxLength(200, 'Tap three pictures.'),
		v.transform((s) => s.split(',')),
		v.maxLength(3, 'Tap three pictures.'),
		v.array(v.picklist(PASSWORD_TILES, 'Unknown picture.')),
		v.length(3, 'Tap three pictures.')
	)
});

export const actions = {
	/** Wrong pictures slow the tablet down (2, 4, 8… seconds), never lock the class out. */
	default: async ({ request, locals, cookies, url }) => {
		const device = locals.who.device!;
		const form = await parseForm(request, TilesSchema);
		const { db, config } = app();
		if (!form.ok) {
			await appendAudit(db, {
				actor: `device:${device.id}`,
				action: 'class.sign-in-unreadable',
				target: `class:${device.classId}`
			});
			return fail(400, { wrong: true, wait: 0 });
		}
		const key = `class:${device.id}`;
		// Counted before the pictures are compared: a burst of guesses gets only a few looks.
		const reserved = await reserveAttempt(db, key, CLASS_DEVICE_LIMIT);
		if (!reserved.ok) return fail(429, { wrong: false, wait: reserved.waitSeconds });
		const expected = await getPicturePassword(db, device.classId);
		if (form.data.tiles.join(',') !== expected.join(',')) {
			const next = reserved.waitIfWrong;
			await appendAudit(db, {
				actor: `device:${device.id}`,
				action: 'class.sign-in-failed',
				target: `class:${device.classId}`
			});
			return fail(400, { wrong: true, wait: next });
		}
		await attemptSucceeded(db, key, CLASS_DEVICE_LIMIT);
		const session = await createClassSession(db, device.classId, device.id, config);
		setAuthCookie(cookies, url, CLASS_COOKIE, session.token, session.expires);
		await appendAudit(db, {
			actor: `device:${device.id}`,
			action: 'class.sign-in',
			target: `class:${device.classId}`
		});
		redirect(303, '/class');
	}
} satisfies Actions;
