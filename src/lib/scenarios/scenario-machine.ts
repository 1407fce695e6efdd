/**
 * A scenario as an XState machine: one state per scene, one event per choice (`choice-0`,
 * `choice-1`, …; a `next:` arrow is `choice-0`), endings are final states. The build proves this
 * machine (prove-scenario.ts); the choice events are the same indexes the player's buttons use.
 */
import { createMachine, type AnyStateMachine } from 'xstate';
import type { ScenarioGraph } from './scenario-graph';

export const choiceEvent = (index: number) => `choice-${index}` as const;

/** Every `to` must name a scene (check with `danglingChoices` first): XState refuses unknown targets. */
export function scenarioMachine(id: string, graph: ScenarioGraph): AnyStateMachine {
	const states: Record<string, object> = {};
	for (const [scene, s] of Object.entries(graph.scenes)) {
		states[scene] = s.ending
			? { type: 'final' }
			: { on: Object.fromEntries(s.choices.map((c, i) => [choiceEvent(i), { target: c.to }])) };
	}
	return createMachine({ id, initial: graph.start, states });
}
