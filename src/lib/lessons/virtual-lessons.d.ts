declare module 'virtual:harbour-lessons' {
	import type { CompiledCurriculum, CompiledLesson, LessonSummary, MediaUrls } from '$lib/lessons/compiled';
	/** Every lesson, in teaching order, without its steps (for menus). */
	export const catalogue: LessonSummary[];
	export const curriculum: CompiledCurriculum;
	/** URLs of the catalogue's pictures (covers, strands). */
	export const media: MediaUrls;
	/** One lesson's own chunk: its content and the URLs of its pictures and clips; null if unknown. */
	export function loadLesson(id: string): Promise<{ lesson: CompiledLesson; media: MediaUrls } | null>;
}
