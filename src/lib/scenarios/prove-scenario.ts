/**
 * Proves a scenario sound before it reaches a child: it is turned into an XState machine and
 * walked with XState's graph utilities (states serialised by their value only). Every scene must
 * be reachable from the start, every choice must lead to a scene, every scene must have a way on,
 * and no loop may trap a child away from an ending. Each problem names the scene to fix.
 */
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import type { AnyMachineSnapshot } from 'xstate';
import type { ScenarioGraph } from './scenario-graph';
import { choiceEvent, scenarioMachine } from './scenario-machine';

export interface ScenarioProblem {
	/** The scene at fault. */
	scene: string;
	/** The choice at fault, when it is one choice. */
	choice?: number;
	/** What is wrong and how to fix it. */
	message: string;
}

export type ScenarioProof =
	{ ok: true; endings: string[]; paths: ScenarioPath[] } | { ok: false; problem: ScenarioProblem };

/** A way through: the choice indexes to press, from the start, and the ending reached. */
export interface ScenarioPath {
	ending: string;
	choices: number[];
}

const quote = (s: string) => `“${s}”`;
const valueOf = (s: AnyMachineSnapshot) => String(s.value);
const traversal = (graph: ScenarioGraph) => ({
	serializeState: (s: AnyMachineSnapshot) => JSON.stringify(s.value),
	events: (s: AnyMachineSnapshot) =>
		(graph.scenes[valueOf(s)]?.choices ?? []).map((_, i) => ({ type: choiceEvent(i) }))
});

export function proveScenario(graph: ScenarioGraph): ScenarioProof {
	const names = Object.keys(graph.scenes);
	const list = names.map(quote).join(', ');
	if (!(graph.start in graph.scenes)) {
		return {
			ok: false,
			problem: {
				scene: graph.start,
				message: `start names ${quote(graph.start)}, which is not a scene of this scenario. Use one of: ${list}.`
			}
		};
	}
	for (const [scene, s] of Object.entries(graph.scenes)) {
		const i = s.choices.findIndex((c) => !(c.to in graph.scenes));
		if (i !== -1) {
			return {
				ok: false,
				problem: {
					scene,
					choice: i,
					message: `scene ${quote(scene)} leads to ${quote(s.choices[i]!.to)}, which is not a scene of this scenario. Use one of: ${list}.`
				}
			};
		}
	}

	const machine = scenarioMachine('scenario', graph);
	const adjacency = getAdjacencyMap(machine, traversal(graph));
	const edges = new Map<string, string[]>();
	for (const { state, transitions } of Object.values(adjacency)) {
		edges.set(
			valueOf(state),
			Object.values(transitions).map((t) => valueOf((t as { state: AnyMachineSnapshot }).state))
		);
	}

	const unreachable = names.find((n) => !edges.has(n));
	if (unreachable !== undefined) {
		return {
			ok: false,
			problem: {
				scene: unreachable,
				message: `scene ${quote(unreachable)} cannot be reached from the start ${quote(graph.start)}: no choice or next leads to it. Add a choice that goes to it, or remove the scene.`
			}
		};
	}

	const deadEnd = names.find((n) => !graph.scenes[n]!.ending && graph.scenes[n]!.choices.length === 0);
	if (deadEnd !== undefined) {
		return {
			ok: false,
			problem: {
				scene: deadEnd,
				message: `scene ${quote(deadEnd)} is a dead end: it has no choices, no next and is not an ending. Give it choices, a next: scene, or ending: true.`
			}
		};
	}

	// Which scenes can still reach an ending: grow backwards from the endings.
	const escapes = new Set(names.filter((n) => graph.scenes[n]!.ending));
	for (let grew = true; grew;) {
		grew = false;
		for (const [scene, to] of edges) {
			if (!escapes.has(scene) && to.some((t) => escapes.has(t))) {
				escapes.add(scene);
				grew = true;
			}
		}
	}
	const trapped = names.find((n) => !escapes.has(n));
	if (trapped !== undefined) {
		const loop = [trapped];
		for (let at = edges.get(trapped)![0]!; !loop.includes(at); at = edges.get(at)![0]!) loop.push(at);
		loop.push(edges.get(loop.at(-1)!)![0]!);
		return {
			ok: false,
			problem: {
				scene: trapped,
				message: `scene ${quote(trapped)} is in a loop with no way out (${loop.join(' → ')}): no ending can be reached from it. Give one of these scenes a choice that leads towards an ending.`
			}
		};
	}

	// Every ending, and the shortest way to it: the ways a class walks through the scenario.
	const shortest = getShortestPaths(machine, {
		...traversal(graph),
		toState: (s: AnyMachineSnapshot) => s.status === 'done'
	});
	const paths = shortest
		.map((p) => ({
			ending: valueOf(p.state),
			choices: p.steps.slice(1).map((step) => Number(String(step.event.type).slice('choice-'.length)))
		}))
		.sort((a, b) => a.choices.length - b.choices.length || a.ending.localeCompare(b.ending));
	return { ok: true, endings: paths.map((p) => p.ending), paths };
}
