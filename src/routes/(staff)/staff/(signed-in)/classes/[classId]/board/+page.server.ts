import { error } from '@sveltejs/kit';
import { loadLesson } from 'virtual:harbour-lessons';
import { app } from '$lib/server/app';
import { getClass } from '$lib/server/school/classes';
import { launchContext } from '$lib/server/classroom/lesson-source';
import { launchView } from '$lib/server/classroom/launch-view';
import type { PageServerLoad } from './$types';

/** The board: the lesson led from the front, big, where every move goes to the class's tablets. */
export const load = (async ({ params }) => {
	const info = await getClass(app().db, params.classId);
	if (!info) error(404, 'There is no such class.');
	const view = await launchView(launchContext(), info.id);
	const state = view.state;
	const found = state && !state.ended && state.mode === 'board' ? await loadLesson(state.lessonId) : null;
	return { info, view, lesson: found?.lesson ?? null, media: found?.media ?? {} };
}) satisfies PageServerLoad;
