/**
 * Which picture (a file in static/pictures/, named without .svg) shows a topic button or a
 * search result. Children who cannot read choose by picture, so every topic and every subject
 * has one; the build checks the files exist (tooling/vite-plugin-safe-search.ts).
 *
 * Browser-safe: no Node-only imports.
 */
import type { SUBJECTS } from './lists-schema';

type Subject = (typeof SUBJECTS)[number];

/** Topics drawn by an existing picture. Any other topic uses static/pictures/topic-<id>.svg. */
const TOPIC_PICTURES: Readonly<Record<string, string>> = {
	sea: 'fish',
	bugs: 'ladybird',
	plants: 'flower',
	stories: 'book',
	music: 'drum'
};

export function topicPicture(topicId: string): string {
	return TOPIC_PICTURES[topicId] ?? `topic-${topicId}`;
}

/** A site's card shows the picture of its first subject. */
export const SUBJECT_PICTURES: Readonly<Record<Subject, string>> = {
	animals: 'topic-animals',
	art: 'topic-art',
	bugs: 'ladybird',
	computing: 'tablet',
	dinosaurs: 'topic-dinosaurs',
	games: 'star',
	geography: 'boat',
	health: 'heart',
	history: 'book',
	maths: 'topic-shapes',
	music: 'drum',
	nature: 'tree',
	'online-safety': 'topic-staying-safe-online',
	reading: 'book',
	science: 'moon',
	sea: 'fish',
	space: 'topic-space',
	stories: 'book',
	weather: 'topic-weather',
	wellbeing: 'heart',
	writing: 'charter'
};

export function sitePicture(subjects: readonly Subject[]): string {
	const first = subjects[0];
	return first === undefined ? 'star' : SUBJECT_PICTURES[first];
}
