import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { getClass } from '$lib/server/school/classes';
import { getSettings } from '$lib/server/school/settings';
import type { LayoutServerLoad } from './$types';

/** The class space: only for the class signed in on its own enrolled tablet. */
export const load = (async ({ locals }) => {
	const { device, classId } = locals.who;
	if (!device || classId !== device.classId) redirect(303, '/class/sign-in');
	const { db } = app();
	const info = await getClass(db, classId);
	if (!info) redirect(303, '/');
	const settings = await getSettings(db);
	return { info, idleSeconds: settings.kioskIdleSeconds, voiceMessages: settings.voiceMessages };
}) satisfies LayoutServerLoad;
