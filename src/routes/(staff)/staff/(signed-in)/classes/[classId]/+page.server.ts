import { error, fail } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { getClass } from '$lib/server/school/classes';
import { listDevices } from '$lib/server/school/devices-admin';
import { createEnrolCode } from '$lib/server/auth/devices';
import { recentClassEvents } from '$lib/server/events/ingest';
import { appendAudit } from '$lib/server/audit/audit-log';
import { classLessonProgress } from '$lib/server/lessons/progress';
import { catalogue } from 'virtual:harbour-lessons';
import { lessonYearOf } from '$lib/content/curriculum-schema';
import type { Actions, PageServerLoad } from './$types';

/** The class's year's lessons (and any other it has played), with when each was last played. */
async function lessonsWithProgress(db: ReturnType<typeof app>['db'], classId: string, yearGroup: string) {
	const progress = await classLessonProgress(db, classId);
	const year = lessonYearOf(yearGroup);
	return catalogue
		.filter((l) => l.year === year || progress.some((p) => p.lessonId === l.id))
		.map((l) => {
			const p = progress.find((x) => x.lessonId === l.id);
			return {
				id: l.id,
				title: l.title,
				halfTerm: l.halfTerm,
				lastPlayedAt: p?.lastPlayedAt ?? null,
				tabletsFinished: p?.tabletsFinished ?? 0
			};
		});
}

export const load = (async ({ params }) => {
	const { db } = app();
	const info = await getClass(db, params.classId);
	if (!info) error(404, 'There is no such class.');
	return {
		info,
		devices: (await listDevices(db, info.id)).filter((d) => !d.revokedAt),
		events: await recentClassEvents(db, info.id),
		lessons: await lessonsWithProgress(db, info.id, info.yearGroup)
	};
}) satisfies PageServerLoad;

export const actions = {
	/** A short code that enrols one tablet to this class within 15 minutes. */
	code: async ({ params, locals }) => {
		const { db } = app();
		const staff = locals.who.staff;
		if (!staff) return fail(401, { message: 'Please sign in again.' });
		if (!(await getClass(db, params.classId))) return fail(404, { message: 'There is no such class.' });
		const { code, expires } = await createEnrolCode(db, params.classId, staff.id);
		await appendAudit(db, {
			actor: `staff:${staff.id}`,
			action: 'device.code-created',
			target: `class:${params.classId}`
		});
		return { code, expires: expires.toISOString() };
	}
} satisfies Actions;
