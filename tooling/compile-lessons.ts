/**
 * Reads the planned programme (content/curriculum.yaml) and every lesson (lessons/<id>/lesson.yaml),
 * checks them with valibot and against each other and the files on disk, proves every scenario
 * (src/lib/scenarios/), and returns the lessons as the app plays them. Anything wrong stops with
 * `path:line: what is wrong and how to fix it`, one line per broken file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as v from 'valibot';
import { readYaml, type LocatedYaml, type YamlPath } from '../src/lib/content/yaml-locations';
import {
	CurriculumSchema,
	HALF_TERMS,
	LESSON_ID,
	YEARS,
	type Curriculum,
	type HalfTerm,
	type Year
} from '../src/lib/content/curriculum-schema';
import { LessonSchema, type Lesson, type Step } from '../src/lib/content/lesson-schema';
import { GAMES as GAME_RULES } from '../src/lib/games/catalogue';
import { itemProblem } from '../src/lib/games/choose-items';
import { PERSON, type Picture } from '../src/lib/content/picture-schema';
import { graphOf, type ScenarioGraph } from '../src/lib/scenarios/scenario-graph';
import { proveScenario, type ScenarioPath } from '../src/lib/scenarios/prove-scenario';
import type {
	CompiledCurriculum,
	CompiledLesson,
	CompiledPicture,
	CompiledStep,
	LessonSummary
} from '../src/lib/lessons/compiled';

export const CURRICULUM = 'content/curriculum.yaml';
export const LESSONS_DIR = 'lessons';
export const CAST_DIR = 'cast';

export class LessonContentError extends Error {
	constructor(readonly problems: readonly string[]) {
		super(problems.join('\n'));
		this.name = 'LessonContentError';
	}
}

/** One problem in one file; the first per file is reported. */
export class Problem extends Error {
	constructor(
		readonly file: string,
		readonly line: number,
		readonly problem: string
	) {
		super(`${file}:${line}: ${problem}`);
	}

	withMessage(message: string): Problem {
		return new Problem(this.file, this.line, message);
	}
}

export interface CompiledScenario {
	lesson: string;
	step: string;
	start: string;
	scenes: ScenarioGraph['scenes'];
	/** The shortest way to each ending (choice indexes from the start). */
	paths: ScenarioPath[];
}

export interface CompiledProgramme {
	curriculum: CompiledCurriculum;
	lessons: CompiledLesson[];
	scenarios: CompiledScenario[];
	/** Every media file used, relative to lessons/ (e.g. cast/people/sam-happy.svg, my-lesson/hi.mp3). */
	media: string[];
	/** The files read, for the build's watcher. */
	files: string[];
}

/** Reads a YAML file against a schema; the first problem becomes `file:line: what to fix`. */
export function readLocated<S extends v.GenericSchema>(
	schema: S,
	file: string,
	text: string,
	format = `${LESSONS_DIR}/FORMAT.md`
) {
	const read = readYaml(text);
	if (!read.ok) {
		throw new Problem(
			file,
			read.line,
			`the YAML is not valid (${read.message}). Check indentation and colons.`
		);
	}
	const parsed = v.safeParse(schema, read.yaml.data);
	if (!parsed.success) {
		const issue = parsed.issues[0];
		const keys = (issue.path ?? []).map((p) => p.key as string | number);
		if (issue.type === 'strict_object' && issue.expected === 'never' && keys.length) {
			throw new Problem(file, read.yaml.lineOf(keys, true), `“${keys.at(-1)}” ${issue.message}`);
		}
		if (issue.type === 'strict_object' && issue.received === 'undefined' && keys.length) {
			const parent = keys.slice(0, -1);
			const where = parent.length ? `${parent.join('.')}: ` : '';
			throw new Problem(
				file,
				read.yaml.lineOf(parent),
				`${where}“${keys.at(-1)}” is missing: add it (see ${format}).`
			);
		}
		const where = keys.length ? `${keys.join('.')}: ` : '';
		throw new Problem(file, read.yaml.lineOf(keys), `${where}${issue.message}`);
	}
	return { value: parsed.output as v.InferOutput<S>, yaml: read.yaml };
}

/** Checks that the pictures and clips content names exist, and remembers each one used. */
export class MediaChecker {
	readonly used = new Set<string>();
	constructor(readonly lessonsRoot: string) {}

