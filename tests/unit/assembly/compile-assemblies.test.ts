/**
 * The assembly compiler refuses each kind of broken file with file, line, what is wrong and how
 * to fix it, as lessons do; and it lays a deck out so each choice's branch meets the story again.
 * Each test breaks one thing in a copy of the lesson fixture programme with one assembly in it.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLessons } from '../../../tooling/compile-lessons';
import { compileAssemblies } from '../../../tooling/compile-assemblies';
import { HALF_TERMS } from '../../../src/lib/content/curriculum-schema';

const PROGRAMME = join(process.cwd(), 'tests/fixtures/lessons/programme');
const ASSEMBLY = join(process.cwd(), 'tests/fixtures/assemblies/asking-first.yaml');
const FILE = 'content/assemblies/asking-first.yaml';

/** A copy of the fixture programme holding the fixture assembly with `edits` applied. */
function withAssembly(edits: [string | RegExp, string][] = []): string {
	const root = mkdtempSync(join(tmpdir(), 'harbour-assemblies-'));
	cpSync(PROGRAMME, root, { recursive: true });
	mkdirSync(join(root, 'content/assemblies'));
	let text = readFileSync(ASSEMBLY, 'utf8');
	for (const [find, replace] of edits) {
		const next = text.replace(find, replace);
		if (next === text) throw new Error(`fixture edit found nothing: ${String(find)}`);
		text = next;
	}
	writeFileSync(join(root, FILE), text);
	return root;
}

const lineOf = (root: string, needle: string) =>
	readFileSync(join(root, FILE), 'utf8')
		.split('\n')
		.findIndex((l) => l.includes(needle)) + 1;

function problemOf(root: string): string {
	try {
		compileAssemblies(root, compileLessons(root));
	} catch (e) {
		return (e as Error).message;
	}
	throw new Error('the assembly compiled, but a problem was expected');
}

describe('compiling the assemblies', () => {
	it('lays the slides out flat: each branch after its choice, meeting again at the next slide', () => {
		const root = withAssembly();
		const { assemblies, media } = compileAssemblies(root, compileLessons(root));
		const [a] = assemblies;
		expect(a!.reinforces.map((l) => l.id)).toEqual(['asking-first', 'kind-words']);
		expect(a!.halfTerm).toBe('autumn-2');
		const ids = a!.slides.map((s) => s.id);
		expect(ids.slice(0, 5)).toEqual(['hello', 'what-should-sam-do', 'asks-nana', 'thinks-again', 'thumbs']);
		const choice = a!.slides[1]!;
		expect(choice.choices!.map((c) => c.to)).toEqual([2, 3]);
		expect(a!.slides[2]).toMatchObject({ next: 4, prev: 1, branch: { of: 1, choice: 0 } });
		expect(a!.slides[3]).toMatchObject({ next: 4, prev: 1, branch: { of: 1, choice: 1 } });
		expect(a!.slides[4]).toMatchObject({ kind: 'thumbs', prev: 1, next: 5 });
		expect(a!.slides.at(-1)!.next).toBeNull();
		expect(media).toContain('cast/things/heart.svg');
	});

	it('names the file, line and fix for a lesson that does not exist', () => {
		const root = withAssembly([['[asking-first, kind-words]', '[asking-first, kind-wordz]']]);
		expect(problemOf(root)).toBe(
			`${FILE}:${lineOf(root, 'reinforces')}: reinforces.1: there is no lesson “kind-wordz” in lessons/. autumn-2’s lessons are: kind-words.`
		);
	});

	it('refuses a lesson taught after the assembly’s half-term', () => {
		const root = withAssembly([['when: autumn-2', 'when: autumn-1']]);
		expect(problemOf(root)).toBe(
			`${FILE}:${lineOf(root, 'reinforces')}: reinforces.1: “kind-words” is taught in autumn-2, after this autumn-1 assembly. Reinforce a lesson of this half-term or an earlier one.`
		);
	});

	it('places Safer Internet Day in Spring 1', () => {
		const root = withAssembly([['when: autumn-2', 'when: safer-internet-day']]);
		const [a] = compileAssemblies(root, compileLessons(root)).assemblies;
		expect(a).toMatchObject({ halfTerm: 'spring-1', occasion: 'safer-internet-day' });
	});

	it('names a picture that is not in the cast, on its line', () => {
		const root = withAssembly([
			['{ thing: tablet-video, alt: "A video." }', '{ thing: unicorn, alt: "A unicorn." }']
		]);
		expect(problemOf(root)).toMatch(
			new RegExp(
				`^${FILE}:${lineOf(root, 'unicorn')}: thing “unicorn” needs lessons/cast/things/unicorn.svg, which does not exist. Draw it, or use one of: `
			)
		);
	});

	it('names an unknown field at its key, and a missing one', () => {
		let root = withAssembly([['    words: Good morning!', '    words: Good morning!\n    colour: blue']]);
		expect(problemOf(root)).toBe(
			`${FILE}:${lineOf(root, 'colour')}: “colour” is not a field Harbour knows here. Check its spelling, or remove it (see content/assemblies/FORMAT.md).`
		);
		root = withAssembly([['    words: Good morning!', '    wrods: Good morning!']]);
		expect(problemOf(root)).toBe(
			`${FILE}:${lineOf(root, '- id: hello')}: slides.0: “words” is missing: add it (see content/assemblies/FORMAT.md).`
		);
	});

	it('names a wrong kind of slide', () => {
		const root = withAssembly([['kind: thumbs', 'kind: poll']]);
		expect(problemOf(root)).toBe(
			`${FILE}:${lineOf(root, 'kind: poll')}: slides.2.kind: kind must be slide, choice or thumbs (or left out for a plain slide).`
		);
	});

	it('refuses the same slide id twice', () => {
		const root = withAssembly([['id: thinks-again', 'id: asks-nana']]);
		const second =
			readFileSync(join(root, FILE), 'utf8').split('\n').lastIndexOf('          - id: asks-nana') + 1;
		expect(problemOf(root)).toBe(
			`${FILE}:${second}: slides.1.choices.1.slides.0.id: “asks-nana” is already the id of another slide. Give each slide its own id.`
		);
	});

	it('counts the slides: too few for 10 minutes says so', () => {
		const root = withAssembly([[/ {2}- id: slide-7[\s\S]*$/, '']]);
		expect(problemOf(root)).toBe(
			`${FILE}:${lineOf(root, 'slides:')}: slides: this assembly has 11 slides (counting every choice’s slides). An assembly of 10 to 15 minutes has 12 to 24: add some.`
		);
	});

	it('compiles the six real assemblies: one a half-term, Safer Internet Day among them', () => {
		const root = process.cwd();
		const { assemblies } = compileAssemblies(root, compileLessons(root));
		expect(assemblies.map((a) => a.halfTerm)).toEqual([...HALF_TERMS]);
		expect(assemblies.find((a) => a.occasion === 'safer-internet-day')?.halfTerm).toBe('spring-1');
		for (const a of assemblies) {
			expect(a.slides.length).toBeGreaterThanOrEqual(12);
			expect(a.slides.some((s) => s.kind === 'choice')).toBe(true);
			expect(a.slides.some((s) => s.kind === 'thumbs')).toBe(true);
			expect(a.reinforces.length).toBeGreaterThan(0);
		}
	});
});
