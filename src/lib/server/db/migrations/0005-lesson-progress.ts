/**
 * Lesson progress, per class, lesson and tablet (never a pupil): when it was last played, the
 * step reached, and whether and how often it was finished. Keyed by school first, as every new
 * table is (DESIGN.md: many schools may share one database later).
 */
import type { Kysely, Migration } from 'kysely';

export const lessonProgress: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable('lesson_progress')
			.addColumn('school_id', 'text', (c) => c.notNull().defaultTo('school'))
			.addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
			.addColumn('lesson_id', 'text', (c) => c.notNull())
			.addColumn('device_id', 'text', (c) => c.notNull())
			.addColumn('started_at', 'text', (c) => c.notNull())
			.addColumn('last_played_at', 'text', (c) => c.notNull())
			.addColumn('last_step', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('finished_at', 'text')
			.addColumn('times_finished', 'integer', (c) => c.notNull().defaultTo(0))
			.addPrimaryKeyConstraint('lesson_progress_pk', ['school_id', 'class_id', 'lesson_id', 'device_id'])
			.execute();
	}
};
