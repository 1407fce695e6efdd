/**
 * The class tablets in a launched lesson: where each one is (for the teacher's bar per step) and,
 * in a lesson led from the board, each tablet's choice in a scenario scene (the board shows the
 * totals only). A tablet only ever reports on its own class's running launch.
 */
import type { Kysely } from 'kysely';
import type { DevicePrincipal } from '../auth/devices';
import type { Database } from '../db/schema';
import { sceneKey, type TabletsOn } from '../../classroom/class-now';
import { classNow, LaunchError, type LaunchContext } from './launches';

/** A tablet not heard from for this long is no longer counted as on the lesson. */
export const TABLET_GONE_MS = 45_000;

async function runningLaunch(ctx: LaunchContext, device: DevicePrincipal, launchId: string) {
	const now = await classNow(ctx.db, device.classId);
	if (!now || now.launchId !== launchId || now.ended) {
		throw new LaunchError('That lesson is not running for this class now.', 409);
	}
	const lesson = await ctx.lessons(now.lessonId);
	if (!lesson) throw new LaunchError('There is no lesson with that name.', 404);
	return { now, lesson };
}

/** A tablet says where it is (on each page change, and every little while as a heartbeat). */
export async function reportTablet(
	ctx: LaunchContext,
	device: DevicePrincipal,
	input: { launchId: string; step: number; finished: boolean },
	at = new Date()
): Promise<void> {
	const { lesson } = await runningLaunch(ctx, device, input.launchId);
	if (input.step >= lesson.steps.length) throw new LaunchError('That step is not in the lesson.', 400);
	const values = { step: input.step, finished: input.finished ? 1 : 0, seen_at: at.toISOString() };
	await ctx.db
		.insertInto('launch_tablets')
		.values({ launch_id: input.launchId, device_id: device.id, ...values })
		.onConflict((oc) => oc.columns(['school_id', 'launch_id', 'device_id']).doUpdateSet(values))
		.execute();
}

export async function tabletsOn(
	db: Kysely<Database>,
	launchId: string,
	steps: number,
	now = new Date()
): Promise<TabletsOn> {
	const since = new Date(now.getTime() - TABLET_GONE_MS).toISOString();
	const rows = await db
		.selectFrom('launch_tablets')
		.select(['step', 'finished'])
		.where('launch_id', '=', launchId)
		.where('seen_at', '>=', since)
		.execute();
	const byStep = Array.from({ length: steps }, () => 0);
	let finished = 0;
	for (const r of rows) {
		if (r.finished) finished += 1;
		else if (r.step < steps) byStep[r.step]! += 1;
	}
	return { total: rows.length, byStep, finished };
}

/** A tablet's choice in the scene the board is on: one per tablet per scene (the last one counts). */
export async function castVote(
	ctx: LaunchContext,
	device: DevicePrincipal,
	input: { launchId: string; step: number; scene: string; choice: number }
): Promise<void> {
	const { now, lesson } = await runningLaunch(ctx, device, input.launchId);
	if (now.mode !== 'board') throw new LaunchError('This lesson is not led from the board.', 409);
	const here = now.position.scenes.at(-1);
	if (now.position.step !== input.step || here !== input.scene) {
		throw new LaunchError('The board has moved on from that scene.', 409);
	}
	const step = lesson.steps[input.step];
	const scene = step?.kind === 'scenario' ? step.scenes[input.scene] : undefined;
	if (!scene?.choices?.[input.choice]) throw new LaunchError('That is not one of the choices.', 400);
	await ctx.db
		.insertInto('launch_votes')
		.values({
			launch_id: input.launchId,
			scene_key: sceneKey(input.step, input.scene),
			device_id: device.id,
			choice: input.choice
		})
		.onConflict((oc) =>
			oc.columns(['school_id', 'launch_id', 'scene_key', 'device_id']).doUpdateSet({ choice: input.choice })
		)
		.execute();
}

/** How the tablets' choices split in one scene: a count per choice, never who. */
export async function voteSplit(
	db: Kysely<Database>,
	launchId: string,
	key: string,
	choices: number
): Promise<number[]> {
	const rows = await db
		.selectFrom('launch_votes')
		.select(['choice', (eb) => eb.fn.countAll<number>().as('n')])
		.where('launch_id', '=', launchId)
		.where('scene_key', '=', key)
		.groupBy('choice')
		.execute();
	const counts = Array.from({ length: choices }, () => 0);
	for (const r of rows) if (r.choice < choices) counts[r.choice] = Number(r.n);
	return counts;
}
