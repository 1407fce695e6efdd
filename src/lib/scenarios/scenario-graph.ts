/**
 * A scenario as the app plays it: scenes, each with the scenes its choices lead to (a `next:`
 * arrow is one choice) or marked as an ending. This is the shape `npm run curriculum` prints.
 */
import type { ScenarioStep } from '../content/lesson-schema';

export interface ScenarioGraph {
	start: string;
	scenes: Record<string, { choices: { to: string }[]; ending: boolean }>;
}

export function graphOf(step: Pick<ScenarioStep, 'start' | 'scenes'>): ScenarioGraph {
	const scenes: ScenarioGraph['scenes'] = {};
	for (const [id, scene] of Object.entries(step.scenes)) {
		const choices = scene.choices?.map((c) => ({ to: c.to })) ?? (scene.next ? [{ to: scene.next }] : []);
		scenes[id] = { choices, ending: scene.ending === true };
	}
	return { start: step.start, scenes };
}
