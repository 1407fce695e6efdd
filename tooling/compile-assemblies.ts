/**
 * Reads every assembly (content/assemblies/<id>.yaml), checks it with valibot, against the lesson
 * programme (the lessons it reinforces exist and are taught by its half-term) and the cast
 * pictures on disk, and lays its slides out as the player follows them. Anything wrong stops
 * with `path:line: what is wrong and how to fix it`, one line per broken file, like lessons.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
	AssemblySchema,
	OCCASIONS,
	type AssemblyFile,
	type Occasion,
	type PlainSlideFile
} from '../src/lib/content/assembly-schema';
import { HALF_TERMS, LESSON_ID, type HalfTerm } from '../src/lib/content/curriculum-schema';
import type { YamlPath } from '../src/lib/content/yaml-locations';
import type { CompiledAssembly, CompiledSlide } from '../src/lib/assembly/compiled';
import {
	LESSONS_DIR,
	LessonContentError,
	MediaChecker,
	Problem,
	readLocated,
	type CompiledProgramme
} from './compile-lessons';

export const ASSEMBLIES_DIR = 'content/assemblies';
const FORMAT = `${ASSEMBLIES_DIR}/FORMAT.md`;
export const MIN_SLIDES = 12;
export const MAX_SLIDES = 24;

export interface CompiledAssemblies {
	assemblies: CompiledAssembly[];
	/** Every picture used, relative to lessons/ (the cast). */
	media: string[];
	files: string[];
}

/** Lays the slides out flat: each choice's branches right after it, then where they meet again. */
function layOut(
	value: AssemblyFile,
	media: MediaChecker,
	at: (path: YamlPath, atKey?: boolean) => Problem
): CompiledSlide[] {
	const out: CompiledSlide[] = [];
	const seen = new Map<string, YamlPath>();
	const idOf = (id: string, path: YamlPath) => {
		if (seen.has(id)) {
			throw at([...path, 'id']).withMessage(
				`${path.join('.')}.id: “${id}” is already the id of another slide. Give each slide its own id.`
			);
		}
		seen.set(id, path);
	};
	const pic = (p: PlainSlideFile['picture'], path: YamlPath) => media.picture(p, null, at, path);
	/** Branch ends waiting for the slide where the story meets again. */
	let waiting: number[] = [];
	let lastMain: number | null = null;

	value.slides.forEach((slide, i) => {
		const path: YamlPath = ['slides', i];
		idOf(slide.id, path);
		const index = out.length;
		for (const end of waiting) out[end]!.next = index;
		if (lastMain !== null && out[lastMain]!.kind !== 'choice') out[lastMain]!.next = index;
		const prev = lastMain;
		waiting = [];
		const base = {
			id: slide.id,
			words: slide.words,
			narration: slide.narration,
			...(slide.notes ? { notes: slide.notes } : {}),
			next: null,
			prev
		};
		if (slide.kind === 'choice') {
			const choiceSlide: CompiledSlide = { ...base, kind: 'choice', choices: [] };
			out.push(choiceSlide);
			slide.choices.forEach((choice, c) => {
				const cp: YamlPath = [...path, 'choices', c];
				choiceSlide.choices!.push({
					label: choice.label,
					picture: pic(choice.picture, [...cp, 'picture']),
					to: out.length
				});
				choice.slides.forEach((b, k) => {
					const bp: YamlPath = [...cp, 'slides', k];
					idOf(b.id, bp);
					const here = out.length;
					out.push({
						id: b.id,
						kind: 'slide',
						words: b.words,
						picture: pic(b.picture, [...bp, 'picture']),
						narration: b.narration,
						...(b.notes ? { notes: b.notes } : {}),
						next: k < choice.slides.length - 1 ? here + 1 : null,
						prev: k === 0 ? index : here - 1,
						branch: { of: index, choice: c }
					});
					if (k === choice.slides.length - 1) waiting.push(here);
				});
			});
			choiceSlide.next = choiceSlide.choices![0]!.to;
			if (i === value.slides.length - 1) {
				throw at(path).withMessage(
					`slides.${i} (choice “${slide.id}”): the assembly ends on a choice. Add a slide after it, where every choice’s story meets again.`
				);
			}
		} else {
			out.push({
				...base,
				kind: slide.kind,
				...(slide.picture ? { picture: pic(slide.picture, [...path, 'picture']) } : {})
			});
		}
		lastMain = index;
	});

	if (out.length < MIN_SLIDES || out.length > MAX_SLIDES) {
		throw at(['slides'], true).withMessage(
			`slides: this assembly has ${out.length} slides (counting every choice’s slides). An assembly of 10 to 15 minutes has ${MIN_SLIDES} to ${MAX_SLIDES}: ${out.length < MIN_SLIDES ? 'add some' : 'take some out'}.`
		);
	}
	return out;
}

