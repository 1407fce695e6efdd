/**
 * Teachers in charge of the class's tablets (issue 13):
 * - `class_now`: one row per class, the lesson the teacher launched and where it is (mode, the
 *   board's position, paused, ended), with a version that rises on every change, so a tablet
 *   that reconnects reads it once and never applies an older state over a newer one;
 * - `class_launches`: every launch kept (who, when, which lesson, which mode, when it ended), the
 *   history coverage is built from;
 * - `launch_tablets`: where each class tablet is in a launched lesson (never a pupil), for the
 *   teacher's bar per step;
 * - `launch_votes`: one choice per tablet per scenario scene in a lesson led from the board
 *   (the board shows totals only).
 * Keyed by school first, as every new table is.
 */
import type { Kysely, Migration } from 'kysely';

export const classLaunches: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable('class_now')
			.addColumn('school_id', 'text', (c) => c.notNull().defaultTo('school'))
			.addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
			.addColumn('launch_id', 'text', (c) => c.notNull())
			.addColumn('lesson_id', 'text', (c) => c.notNull())
			.addColumn('mode', 'text', (c) => c.notNull())
			.addColumn('board_step', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('board_scenes', 'text', (c) => c.notNull().defaultTo('[]'))
			.addColumn('board_finished', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('launched_by', 'text', (c) => c.notNull())
			.addColumn('launched_at', 'text', (c) => c.notNull())
			.addColumn('ended_at', 'text')
			.addColumn('version', 'integer', (c) => c.notNull())
			.addPrimaryKeyConstraint('class_now_pk', ['school_id', 'class_id'])
			.execute();
		await db.schema
			.createTable('class_launches')
			.addColumn('school_id', 'text', (c) => c.notNull().defaultTo('school'))
			.addColumn('id', 'text', (c) => c.notNull())
			.addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
			.addColumn('lesson_id', 'text', (c) => c.notNull())
			.addColumn('mode', 'text', (c) => c.notNull())
			.addColumn('launched_by', 'text', (c) => c.notNull())
			.addColumn('launched_at', 'text', (c) => c.notNull())
			.addColumn('ended_by', 'text')
			.addColumn('ended_at', 'text')
			.addPrimaryKeyConstraint('class_launches_pk', ['school_id', 'id'])
			.execute();
		await db.schema
			.createIndex('class_launches_by_class')
			.on('class_launches')
			.columns(['school_id', 'class_id', 'launched_at'])
			.execute();
		await db.schema
			.createTable('launch_tablets')
			.addColumn('school_id', 'text', (c) => c.notNull().defaultTo('school'))
			.addColumn('launch_id', 'text', (c) => c.notNull())
			.addColumn('device_id', 'text', (c) => c.notNull())
			.addColumn('step', 'integer', (c) => c.notNull())
			.addColumn('finished', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('seen_at', 'text', (c) => c.notNull())
			.addPrimaryKeyConstraint('launch_tablets_pk', ['school_id', 'launch_id', 'device_id'])
			.execute();
		await db.schema
			.createTable('launch_votes')
			.addColumn('school_id', 'text', (c) => c.notNull().defaultTo('school'))
			.addColumn('launch_id', 'text', (c) => c.notNull())
			.addColumn('scene_key', 'text', (c) => c.notNull())
			.addColumn('device_id', 'text', (c) => c.notNull())
			.addColumn('choice', 'integer', (c) => c.notNull())
			.addPrimaryKeyConstraint('launch_votes_pk', ['school_id', 'launch_id', 'scene_key', 'device_id'])
			.execute();
	}
};
