/**
 * Compiles the lessons (tooling/compile-lessons.ts) into the app, in the pattern of
 * virtual-data-module.ts but in pieces, so a class downloads a lesson only when it opens it:
 * - `virtual:harbour-lessons`: the catalogue for the menus (no steps), the programme, and
 *   `loadLesson(id)`, which imports that lesson's own chunk;
 * - `virtual:harbour-lesson/<id>`: one lesson, and the URLs of its pictures and clips.
 * - `virtual:harbour-assemblies`: every assembly (tooling/compile-assemblies.ts) and the URLs of
 *   its cast pictures, checked against the same programme.
 * Pictures and clips are imported as assets, so the build emits them as hashed files (small
 * drawings are inlined into the chunk) that the service worker precaches with the app.
 * A broken lesson or plan stops the build with `path:line: what to fix`.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import {
	compileLessons,
	CURRICULUM,
	LESSONS_DIR,
	summaryOf,
	type CompiledProgramme
} from './compile-lessons';
import { ASSEMBLIES_DIR, compileAssemblies, type CompiledAssemblies } from './compile-assemblies';

const CATALOGUE = 'virtual:harbour-lessons';
const LESSON = 'virtual:harbour-lesson/';
const ASSEMBLIES = 'virtual:harbour-assemblies';

const json = (value: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;

/** The media keys a compiled value uses (every string that is a known media key). */
function mediaIn(value: unknown, known: Set<string>, out = new Set<string>()): Set<string> {
	if (typeof value === 'string') {
		if (known.has(value)) out.add(value);
	} else if (Array.isArray(value)) {
		for (const v of value) mediaIn(v, known, out);
	} else if (value && typeof value === 'object') {
		for (const v of Object.values(value)) mediaIn(v, known, out);
	}
	return out;
}

/** Imports for media keys and the object mapping each key to its URL. */
function mediaModule(keys: Iterable<string>): string {
	const lines: string[] = [];
	const entries: string[] = [];
	[...keys].sort().forEach((key, i) => {
		lines.push(`import m${i} from ${JSON.stringify(`/${LESSONS_DIR}/${key}?no-inline`)};`);
		entries.push(`${JSON.stringify(key)}: m${i}`);
	});
	lines.push(`export const media = { ${entries.join(', ')} };`);
	return lines.join('\n');
}

export interface LessonsPluginOptions {
	/** Where content/ and lessons/ are (default: the Vite root). */
	root?: string;
	/** Called with the time compiling and proving took, in ms (the bench reads it). */
	onCompiled?: (ms: number) => void;
}

export function harbourLessons(options: LessonsPluginOptions = {}): Plugin {
	let root = options.root ?? process.cwd();
	let compiled: CompiledProgramme | null = null;
	const programme = (): CompiledProgramme => {
		if (!compiled) {
			const started = performance.now();
			compiled = compileLessons(root);
			options.onCompiled?.(performance.now() - started);
		}
		return compiled;
	};
	let assemblies: CompiledAssemblies | null = null;
	const compiledAssemblies = (): CompiledAssemblies => (assemblies ??= compileAssemblies(root, programme()));

	return {
		name: 'harbour-lessons',
		configResolved(config) {
			if (!options.root) root = config.root;
		},
		buildStart() {
			compiled = null;
			assemblies = null;
		},
		watchChange(id) {
			const rel = id.startsWith(root) ? id.slice(root.length + 1) : id;
			if (rel === CURRICULUM || rel.startsWith(`${LESSONS_DIR}/`)) compiled = assemblies = null;
			if (rel.startsWith(`${ASSEMBLIES_DIR}/`)) assemblies = null;
		},
		resolveId(requested) {
			if (requested === CATALOGUE || requested === ASSEMBLIES || requested.startsWith(LESSON))
				return '\0' + requested;
			return null;
		},
		load(id) {
			if (id === '\0' + CATALOGUE) {
				const p = programme();
				for (const file of p.files) this.addWatchFile(resolve(root, file));
				const catalogue = p.lessons.map(summaryOf);
				const known = new Set(p.media);
				const cases = p.lessons
					.map((l) => `\t\tcase ${JSON.stringify(l.id)}: return import(${JSON.stringify(LESSON + l.id)});`)
					.join('\n');
				return [
					mediaModule(mediaIn([catalogue, p.curriculum], known)),
					`export const catalogue = ${json(catalogue)};`,
					`export const curriculum = ${json(p.curriculum)};`,
					`export function loadLesson(id) {\n\tswitch (id) {\n${cases}\n\t\tdefault: return Promise.resolve(null);\n\t}\n}`
				].join('\n');
			}
			if (id === '\0' + ASSEMBLIES) {
				const a = compiledAssemblies();
				for (const file of [...programme().files, ...a.files]) this.addWatchFile(resolve(root, file));
				this.addWatchFile(resolve(root, ASSEMBLIES_DIR));
				return [mediaModule(a.media), `export const assemblies = ${json(a.assemblies)};`].join('\n');
			}
			if (id.startsWith('\0' + LESSON)) {
				const lessonId = id.slice(1 + LESSON.length);
				const lesson = programme().lessons.find((l) => l.id === lessonId);
				if (!lesson) return `export const lesson = null;\nexport const media = {};`;
				return [
					mediaModule(mediaIn(lesson, new Set(programme().media))),
					`export const lesson = ${json(lesson)};`
				].join('\n');
			}
			return null;
		}
	};
}
