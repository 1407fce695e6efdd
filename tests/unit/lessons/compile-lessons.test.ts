/**
 * The lesson compiler refuses each kind of broken file with the promised message: the file, the
 * line, what is wrong and how to fix it. Each test breaks one thing in a copy of a small fixture
 * programme (tests/fixtures/lessons/programme) and checks the exact message.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLessons, programmeJson } from '../../../tooling/compile-lessons';

const FIXTURE = join(process.cwd(), 'tests/fixtures/lessons/programme');
const ASKING = 'lessons/asking-first/lesson.yaml';
const KIND = 'lessons/kind-words/lesson.yaml';
const PLAN = 'content/curriculum.yaml';

/** A copy of the fixture programme with `edits` applied (file → [find, replace]). */
function programmeWith(edits: Record<string, [string | RegExp, string][]> = {}): string {
	const root = mkdtempSync(join(tmpdir(), 'harbour-lessons-'));
	cpSync(FIXTURE, root, { recursive: true });
	for (const [file, changes] of Object.entries(edits)) {
		let text = readFileSync(join(root, file), 'utf8');
		for (const [find, replace] of changes) {
			const next = text.replace(find, replace);
			if (next === text) throw new Error(`fixture edit found nothing: ${String(find)}`);
			text = next;
		}
		writeFileSync(join(root, file), text);
	}
	return root;
}

const lineOf = (root: string, file: string, needle: string, nth = 1) =>
	readFileSync(join(root, file), 'utf8')
		.split('\n')
		.map((l, i) => (l.includes(needle) ? i + 1 : 0))
		.filter(Boolean)[nth - 1] ?? 0;

function problemsOf(root: string): string {
	try {
		compileLessons(root);
	} catch (e) {
		return (e as Error).message;
	}
	throw new Error('the programme compiled, but a problem was expected');
}

