/**
 * A teacher's command to the class's tablets, from the class page's forms or the board's JSON
 * posts: validated once here (valibot, bounded), then run by the launch module. The route has
 * already checked the person may command this class (access.ts, rule `class-staff`).
 */
import * as v from 'valibot';
import { getClass } from '../school/classes';
import type { ClassNowState } from '../../classroom/class-now';
import {
	endLesson,
	LaunchError,
	launchLesson,
	MAX_SCENES,
	moveBoard,
	pauseLesson,
	resumeLesson,
	type LaunchContext
} from './launches';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));

export const CommandSchema = v.variant('action', [
	v.object({ action: v.literal('launch'), lessonId: id, mode: v.picklist(['tablets', 'board']) }),
	v.object({
		action: v.literal('move'),
		launchId: id,
		position: v.object({
			step: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(200)),
			scenes: v.pipe(v.array(id), v.maxLength(MAX_SCENES)),
			finished: v.boolean()
		})
	}),
	v.object({ action: v.literal('pause') }),
	v.object({ action: v.literal('resume') }),
	v.object({ action: v.literal('end') })
]);
export type Command = v.InferOutput<typeof CommandSchema>;

export type CommandResult =
	{ ok: true; state: ClassNowState } | { ok: false; status: 400 | 404 | 409; message: string };

export async function runCommand(
	ctx: LaunchContext,
	staffId: string,
	classId: string,
	command: Command
): Promise<CommandResult> {
	if (!(await getClass(ctx.db, classId)))
		return { ok: false, status: 404, message: 'There is no such class.' };
	try {
		const state = await (() => {
			switch (command.action) {
				case 'launch':
					return launchLesson(ctx, { classId, staffId, lessonId: command.lessonId, mode: command.mode });
				case 'move':
					return moveBoard(ctx, { classId, staffId, launchId: command.launchId, position: command.position });
				case 'pause':
					return pauseLesson(ctx, classId, staffId);
				case 'resume':
					return resumeLesson(ctx, classId, staffId);
				case 'end':
					return endLesson(ctx, classId, staffId);
			}
		})();
		return { ok: true, state };
	} catch (e) {
		if (e instanceof LaunchError) return { ok: false, status: e.status, message: e.message };
		throw e;
	}
}