	/** Checks the files a picture names and returns it with media keys in place of names. */
	picture(
		p: Picture,
		lessonId: string | null,
		at: (path: YamlPath) => Problem,
		path: YamlPath
	): CompiledPicture {
		const out: CompiledPicture = { alt: p.alt };
		if (p.place !== undefined)
			out.place = this.#need(`${CAST_DIR}/places/${p.place}.svg`, `place “${p.place}”`, 'places', at, [
				...path,
				'place'
			]);
		if (p.people?.length) {
			out.people = p.people.map((person, i) => {
				const [, who, mood] = PERSON.exec(person)!;
				return {
					who: who!,
					mood: mood!,
					src: this.#need(`${CAST_DIR}/people/${who}-${mood}.svg`, `person “${person}”`, 'people', at, [
						...path,
						'people',
						i
					])
				};
			});
		}
		if (p.thing !== undefined)
			out.thing = this.#need(`${CAST_DIR}/things/${p.thing}.svg`, `thing “${p.thing}”`, 'things', at, [
				...path,
				'thing'
			]);
		if (p.file !== undefined) {
			if (lessonId === null)
				throw at([...path, 'file']).withMessage(
					`file: only a lesson may use its own drawing; use a place, people or thing from ${LESSONS_DIR}/${CAST_DIR}/.`
				);
			out.file = this.#need(`${lessonId}/${p.file}`, `file “${p.file}”`, null, at, [...path, 'file']);
		}
		return out;
	}

	clip(name: string, lessonId: string, at: (path: YamlPath) => Problem, path: YamlPath): string {
		return this.#need(`${lessonId}/${name}`, `audio “${name}”`, null, at, path);
	}

	#need(
		key: string,
		what: string,
		castFolder: string | null,
		at: (path: YamlPath) => Problem,
		path: YamlPath
	): string {
		if (!existsSync(join(this.lessonsRoot, key))) {
			let hint = `Add the file, or fix the name.`;
			if (castFolder) {
				const dir = join(this.lessonsRoot, CAST_DIR, castFolder);
				const have = existsSync(dir)
					? readdirSync(dir)
							.filter((f) => f.endsWith('.svg'))
							.map((f) => f.slice(0, -4).replace(castFolder === 'people' ? /-([a-z]+)$/ : /$^/, ' $1'))
					: [];
				if (have.length) hint = `Draw it, or use one of: ${have.slice(0, 40).join(', ')}.`;
			}
			throw at(path).withMessage(`${what} needs ${LESSONS_DIR}/${key}, which does not exist. ${hint}`);
		}
		this.used.add(key);
		return key;
	}
}

function compileSteps(
	lesson: Lesson,
	id: string,
	media: MediaChecker,
	at: (path: YamlPath, atKey?: boolean) => Problem,
	scenarios: CompiledScenario[]
): CompiledStep[] {
	const seen = new Set<string>();
	return lesson.steps.map((step: Step, i): CompiledStep => {
		const path: YamlPath = ['steps', i];
		if (seen.has(step.id)) {
			throw at([...path, 'id']).withMessage(
				`steps.${i}.id: “${step.id}” is already the id of an earlier step. Give each step its own id.`
			);
		}
		seen.add(step.id);
		const spokenOf = (x: { narration: string; caption?: string; audio?: string }, sub: YamlPath = []) => ({
			narration: x.narration,
			caption: x.caption,
			audio: x.audio === undefined ? undefined : media.clip(x.audio, id, at, [...path, ...sub, 'audio'])
		});
		const pic = (p: Picture, sub: YamlPath) => media.picture(p, id, at, [...path, ...sub]);
		switch (step.kind) {
			case 'story':
				return { kind: 'story', id: step.id, ...spokenOf(step), picture: pic(step.picture, ['picture']) };
			case 'practice':
				return {
					kind: 'practice',
					id: step.id,
					...spokenOf(step),
					picture: pic(step.picture, ['picture']),
					praise: step.praise
				};
			case 'recap':
				return { kind: 'recap', id: step.id, ...spokenOf(step), picture: pic(step.picture, ['picture']) };
			case 'game': {
				if (step.items) {
					const problem = itemProblem(GAME_RULES[step.game].items(step.level), step.items);
					if (problem)
						throw at([...path, 'items']).withMessage(
							`steps.${i} (game “${step.id}”, ${step.game} at ${step.level}): ${problem}`
						);
				}
				return {
					kind: 'game',
					id: step.id,
					...spokenOf(step),
					game: step.game,
					level: step.level,
					...(step.items ? { items: step.items } : {}),
					picture: step.picture ? pic(step.picture, ['picture']) : undefined
				};
			}
			case 'quiz':
				return {
					kind: 'quiz',
					id: step.id,
					...spokenOf(step),
					picture: step.picture ? pic(step.picture, ['picture']) : undefined,
					answers: step.answers.map((a, j) => ({
						label: a.label,
						right: a.right,
						feedback: a.feedback,
						picture: pic(a.picture, ['answers', j, 'picture'])
					}))
				};
			case 'scenario': {
				const graph = graphOf(step);
				const proof = proveScenario(graph);
				if (!proof.ok) {
					const { scene, choice, message } = proof.problem;
					const s = step.scenes[scene];
					const where: YamlPath =
						scene === step.start && !s
							? [...path, 'start']
							: choice === undefined
								? [...path, 'scenes', scene]
								: s?.choices
									? [...path, 'scenes', scene, 'choices', choice, 'to']
									: [...path, 'scenes', scene, 'next'];
					throw at(where, choice === undefined && s !== undefined).withMessage(
						`steps.${i} (scenario “${step.id}”): ${message}`
					);
				}
				scenarios.push({
					lesson: id,
					step: step.id,
					start: graph.start,
					scenes: graph.scenes,
					paths: proof.paths
				});
				const scenes: Extract<CompiledStep, { kind: 'scenario' }>['scenes'] = {};
				for (const [sceneId, s] of Object.entries(step.scenes)) {
					const sp: YamlPath = ['scenes', sceneId];
					scenes[sceneId] = {
						...spokenOf(s, sp),
						picture: pic(s.picture, [...sp, 'picture']),
						choices: s.choices?.map((c, j) => ({
							label: c.label,
							to: c.to,
							picture: pic(c.picture, [...sp, 'choices', j, 'picture'])
						})),
						next: s.next,
						ending: s.ending === true
					};
				}
				return { kind: 'scenario', id: step.id, start: step.start, scenes };
			}
		}
	});
}

