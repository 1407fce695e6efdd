/** The scenario proof: a scenario becomes an XState machine and is walked with xstate/graph. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { proveScenario } from '../../../src/lib/scenarios/prove-scenario';
import { scenarioMachine } from '../../../src/lib/scenarios/scenario-machine';
import type { ScenarioGraph } from '../../../src/lib/scenarios/scenario-graph';
import { compileLessons } from '../../../tooling/compile-lessons';

const scene = (to: string[], ending = false) => ({ choices: to.map((t) => ({ to: t })), ending });
const sound: ScenarioGraph = {
	start: 'ask',
	scenes: {
		ask: scene(['asks', 'think']),
		think: scene(['ask']),
		asks: scene([], true),
		tells: scene([], true)
	}
};
sound.scenes.ask = scene(['asks', 'think', 'tells']);

describe('proving a scenario', () => {
	it('passes a sound scenario and gives the shortest way to every ending', () => {
		const proof = proveScenario(sound);
		expect(proof).toEqual({
			ok: true,
			endings: ['asks', 'tells'],
			paths: [
				{ ending: 'asks', choices: [0] },
				{ ending: 'tells', choices: [2] }
			]
		});
	});

	it('fails an unreachable scene', () => {
		const proof = proveScenario({ ...sound, scenes: { ...sound.scenes, lonely: scene(['asks']) } });
		expect(proof.ok).toBe(false);
		expect(!proof.ok && proof.problem.scene).toBe('lonely');
		expect(!proof.ok && proof.problem.message).toMatch(/cannot be reached from the start “ask”/);
	});

	it('fails a dead end', () => {
		const proof = proveScenario({ ...sound, scenes: { ...sound.scenes, think: scene([]) } });
		expect(!proof.ok && proof.problem).toEqual({
			scene: 'think',
			message:
				'scene “think” is a dead end: it has no choices, no next and is not an ending. Give it choices, a next: scene, or ending: true.'
		});
	});

	it('fails a dangling choice', () => {
		const proof = proveScenario({ ...sound, scenes: { ...sound.scenes, think: scene(['nowhere']) } });
		expect(!proof.ok && proof.problem).toMatchObject({ scene: 'think', choice: 0 });
		expect(!proof.ok && proof.problem.message).toMatch(/leads to “nowhere”, which is not a scene/);
	});

	it('fails a loop with no way out', () => {
		const proof = proveScenario({
			start: 'a',
			scenes: { a: scene(['b', 'end']), b: scene(['c']), c: scene(['b']), end: scene([], true) }
		});
		expect(!proof.ok && proof.problem.scene).toBe('b');
		expect(!proof.ok && proof.problem.message).toMatch(/loop with no way out \(b → c → b\)/);
	});

	it('plays as an XState machine: choices move between scenes, an ending is final', () => {
		const actor = createActor(scenarioMachine('s', sound)).start();
		actor.send({ type: 'choice-1' });
		expect(actor.getSnapshot().value).toBe('think');
		actor.send({ type: 'choice-0' });
		actor.send({ type: 'choice-2' });
		expect(actor.getSnapshot().value).toBe('tells');
		expect(actor.getSnapshot().status).toBe('done');
	});
});

describe.runIf(existsSync('content/curriculum.yaml'))('the real programme', () => {
	it('compiles, and every scenario is proved', () => {
		const p = compileLessons(process.cwd());
		expect(p.lessons.length).toBeGreaterThan(0);
		for (const s of p.scenarios) expect(s.paths.length).toBeGreaterThan(0);
	});
});
