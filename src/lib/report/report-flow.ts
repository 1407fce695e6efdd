/**
 * The steps a child goes through after pressing "Tell a grown-up". Every step after the first is
 * optional (a big arrow skips it); nothing times out. Practice presses go straight to praise.
 * A back arrow returns to the step before, keeping what was chosen (a child can change it).
 */
import { assign, createActor, setup, type SnapshotFrom } from 'xstate';
import type { Feeling, WhatHappened } from './report-events';

export interface FlowContext {
	practice: boolean;
	feeling?: Feeling;
	what?: WhatHappened;
}

export type FlowEvent =
	| { type: 'NEXT' }
	| { type: 'SKIP' }
	| { type: 'CHOOSE_FEELING'; feeling: Feeling }
	| { type: 'CHOOSE_WHAT'; what: WhatHappened }
	| { type: 'DRAW' }
	| { type: 'SPEAK' }
	| { type: 'DONE' }
	| { type: 'BACK' };

export const reportFlow = setup({
	types: { context: {} as FlowContext, events: {} as FlowEvent, input: {} as { practice: boolean } },
	guards: { isPractice: ({ context }) => context.practice }
}).createMachine({
	id: 'report-flow',
	context: ({ input }) => ({ practice: input.practice }),
	initial: 'thanks',
	states: {
		thanks: { on: { NEXT: [{ guard: 'isPractice', target: 'done' }, { target: 'feeling' }] } },
		feeling: {
			on: {
				CHOOSE_FEELING: { target: 'what', actions: assign({ feeling: ({ event }) => event.feeling }) },
				SKIP: 'what',
				BACK: 'thanks'
			}
		},
		what: {
			on: {
				CHOOSE_WHAT: { target: 'extra', actions: assign({ what: ({ event }) => event.what }) },
				SKIP: 'extra',
				BACK: 'feeling'
			}
		},
		extra: { on: { DRAW: 'drawing', SPEAK: 'voice', SKIP: 'done', BACK: 'what' } },
		drawing: { on: { DONE: 'done', BACK: 'extra' } },
		voice: { on: { DONE: 'done', BACK: 'extra' } },
		done: {}
	}
});

export type FlowStep = 'thanks' | 'feeling' | 'what' | 'extra' | 'drawing' | 'voice' | 'done';

export type FlowSnapshot = SnapshotFrom<typeof reportFlow>;

/** Starts one child's way through the steps; `onChange` hears every step. */
export function startFlow(practice: boolean, onChange: (snapshot: FlowSnapshot) => void) {
	const actor = createActor(reportFlow, { input: { practice } });
	actor.subscribe(onChange);
	actor.start();
	return actor;
}
