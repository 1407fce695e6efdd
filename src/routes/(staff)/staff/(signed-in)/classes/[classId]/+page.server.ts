import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { getClass } from '$lib/server/school/classes';
import { listDevices } from '$lib/server/school/devices-admin';
import { createEnrolCode } from '$lib/server/auth/devices';
import { recentClassEvents } from '$lib/server/events/ingest';
import { appendAudit } from '$lib/server/audit/audit-log';
import { classLessonProgress } from '$lib/server/lessons/progress';
import { catalogue, curriculum } from 'virtual:harbour-lessons';
import { HALF_TERMS, lessonYearOf } from '$lib/content/curriculum-schema';
import { parseForm } from '$lib/server/forms/parse-form';
import { lastLaunched } from '$lib/server/classroom/launches';
import { launchContext } from '$lib/server/classroom/lesson-source';
import { runCommand } from '$lib/server/classroom/commands';
import { launchView } from '$lib/server/classroom/launch-view';
import type { Actions, PageServerLoad } from './$types';

/**
 * The class's programme for the year in half-term order (and any other lesson it has played),
 * with when each was last launched and last played, and how many tablets finished it.
 */
async function lessonsWithProgress(db: ReturnType<typeof app>['db'], classId: string, yearGroup: string) {
	const progress = await classLessonProgress(db, classId);
	const launched = await lastLaunched(db, classId);
	const year = lessonYearOf(yearGroup);
	const planned = year ? HALF_TERMS.flatMap((h) => curriculum.years[year][h]) : [];
	const order = (id: string) => (planned.includes(id) ? planned.indexOf(id) : planned.length);
	return catalogue
		.filter((l) => l.year === year || progress.some((p) => p.lessonId === l.id))
		.map((l, i) => ({ l, i }))
		.sort((a, b) => order(a.l.id) - order(b.l.id) || a.i - b.i)
		.map(({ l }) => {
			const p = progress.find((x) => x.lessonId === l.id);
			return {
				id: l.id,
				title: l.title,
				halfTerm: l.halfTerm,
				lastPlayedAt: p?.lastPlayedAt ?? null,
				tabletsFinished: p?.tabletsFinished ?? 0,
				lastLaunchedAt: launched.get(l.id) ?? null
			};
		});
}

const LaunchForm = v.object({
	lessonId: v.pipe(v.string('Choose a lesson.'), v.minLength(1, 'Choose a lesson.'), v.maxLength(100)),
	mode: v.picklist(['tablets', 'board'], 'Choose “Play on tablets” or “Lead from the board”.')
});

export const load = (async ({ params }) => {
	const { db } = app();
	const info = await getClass(db, params.classId);
	if (!info) error(404, 'There is no such class.');
	return {
		info,
		devices: (await listDevices(db, info.id)).filter((d) => !d.revokedAt),
		events: await recentClassEvents(db, info.id),
		lessons: await lessonsWithProgress(db, info.id, info.yearGroup),
		launch: await launchView(launchContext(), info.id)
	};
}) satisfies PageServerLoad;

export const actions = {
	/** Launch to class: every class tablet opens the lesson (on their own, or following the board). */
	launch: async ({ params, locals, request }) => {
		const staff = locals.who.staff;
		if (!staff) return fail(401, { message: 'Please sign in again.' });
		const form = await parseForm(request, LaunchForm);
		if (!form.ok) return fail(form.status, { message: form.message });
		const result = await runCommand(launchContext(), staff.id, params.classId, {
			action: 'launch',
			...form.data
		});
		if (!result.ok) return fail(result.status, { message: result.message });
		if (result.state.mode === 'board') redirect(303, `/staff/classes/${params.classId}/board`);
		return { launched: result.state.launchId };
	},
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
