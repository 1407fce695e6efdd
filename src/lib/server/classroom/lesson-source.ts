/** The compiled lessons, as the launch module reads them in the running app (the build's catalogue). */
import { loadLesson } from 'virtual:harbour-lessons';
import { app } from '../app';
import type { LaunchContext, LessonSource } from './launches';

export const appLessons: LessonSource = async (id) => (await loadLesson(id))?.lesson ?? null;

export function launchContext(): LaunchContext {
	const { db, live } = app();
	return { db, live, lessons: appLessons };
}