describe('compiling the lessons', () => {
	it('compiles the fixture programme and lists its media', () => {
		const p = compileLessons(FIXTURE);
		expect(p.lessons.map((l) => l.id)).toEqual(['asking-first', 'kind-words']);
		expect(p.media).toContain('cast/people/sam-happy.svg');
		expect(p.media).toContain('kind-words/kind-hands.svg');
		expect(p.scenarios.map((s) => s.step)).toEqual(['video-plays-on', 'message']);
	});

	it('prints the documented programme JSON', () => {
		const json = programmeJson(compileLessons(FIXTURE));
		expect(json.lessons[0]).toEqual({
			id: 'asking-first',
			year: 'reception',
			halfTerm: 'autumn-1',
			strands: ['privacy-and-security', 'managing-online-information'],
			minutes: 12,
			steps: 4,
			stepKinds: ['story', 'scenario', 'practice', 'recap']
		});
		expect(json.coverage['online-relationships']).toEqual(['reception']);
		expect(json.coverage['copyright-and-ownership']).toEqual([]);
		expect(json.scenarios[0]).toEqual({
			lesson: 'asking-first',
			step: 'video-plays-on',
			start: 'nana-tablet',
			scenes: {
				'nana-tablet': { choices: [{ to: 'asks-nana' }, { to: 'keeps-watching' }], ending: false },
				'keeps-watching': { choices: [{ to: 'nana-tablet' }], ending: false },
				'asks-nana': { choices: [], ending: true }
			}
		});
	});

	it('names the line of YAML that is not valid', () => {
		const root = programmeWith({ [ASKING]: [['minutes: 12', 'minutes: [12']] });
		expect(problemsOf(root)).toMatch(
			/^lessons\/asking-first\/lesson\.yaml:\d+: the YAML is not valid \(.+\)\. Check indentation and colons\.$/
		);
	});

	it('refuses an unknown field, at its own line', () => {
		const root = programmeWith({ [ASKING]: [['    caption: Let', '    captoin: Let']] });
		expect(problemsOf(root)).toBe(
			`${ASKING}:${lineOf(root, ASKING, 'captoin')}: “captoin” is not a field Harbour knows here. Check its spelling, or remove it (see lessons/FORMAT.md).`
		);
	});

	it('refuses a picture whose cast file does not exist, listing the cast', () => {
		const root = programmeWith({
			[ASKING]: [['people: [sam happy], alt: Sam waves', 'people: [sam dancing], alt: Sam waves']]
		});
		expect(problemsOf(root)).toBe(
			`${ASKING}:${lineOf(root, ASKING, 'sam dancing')}: person “sam dancing” needs lessons/cast/people/sam-dancing.svg, which does not exist. Draw it, or use one of: nana happy, nana sad, nana thinking, nana worried, sam happy, sam sad, sam thinking, sam worried.`
		);
	});

	it('refuses a lesson drawing that is not in the lesson folder', () => {
		const root = programmeWith({ [KIND]: [['file: kind-hands.svg', 'file: kind-feet.svg']] });
		expect(problemsOf(root)).toBe(
			`${KIND}:${lineOf(root, KIND, 'kind-feet')}: file “kind-feet.svg” needs lessons/kind-words/kind-feet.svg, which does not exist. Add the file, or fix the name.`
		);
	});

	it('refuses a recorded clip that is not in the lesson folder', () => {
		const root = programmeWith({
			[ASKING]: [['    caption: Let', '    audio: hello.mp3\n    caption: Let']]
		});
		expect(problemsOf(root)).toBe(
			`${ASKING}:${lineOf(root, ASKING, 'hello.mp3')}: audio “hello.mp3” needs lessons/asking-first/hello.mp3, which does not exist. Add the file, or fix the name.`
		);
	});

	it('refuses a choice that names no scene', () => {
		const root = programmeWith({ [ASKING]: [['to: keeps-watching', 'to: keeps-waching']] });
		expect(problemsOf(root)).toBe(
			`${ASKING}:${lineOf(root, ASKING, 'keeps-waching')}: steps.1 (scenario “video-plays-on”): scene “nana-tablet” leads to “keeps-waching”, which is not a scene of this scenario. Use one of: “nana-tablet”, “keeps-watching”, “asks-nana”.`
		);
	});

	it('refuses a next that names no scene', () => {
		const root = programmeWith({ [ASKING]: [['next: nana-tablet', 'next: nana']] });
		expect(problemsOf(root)).toBe(
			`${ASKING}:${lineOf(root, ASKING, 'next: nana')}: steps.1 (scenario “video-plays-on”): scene “keeps-watching” leads to “nana”, which is not a scene of this scenario. Use one of: “nana-tablet”, “keeps-watching”, “asks-nana”.`
		);
	});

	it('refuses a start that names no scene', () => {
		const root = programmeWith({ [ASKING]: [['start: nana-tablet', 'start: nana-house']] });
		expect(problemsOf(root)).toBe(
			`${ASKING}:${lineOf(root, ASKING, 'start: nana-house')}: steps.1 (scenario “video-plays-on”): start names “nana-house”, which is not a scene of this scenario. Use one of: “nana-tablet”, “keeps-watching”, “asks-nana”.`
		);
	});

	it('refuses an unreachable scene, naming it', () => {
		const root = programmeWith({ [ASKING]: [['to: keeps-watching', 'to: asks-nana']] });
		expect(problemsOf(root)).toBe(
			`${ASKING}:${lineOf(root, ASKING, 'keeps-watching:')}: steps.1 (scenario “video-plays-on”): scene “keeps-watching” cannot be reached from the start “nana-tablet”: no choice or next leads to it. Add a choice that goes to it, or remove the scene.`
		);
	});

	it('refuses a loop without a way out', () => {
		const root = programmeWith({
			[ASKING]: [
				['next: nana-tablet', 'next: loop-b'],
				[
					'      asks-nana:',
					'      loop-b:\n        picture: { thing: tablet, alt: A tablet. }\n        narration: Round again.\n        next: keeps-watching\n      asks-nana:'
				]
			]
		});
		expect(problemsOf(root)).toBe(
			`${ASKING}:${lineOf(root, ASKING, 'keeps-watching:')}: steps.1 (scenario “video-plays-on”): scene “keeps-watching” is in a loop with no way out (keeps-watching → loop-b → keeps-watching): no ending can be reached from it. Give one of these scenes a choice that leads towards an ending.`
		);
		const root2 = programmeWith({ [ASKING]: [['to: asks-nana }', 'to: keeps-watching }']] });
		expect(problemsOf(root2)).toBe(
			`${ASKING}:${lineOf(root2, ASKING, 'asks-nana:')}: steps.1 (scenario “video-plays-on”): scene “asks-nana” cannot be reached from the start “nana-tablet”: no choice or next leads to it. Add a choice that goes to it, or remove the scene.`
		);
	});

	it('refuses a scene that has both choices and an ending', () => {
		const root = programmeWith({
			[ASKING]: [['next: nana-tablet', 'next: nana-tablet\n        ending: true']]
		});
		expect(problemsOf(root)).toBe(
			`${ASKING}:${lineOf(root, ASKING, 'keeps-watching:') + 1}: steps.1.scenes.keeps-watching: A scene needs exactly one of: choices (2–3), next (one scene), or ending: true.`
		);
	});

	it('refuses a lesson the plan names that does not exist', () => {
		const root = programmeWith({
			[PLAN]: [['autumn-2: [kind-words]', 'autumn-2: [kind-words, screens-and-sleep]']]
		});
		expect(problemsOf(root)).toBe(
			`${PLAN}:${lineOf(root, PLAN, 'screens-and-sleep')}: years.reception.autumn-2 names “screens-and-sleep”, but there is no lessons/screens-and-sleep/lesson.yaml. Create the lesson, or remove it from the plan.`
		);
	});

	it('refuses a lesson folder that is not in the plan', () => {
		const root = programmeWith({ [PLAN]: [['autumn-2: [kind-words]', 'autumn-2: []']] });
		expect(problemsOf(root)).toBe(
			`${KIND}:1: lesson “kind-words” is not in content/curriculum.yaml. Add it to a half-term of reception there, or remove the folder.`
		);
	});

	it('refuses a lesson planned in two half-terms', () => {
		const root = programmeWith({ [PLAN]: [['spring-1: []', 'spring-1: [kind-words]']] });
		expect(problemsOf(root)).toBe(
			`${PLAN}:${lineOf(root, PLAN, 'spring-1: [kind-words]')}: years.reception.spring-1: “kind-words” is already planned in reception autumn-2. A lesson appears in exactly one half-term: remove one.`
		);
	});

	it('refuses a lesson planned in another year than its own', () => {
		const root = programmeWith({
			[PLAN]: [
				['autumn-2: [kind-words]', 'autumn-2: []'],
				['year-1: { autumn-1: []', 'year-1: { autumn-1: [kind-words]']
			]
		});
		expect(problemsOf(root)).toBe(
			`${KIND}:2: year is reception, but content/curriculum.yaml plans this lesson in year-1 autumn-1. Make them agree.`
		);
	});

	it('refuses a strand that is not in the plan', () => {
		const root = programmeWith({ [KIND]: [['strands: [online-relationships]', 'strands: [kindness]']] });
		expect(problemsOf(root)).toMatch(
			/^lessons\/kind-words\/lesson\.yaml:3: strands\.0: “kindness” is not a strand in content\/curriculum\.yaml\. Use one of: self-image-and-identity, .*copyright-and-ownership\.$/
		);
	});

	it('lets a game step choose its items, and refuses items the game cannot play at that level', () => {
		const ok = programmeWith({
			[KIND]: [['    level: reception\n', '    level: reception\n    items: [okay, not-you, well-done]\n']]
		});
		const step = compileLessons(ok)
			.lessons.flatMap((l) => l.steps)
			.find((s) => s.kind === 'game');
		expect(step).toMatchObject({ game: 'kind-words', items: ['okay', 'not-you', 'well-done'] });
		const root = programmeWith({
			[KIND]: [['    level: reception\n', '    level: reception\n    items: [okay, hug]\n']]
		});
		expect(problemsOf(root)).toBe(
			`${KIND}:${lineOf(root, KIND, 'items:')}: steps.2 (game “kind-game”, kind-words at reception): unknown item “hug”; at this level choose from: play, go-away, friend, silly, well-done, not-you, okay, photo.`
		);
	});

	it('refuses two steps with one id', () => {
		const root = programmeWith({ [KIND]: [['id: recap', 'id: hello']] });
		expect(problemsOf(root)).toBe(
			`${KIND}:${lineOf(root, KIND, 'id: hello', 2)}: steps.4.id: “hello” is already the id of an earlier step. Give each step its own id.`
		);
	});

	it('refuses a lesson folder without a lesson.yaml', () => {
		const root = programmeWith();
		mkdirSync(join(root, 'lessons/half-written'));
		expect(problemsOf(root)).toBe(
			'lessons/half-written/:1: this folder has no lesson.yaml. Add one, or remove the folder.'
		);
	});

	it('refuses a folder name that is not a lesson id', () => {
		const root = programmeWith();
		cpSync(join(root, 'lessons/kind-words'), join(root, 'lessons/Kind_Words'), { recursive: true });
		expect(problemsOf(root)).toContain(
			'lessons/Kind_Words/lesson.yaml:1: the folder name “Kind_Words” is the lesson id: rename it to lower-case words joined by dashes.'
		);
	});

	it('refuses a missing programme file', () => {
		const root = programmeWith();
		rmSync(join(root, PLAN));
		expect(problemsOf(root)).toContain(
			'content/curriculum.yaml:1: the programme file is missing. Create it as lessons/FORMAT.md shows.'
		);
	});

	it('lists one problem per broken file', () => {
		const root = programmeWith({
			[ASKING]: [['minutes: 12', 'minutes: 25']],
			[KIND]: [['kind: game', 'kind: puzzle']]
		});
		expect(problemsOf(root).split('\n')).toEqual([
			`${ASKING}:4: minutes: minutes must be 10 to 20.`,
			`${KIND}:${lineOf(root, KIND, 'kind: puzzle')}: steps.2.kind: kind must be one of: story, scenario, quiz, game, practice, recap.`
		]);
	});
});

