/**
 * The lessons build plugin: a catalogue module for the menus (no steps) with a loader that imports
 * one chunk per lesson, and each lesson's module importing its pictures as emitted asset files.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { harbourLessons } from '../../../tooling/vite-plugin-lessons';

const FIXTURE = join(process.cwd(), 'tests/fixtures/lessons/programme');

function hooks() {
	const plugin = harbourLessons({ root: FIXTURE });
	const watched: string[] = [];
	const context = { addWatchFile: (f: string) => watched.push(f) };
	const resolveId = plugin.resolveId as (id: string) => string | null;
	const load = plugin.load as unknown as (this: typeof context, id: string) => string | null;
	return { resolveId, load: (id: string) => load.call(context, id), watched };
}

describe('the lessons build plugin', () => {
	it('serves a catalogue without steps, and a loader with one dynamic import per lesson', () => {
		const { resolveId, load, watched } = hooks();
		const id = resolveId('virtual:harbour-lessons')!;
		const code = load(id)!;
		expect(code).toContain(`case "asking-first": return import("virtual:harbour-lesson/asking-first");`);
		expect(code).toContain(`case "kind-words": return import("virtual:harbour-lesson/kind-words");`);
		expect(code).not.toContain('narration');
		expect(code).toContain('import m0 from "/lessons/cast/things/heart.svg?no-inline";');
		expect(watched.some((f) => f.endsWith('content/curriculum.yaml'))).toBe(true);
		expect(watched.some((f) => f.endsWith('lessons/kind-words/lesson.yaml'))).toBe(true);
	});

	it('serves each lesson with its own pictures as files, not inlined', () => {
		const { resolveId, load } = hooks();
		const code = load(resolveId('virtual:harbour-lesson/kind-words')!)!;
		expect(code).toContain('"/lessons/kind-words/kind-hands.svg?no-inline"');
		expect(code).toContain('"/lessons/cast/people/sam-worried.svg?no-inline"');
		expect(code).not.toContain('living-room.svg');
		expect(code).toContain('export const lesson = JSON.parse(');
	});

	it('stops the build with the file, line and fix when a lesson is broken', () => {
		const plugin = harbourLessons({ root: join(process.cwd(), 'tests/fixtures') });
		const load = plugin.load as (this: unknown, id: string) => string | null;
		expect(() => load.call({ addWatchFile() {} }, '\0virtual:harbour-lessons')).toThrow(
			'content/curriculum.yaml:1: the programme file is missing.'
		);
	});
});
