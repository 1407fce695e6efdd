import { error } from '@sveltejs/kit';
import { curriculum, loadLesson } from 'virtual:harbour-lessons';
import type { PageServerLoad } from './$types';

/** A lesson's plan for the teacher: notes, steps, scenarios, the talk-at-home card. */
export const load = (async ({ params }) => {
	const found = await loadLesson(params.lessonId);
	if (!found) error(404, 'There is no lesson with that name.');
	return {
		lesson: found.lesson,
		media: found.media,
		strands: curriculum.strands.filter((s) => found.lesson.strands.includes(s.id)).map((s) => s.name)
	};
}) satisfies PageServerLoad;