describe('the lesson schema', () => {
	const cases: [string, string, [string | RegExp, string], string][] = [
		[
			'an objective not in a child’s words',
			ASKING,
			['  - I can say what', '  - We say what'],
			'objectives.1: Each objective starts “I can ”, as a child would say it.'
		],
		[
			'a quiz with no right answer',
			KIND,
			['right: true', 'right: false'],
			'steps.1.answers: Mark at least one answer right: true.'
		],
		[
			'a picture with nothing in it',
			ASKING,
			['cover: { thing: tablet, alt: A tablet. }', 'cover: { alt: A tablet. }'],
			'cover: A picture needs at least one of place, people, thing or file.'
		],
		[
			'a picture without alt words',
			ASKING,
			['cover: { thing: tablet, alt: A tablet. }', 'cover: { thing: tablet }'],
			'cover: “alt” is missing: add it (see lessons/FORMAT.md).'
		],
		[
			'four people in a picture',
			ASKING,
			[
				'people: [sam happy], alt: Sam waves',
				'people: [sam happy, sam sad, nana sad, nana happy], alt: Sam waves'
			],
			'steps.0.picture.people: A picture shows at most 3 people: remove some.'
		],
		[
			'a scene with one choice',
			KIND,
			[
				'          - { label: Turn it over, picture: { thing: tablet, alt: A tablet turned over. }, to: turns-over }\n          - { label: Keep looking, picture: { thing: tablet, alt: The tablet. }, to: think-again }\n',
				''
			],
			'steps.3.scenes.sad-message.choices: A scene with choices needs 2 or 3 of them (or use next: for one way on).'
		],
		[
			'an unknown game',
			KIND,
			['game: kind-words', 'game: snap'],
			'steps.2.game: game must be one of: keep-it-secret, kind-words, real-or-pretend, spot-it-and-tell.'
		],
		[
			'a talk-at-home card without three sentences',
			KIND,
			['Ask your child for a kind word., ', ''],
			'talkAtHome.sentences: The talk-at-home card has exactly three sentences.'
		],
		[
			'an unknown year',
			KIND,
			['year: reception', 'year: nursery'],
			'year: year must be one of: reception, year-1, year-2.'
		]
	];
	for (const [what, file, edit, message] of cases) {
		it(`refuses ${what}`, () => {
			const root = programmeWith({ [file]: [edit] });
			expect(problemsOf(root)).toMatch(
				new RegExp(`^${file.replace(/[.]/g, '\\.')}:\\d+: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
			);
		});
	}

	it('refuses a programme without eight strands', () => {
		const root = programmeWith({
			[PLAN]: [[/ {2}- \{\n\s+id: copyright-and-ownership[\s\S]*?\n(?=years:)/, '']]
		});
		expect(problemsOf(root)).toBe(
			`${PLAN}:2: strands: List the eight strands of Education for a Connected World, in order.`
		);
	});

	it('refuses a half-term that does not exist', () => {
		const root = programmeWith({
			[PLAN]: [['summer-2: []\n  year-1', 'summer-2: []\n    summer-3: []\n  year-1']]
		});
		expect(problemsOf(root)).toBe(
			`${PLAN}:${lineOf(root, PLAN, 'summer-3')}: “summer-3” is not a half-term. The six are autumn-1, autumn-2, spring-1, spring-2, summer-1, summer-2.`
		);
	});
});