/** Compiles the programme under `root`; throws LessonContentError listing every broken file. */
export function compileLessons(root: string): CompiledProgramme {
	const lessonsRoot = resolve(root, LESSONS_DIR);
	const media = new MediaChecker(lessonsRoot);
	const problems: string[] = [];
	const files: string[] = [CURRICULUM];
	const attempt = <T>(fn: () => T): T | undefined => {
		try {
			return fn();
		} catch (e) {
			if (e instanceof Problem) {
				problems.push(e.message);
				return undefined;
			}
			throw e;
		}
	};

	// The plan.
	let plan: { value: Curriculum; yaml: LocatedYaml } | undefined;
	const curriculumPath = resolve(root, CURRICULUM);
	if (!existsSync(curriculumPath)) {
		problems.push(`${CURRICULUM}:1: the programme file is missing. Create it as lessons/FORMAT.md shows.`);
	} else {
		plan = attempt(() => {
			const p = readLocated(CurriculumSchema, CURRICULUM, readFileSync(curriculumPath, 'utf8'));
			const at = (path: YamlPath) => new Problem(CURRICULUM, p.yaml.lineOf(path), '');
			const ids = new Set<string>();
			p.value.strands.forEach((s, i) => {
				if (ids.has(s.id))
					throw at(['strands', i, 'id']).withMessage(
						`strands.${i}.id: “${s.id}” is listed twice. Each strand once.`
					);
				ids.add(s.id);
				media.picture(s.picture, null, at, ['strands', i, 'picture']);
			});
			return p;
		});
	}
	const strandIds = plan?.value.strands.map((s) => s.id) ?? [];

	// Where the plan puts each lesson.
	const planned = new Map<string, { year: Year; halfTerm: HalfTerm; path: YamlPath }>();
	if (plan) {
		const p = plan;
		attempt(() => {
			for (const year of YEARS) {
				for (const halfTerm of HALF_TERMS) {
					p.value.years[year][halfTerm].forEach((lessonId, i) => {
						const path: YamlPath = ['years', year, halfTerm, i];
						const before = planned.get(lessonId);
						if (before) {
							throw new Problem(
								CURRICULUM,
								p.yaml.lineOf(path),
								`years.${year}.${halfTerm}: “${lessonId}” is already planned in ${before.year} ${before.halfTerm}. A lesson appears in exactly one half-term: remove one.`
							);
						}
						planned.set(lessonId, { year, halfTerm, path });
					});
				}
			}
		});
	}

	// The lesson folders.
	const folders = existsSync(lessonsRoot)
		? readdirSync(lessonsRoot)
				.filter((f) => f !== CAST_DIR && statSync(join(lessonsRoot, f)).isDirectory())
				.sort()
		: [];
	const lessons: CompiledLesson[] = [];
	const scenarios: CompiledScenario[] = [];
	for (const id of folders) {
		const file = `${LESSONS_DIR}/${id}/lesson.yaml`;
		const full = join(lessonsRoot, id, 'lesson.yaml');
		if (!existsSync(full)) {
			problems.push(
				`${LESSONS_DIR}/${id}/:1: this folder has no lesson.yaml. Add one, or remove the folder.`
			);
			continue;
		}
		files.push(file);
		const lesson = attempt(() => {
			if (!LESSON_ID.test(id)) {
				throw new Problem(
					file,
					1,
					`the folder name “${id}” is the lesson id: rename it to lower-case words joined by dashes.`
				);
			}
			const { value, yaml } = readLocated(LessonSchema, file, readFileSync(full, 'utf8'));
			const at = (path: YamlPath, atKey = false) => new Problem(file, yaml.lineOf(path, atKey), '');
			value.strands.forEach((s, i) => {
				if (plan && !strandIds.includes(s)) {
					throw at(['strands', i]).withMessage(
						`strands.${i}: “${s}” is not a strand in ${CURRICULUM}. Use one of: ${strandIds.join(', ')}.`
					);
				}
			});
			const place = planned.get(id);
			if (plan && !place) {
				throw new Problem(
					file,
					1,
					`lesson “${id}” is not in ${CURRICULUM}. Add it to a half-term of ${value.year} there, or remove the folder.`
				);
			}
			if (place && place.year !== value.year) {
				throw at(['year']).withMessage(
					`year is ${value.year}, but ${CURRICULUM} plans this lesson in ${place.year} ${place.halfTerm}. Make them agree.`
				);
			}
			const compiled: CompiledLesson = {
				id,
				title: value.title,
				year: value.year,
				halfTerm: place?.halfTerm ?? 'autumn-1',
				strands: value.strands,
				minutes: value.minutes,
				cover: media.picture(value.cover, id, at, ['cover']),
				objectives: value.objectives,
				teacherNotes: value.teacherNotes,
				talkAtHome: {
					sentences: value.talkAtHome.sentences,
					picture: media.picture(value.talkAtHome.picture, id, at, ['talkAtHome', 'picture'])
				},
				steps: []
			};
			const mine: CompiledScenario[] = [];
			compiled.steps = compileSteps(value, id, media, at, mine);
			scenarios.push(...mine);
			return compiled;
		});
		if (lesson) lessons.push(lesson);
	}

	// Every lesson the plan names must exist.
	if (plan) {
		for (const [lessonId, { year, halfTerm, path }] of planned) {
			if (!folders.includes(lessonId)) {
				problems.push(
					`${CURRICULUM}:${plan.yaml.lineOf(path)}: years.${year}.${halfTerm} names “${lessonId}”, but there is no ${LESSONS_DIR}/${lessonId}/lesson.yaml. Create the lesson, or remove it from the plan.`
				);
			}
		}
	}

	if (problems.length || !plan) throw new LessonContentError(problems);

	// Teaching order: year, half-term, then the plan's order.
	const order = [...planned.keys()];
	lessons.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
	scenarios.sort((a, b) => order.indexOf(a.lesson) - order.indexOf(b.lesson));
	const curriculum: CompiledCurriculum = {
		strands: plan.value.strands.map((s, i) => ({
			id: s.id,
			name: s.name,
			childName: s.childName,
			picture: media.picture(s.picture, null, () => new Problem(CURRICULUM, 1, ''), ['strands', i, 'picture'])
		})),
		years: plan.value.years
	};
	return { curriculum, lessons, scenarios, media: [...media.used].sort(), files };
}

