/**
 * The state of one lesson being played on a tablet (or previewed by a teacher): where the class
 * is, what to say, and what to record. The moves themselves are plain functions (lesson-flow.ts);
 * this class holds the position as `$state.raw`, saves it so a reload or a flat battery resumes
 * at the same page, and hands each progress event to `record` (the outbox; nothing in a preview).
 * In a lesson led from the board, the tablet's player `follow`s the teacher's position (its own
 * arrows are hidden) and a scenario choice becomes a vote; the board's own player reports each
 * move through `onMove` so it can be published to the tablets.
 */
import type { CompiledLesson, CompiledPicture, MediaUrls } from './compiled';
import {
	answer,
	back,
	canBack,
	canForward,
	choose,
	forward,
	restorePosition,
	sceneOf,
	startPosition,
	tick,
	type Move,
	type Position
} from './lesson-flow';
import { LESSON_EVENT, type LessonEvent } from './lesson-events';

export interface PlayerOptions {
	/** Records a progress event (the outbox); left out in a teacher's preview. */
	record?: (event: LessonEvent) => void;
	/** Where to keep the position between visits (localStorage); left out in a preview. */
	storageKey?: string;
	/** After each move the player makes itself (the board publishes it to the class's tablets). */
	onMove?: (pos: Position) => void;
	/** Where to begin instead of the start or a saved page (the board reopened mid-lesson). */
	startAt?: FollowedPosition;
	/** While following the board, a scenario choice is sent as a vote instead of moving. */
	vote?: (choice: number) => void;
}

/** Where the board is: what a tablet following it is given. */
export interface FollowedPosition {
	step: number;
	scenes: string[];
	finished: boolean;
}

/** What a page says and shows: its words, optional shorter caption, optional recorded clip. */
export interface PageWords {
	narration: string;
	caption: string;
	clip?: string;
	picture?: CompiledPicture;
}

/** Until the games issue builds them, a game step says so, kindly. */
export const GAME_COMING = 'On a class tablet, the children play this game here.';

export class LessonPlayer {
	pos = $state.raw<Position>({ step: 0, scenes: [], answer: null, ticked: [], finished: false });
	/** Following the teacher's board: the tablet does not move by itself. */
	following = $state(false);
	/** The choice this tablet voted for in the scene showing (while following). */
	voted = $state<number | null>(null);

	constructor(
		readonly lesson: CompiledLesson,
		readonly media: MediaUrls,
		private readonly options: PlayerOptions = {}
	) {
		this.pos = startPosition(lesson);
	}

	/** Resumes a saved position, or starts the lesson (recording that it started). */
	begin(): void {
		if (this.following) return;
		const at = this.options.startAt;
		const saved = at ? restorePosition(this.lesson, { ...at, answer: null, ticked: [] }) : this.#load();
		if (saved && !saved.finished) {
			this.pos = saved;
			return;
		}
		this.pos = startPosition(this.lesson);
		this.#emit([
			{ kind: LESSON_EVENT.started, payload: { lesson: this.lesson.id } },
			{
				kind: LESSON_EVENT.step,
				payload: { lesson: this.lesson.id, step: this.lesson.steps[0]!.id, index: 0 }
			}
		]);
		this.#save();
	}

	get step() {
		return this.lesson.steps[this.pos.step]!;
	}
	get scene() {
		return sceneOf(this.lesson, this.pos);
	}
	get canForward(): boolean {
		return canForward(this.lesson, this.pos);
	}
	get canBack(): boolean {
		return canBack(this.pos);
	}
	/** A stable key for the page showing: changes whenever there is something new to say. */
	get pageKey(): string {
		return `${this.pos.step}:${this.pos.scenes.join('/')}:${this.pos.finished}`;
	}

	/** The words of the page showing now. */
	get words(): PageWords {
		const scene = this.scene;
		const src = scene
			? { ...scene.scene, kind: 'scene' as const }
			: this.step.kind === 'scenario'
				? null
				: this.step;
		if (!src) return { narration: '', caption: '' };
		const coming = src.kind === 'game' ? ` ${GAME_COMING}` : '';
		return {
			narration: src.narration + coming,
			caption: (src.caption ?? src.narration) + coming,
			clip: src.audio ? this.media[src.audio] : undefined,
			picture: src.picture
		};
	}

	url(key: string | undefined): string | undefined {
		return key === undefined ? undefined : this.media[key];
	}

	forward(): void {
		if (this.following) return;
		this.#apply(forward(this.lesson, this.pos));
	}
	back(): void {
		if (this.following) return;
		this.#apply(back(this.lesson, this.pos));
	}
	choose(choice: number): void {
		if (this.following) {
			this.voted = choice;
			this.options.vote?.(choice);
			return;
		}
		this.#apply(choose(this.lesson, this.pos, choice));
	}

	/**
	 * Goes where the teacher's board is (a tablet that joins late joins at the board's step). The
	 * same page keeps the child's quiz answer and ticks; a new page records its progress event.
	 */
	follow(to: FollowedPosition): void {
		const p = restorePosition(this.lesson, { ...to, answer: null, ticked: [] });
		if (!p) return;
		const wasFollowing = this.following;
		this.following = true;
		const now = this.pos;
		if (wasFollowing && p.step === now.step && p.finished === now.finished && p.scenes.join('/') === now.scenes.join('/'))
			return;
		const events: LessonEvent[] = [];
		if (p.finished && !now.finished) events.push({ kind: LESSON_EVENT.finished, payload: { lesson: this.lesson.id } });
		else if (p.step !== now.step || !wasFollowing)
			events.push({
				kind: LESSON_EVENT.step,
				payload: { lesson: this.lesson.id, step: this.lesson.steps[p.step]!.id, index: p.step }
			});
		this.voted = null;
		this.pos = p.step === now.step ? { ...p, answer: now.answer, ticked: now.ticked } : p;
		this.#save();
		this.#emit(events);
	}
	answer(index: number): void {
		this.#apply(answer(this.lesson, this.pos, index));
	}
	tick(objective: number): void {
		this.pos = tick(this.pos, objective);
		this.#save();
	}
	/** Plays the lesson again from the start (after finishing it). */
	restart(): void {
		this.pos = { ...this.pos, finished: true };
		this.#save();
		this.begin();
	}

	#apply(move: Move): void {
		if (move.pos === this.pos) return;
		this.pos = move.pos;
		this.#save();
		this.#emit(move.events);
		this.options.onMove?.(this.pos);
	}

	#emit(events: LessonEvent[]): void {
		for (const e of events) this.options.record?.(e);
	}

	#save(): void {
		if (!this.options.storageKey) return;
		try {
			localStorage.setItem(this.options.storageKey, JSON.stringify(this.pos));
		} catch {
			// Storage full or unavailable: the lesson still plays, it just will not resume.
		}
	}

	#load(): Position | null {
		if (!this.options.storageKey) return null;
		try {
			return restorePosition(
				this.lesson,
				JSON.parse(localStorage.getItem(this.options.storageKey) ?? 'null')
			);
		} catch {
			return null;
		}
	}
}