/** Compiles every assembly under `root` against the compiled lesson programme. */
export function compileAssemblies(root: string, programme: CompiledProgramme): CompiledAssemblies {
	const dir = resolve(root, ASSEMBLIES_DIR);
	const media = new MediaChecker(resolve(root, LESSONS_DIR));
	const problems: string[] = [];
	const files: string[] = [];
	const assemblies: CompiledAssembly[] = [];
	const lessons = new Map(programme.lessons.map((l) => [l.id, l]));
	const names = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')) : [];

	for (const name of names.sort()) {
		const file = `${ASSEMBLIES_DIR}/${name}`;
		files.push(file);
		const id = name.slice(0, -'.yaml'.length);
		try {
			if (!LESSON_ID.test(id)) {
				throw new Problem(
					file,
					1,
					`the file name “${id}” is the assembly’s id: rename it to lower-case words joined by dashes, e.g. ${ASSEMBLIES_DIR}/stop-think-tell.yaml.`
				);
			}
			const { value, yaml } = readLocated(
				AssemblySchema,
				file,
				readFileSync(join(dir, name), 'utf8'),
				FORMAT
			);
			const at = (path: YamlPath, atKey = false) => new Problem(file, yaml.lineOf(path, atKey), '');
			const halfTerm: HalfTerm =
				value.when in OCCASIONS ? OCCASIONS[value.when as Occasion] : (value.when as HalfTerm);
			const reinforces = value.reinforces.map((lessonId, i) => {
				const lesson = lessons.get(lessonId);
				if (!lesson) {
					const here = programme.lessons.filter((l) => l.halfTerm === halfTerm).map((l) => l.id);
					throw at(['reinforces', i]).withMessage(
						`reinforces.${i}: there is no lesson “${lessonId}” in ${LESSONS_DIR}/. ${halfTerm}’s lessons are: ${here.join(', ')}.`
					);
				}
				if (HALF_TERMS.indexOf(lesson.halfTerm) > HALF_TERMS.indexOf(halfTerm)) {
					throw at(['reinforces', i]).withMessage(
						`reinforces.${i}: “${lessonId}” is taught in ${lesson.halfTerm}, after this ${halfTerm} assembly. Reinforce a lesson of this half-term or an earlier one.`
					);
				}
				return { id: lesson.id, title: lesson.title, year: lesson.year };
			});
			assemblies.push({
				id,
				title: value.title,
				halfTerm,
				...(value.when in OCCASIONS ? { occasion: value.when as Occasion } : {}),
				minutes: value.minutes,
				reinforces,
				slides: layOut(value, media, at)
			});
		} catch (e) {
			if (!(e instanceof Problem)) throw e;
			problems.push(e.message);
		}
	}
	if (problems.length) throw new LessonContentError(problems);
	// The order of the school year (an occasion sits in its half-term), then by id.
	assemblies.sort(
		(a, b) => HALF_TERMS.indexOf(a.halfTerm) - HALF_TERMS.indexOf(b.halfTerm) || a.id.localeCompare(b.id)
	);
	return { assemblies, media: [...media.used].sort(), files };
}
