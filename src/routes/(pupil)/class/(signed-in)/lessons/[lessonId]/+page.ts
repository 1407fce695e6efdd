import { error } from '@sveltejs/kit';
import { loadLesson } from 'virtual:harbour-lessons';
import type { PageLoad } from './$types';

/** The lesson's own chunk (precached): opening a lesson needs no server, so it works offline. */
export const load = (async ({ params }) => {
	const found = await loadLesson(params.lessonId);
	if (!found) error(404, 'There is no lesson with that name.');
	return { lesson: found.lesson, media: found.media };
}) satisfies PageLoad;