export function summaryOf(l: CompiledLesson): LessonSummary {
	return {
		id: l.id,
		title: l.title,
		year: l.year,
		halfTerm: l.halfTerm,
		strands: l.strands,
		minutes: l.minutes,
		cover: l.cover,
		objectives: l.objectives,
		stepKinds: l.steps.map((s) => s.kind)
	};
}

/** The programme as `npm run curriculum` prints it (issue 10, item 4). */
export function programmeJson(p: CompiledProgramme) {
	const coverage: Record<string, Year[]> = {};
	for (const s of p.curriculum.strands) coverage[s.id] = [];
	for (const l of p.lessons) {
		for (const s of l.strands) if (!coverage[s]!.includes(l.year)) coverage[s]!.push(l.year);
	}
	for (const years of Object.values(coverage)) years.sort((a, b) => YEARS.indexOf(a) - YEARS.indexOf(b));
	return {
		lessons: p.lessons.map((l) => ({
			id: l.id,
			year: l.year,
			halfTerm: l.halfTerm,
			strands: l.strands,
			minutes: l.minutes,
			steps: l.steps.length,
			stepKinds: l.steps.map((s) => s.kind)
		})),
		coverage,
		scenarios: p.scenarios.map((s) => ({ lesson: s.lesson, step: s.step, start: s.start, scenes: s.scenes }))
	};
}
