/**
 * Lessons as the app receives them from the build (tooling/compile-lessons.ts): checked, with
 * every picture and clip named by its media key (a path under lessons/, e.g.
 * `cast/people/sam-happy.svg`), which `virtual:harbour-lesson/<id>` maps to a precached URL.
 */
import type { HalfTerm, Year } from '../content/curriculum-schema';
import type { StepKind } from '../content/lesson-schema';

export interface CompiledPicture {
	place?: string;
	people?: { who: string; mood: string; src: string }[];
	thing?: string;
	file?: string;
	alt: string;
}

interface Spoken {
	narration: string;
	caption?: string;
	/** A recorded clip that plays instead of the synthetic voice. */
	audio?: string;
}

export interface CompiledScene extends Spoken {
	picture: CompiledPicture;
	choices?: { label: string; to: string; picture: CompiledPicture }[];
	next?: string;
	ending: boolean;
}

export interface CompiledAnswer {
	label: string;
	right: boolean;
	feedback: string;
	picture: CompiledPicture;
}

export type CompiledStep =
	| ({ kind: 'story'; id: string; picture: CompiledPicture } & Spoken)
	| { kind: 'scenario'; id: string; start: string; scenes: Record<string, CompiledScene> }
	| ({ kind: 'quiz'; id: string; picture?: CompiledPicture; answers: CompiledAnswer[] } & Spoken)
	| ({
			kind: 'game';
			id: string;
			game: string;
			level: Year;
			/** The items the lesson chose (the level's own set when absent). */
			items?: string[];
			picture?: CompiledPicture;
	  } & Spoken)
	| ({ kind: 'practice'; id: string; picture: CompiledPicture; praise: string } & Spoken)
	| ({ kind: 'recap'; id: string; picture: CompiledPicture } & Spoken);

export interface CompiledLesson {
	id: string;
	title: string;
	year: Year;
	halfTerm: HalfTerm;
	strands: string[];
	minutes: number;
	cover: CompiledPicture;
	objectives: string[];
	teacherNotes: {
		introduction: string;
		questions: string[];
		vocabulary: { word: string; meaning: string }[];
		watchFor: string;
		policy?: string;
	};
	talkAtHome: { sentences: string[]; picture: CompiledPicture };
	steps: CompiledStep[];
}

/** What the menus need: no steps, so the catalogue stays small. */
export interface LessonSummary {
	id: string;
	title: string;
	year: Year;
	halfTerm: HalfTerm;
	strands: string[];
	minutes: number;
	cover: CompiledPicture;
	objectives: string[];
	stepKinds: StepKind[];
}

export interface CompiledCurriculum {
	strands: { id: string; name: string; childName: string; picture: CompiledPicture }[];
	years: Record<Year, Record<HalfTerm, string[]>>;
}

/** Media keys to URLs (hashed, precached files in the build). */
export type MediaUrls = Record<string, string>;
