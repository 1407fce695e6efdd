/**
 * The class's "lesson now", as the server sends it to the class tablets and staff screens: the
 * lesson the teacher launched, how (each tablet at its own pace, or following the board), where
 * the board is, whether the class is paused, and whether it has ended. `version` rises on every
 * change, so an older state never replaces a newer one.
 */
export type LaunchMode = 'tablets' | 'board';

export interface BoardPosition {
	step: number;
	/** The scenes the board has been through in the current scenario step, the current one last. */
	scenes: string[];
	finished: boolean;
}

export interface ClassNowState {
	launchId: string;
	lessonId: string;
	mode: LaunchMode;
	position: BoardPosition;
	paused: boolean;
	ended: boolean;
	version: number;
}

/** What a tablet's choice in a scene is counted under. */
export const sceneKey = (step: number, scene: string) => `${step}:${scene}`;

/** The live event on topic `class:<id>`. */
export interface ClassNowEvent {
	type: 'class.now';
	state: ClassNowState;
}

/** How many tablets are on a running launch, and on which step. */
export interface TabletsOn {
	/** Tablets heard from lately. */
	total: number;
	/** How many of them are on each step (index = step). */
	byStep: number[];
	finished: number;
}

/** What the teacher's screens show of the class's lesson now. */
export interface LaunchView {
	state: ClassNowState | null;
	lessonTitle: string | null;
	/** Step kinds, for the bar labels. */
	steps: string[];
	tablets: TabletsOn | null;
	/** Led from the board, in a scene with choices: how the tablets chose (totals only, never who). */
	split: { key: string; labels: string[]; counts: number[] } | null;
}
