/**
 * Assemblies as the app receives them from the build (tooling/compile-assemblies.ts): checked,
 * with every slide in one flat list (each choice's branch right after its choice slide) and the
 * way on from each slide worked out, so the player only follows numbers.
 */
import type { HalfTerm } from '../content/curriculum-schema';
import type { Occasion } from '../content/assembly-schema';
import type { CompiledPicture } from '../lessons/compiled';

export type SlideKind = 'slide' | 'choice' | 'thumbs';

export interface CompiledSlide {
	id: string;
	kind: SlideKind;
	/** Shown very large on the big screen. */
	words: string;
	picture?: CompiledPicture;
	/** Spoken by the voice when the presenter asks, and shown in the presenter's notes. */
	narration: string;
	/** For the presenter only: a question to ask, an action to do. */
	notes?: string;
	/** On a choice slide: each choice and the index of its branch's first slide. */
	choices?: { label: string; picture: CompiledPicture; to: number }[];
	/** The slide → goes to (a choice slide: its first choice's branch); null on the last slide. */
	next: number | null;
	/** The slide ← goes to when there is no path to retrace; null on the first slide. */
	prev: number | null;
	/** On a branch slide: the index of its choice slide and which choice (0-based). */
	branch?: { of: number; choice: number };
}

export interface CompiledAssembly {
	id: string;
	title: string;
	halfTerm: HalfTerm;
	occasion?: Occasion;
	minutes: number;
	/** The lessons it goes over again, with their titles, in teaching order. */
	reinforces: { id: string; title: string; year: string }[];
	slides: CompiledSlide[];
}
