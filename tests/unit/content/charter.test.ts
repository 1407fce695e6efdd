import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../../tooling/vite-plugin-content';

function schoolWith(charterYaml: string): string {
	const root = mkdtempSync(join(tmpdir(), 'harbour-content-'));
	mkdirSync(join(root, 'content'));
	cpSync(join(process.cwd(), 'static', 'pictures'), join(root, 'static', 'pictures'), { recursive: true });
	writeFileSync(join(root, 'content', 'charter.yaml'), charterYaml);
	return root;
}

const promise = (picture: string, short = 'Be kind') =>
	`  - picture: ${picture}\n    short: ${short}\n    say: Something to say.\n`;
const charter = (promises: string) =>
	`title: Promises\nintro: Hello.\npromises:\n${promises}promise: I promise.\n`;

describe('the charter content file', () => {
	it('compiles the shipped charter', () => {
		const { charter: c } = compileContent(process.cwd()) as { charter: { promises: unknown[] } };
		expect(c.promises.length).toBeGreaterThanOrEqual(3);
	});

	it('names the file, the line and the fix when a field is empty', () => {
		const root = schoolWith(
			charter(promise('charter-kind') + promise('charter-tell', '""') + promise('charter-ask'))
		);
		expect(() => compileContent(root)).toThrow(
			'content/charter.yaml line 8: “promises.1.short”: “short” is empty: write it.'
		);
	});

	it('names the line of broken YAML', () => {
		const root = schoolWith('title: Promises\nintro: [oops\npromises: []\n');
		expect(() => compileContent(root)).toThrow(/^content\/charter\.yaml line \d+: the YAML is not valid/);
	});

	it('refuses a picture that does not exist', () => {
		const root = schoolWith(charter(promise('charter-kind') + promise('unicorn') + promise('charter-ask')));
		expect(() => compileContent(root)).toThrow('picture “unicorn” is not in static/pictures/');
	});
});
