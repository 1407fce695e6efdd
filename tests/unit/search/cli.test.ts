/**
 * The command-line tools, run as the other scripts run them: `npx tsx scripts/...` with
 * queries on standard input. Spawning is slow, so each test checks several things.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LISTS_DIR, REPO_ROOT } from '../../../scripts/lib/safe-search-lists';

function run(script: string, input: string, args: string[] = []) {
	const result = spawnSync('npx', ['tsx', script, ...args], {
		cwd: REPO_ROOT,
		input,
		encoding: 'utf8',
		timeout: 60_000
	});
	const lines = result.stdout.split('\n').filter((line) => line !== '');
	return { status: result.status, stderr: result.stderr, lines };
}

const scratch = mkdtempSync(join(tmpdir(), 'harbour-safe-search-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('scripts/classify.ts', () => {
	it('answers every line, in order, with one JSON object, handling CRLF, blanks and Unicode', () => {
		const input = [
			'dinosaurs',
			'free robux',
			'',
			'someone is hurting me',
			'ｐ０ｒｎ',
			'"quoted" \\ text',
			'scunthorpe'
		].join('\r\n');
		const { status, lines } = run('scripts/classify.ts', `\uFEFF${input}\r\n`);
		expect(status).toBe(0);
		expect(lines.map((line) => JSON.parse(line))).toEqual([
			{ query: 'dinosaurs', verdict: 'allow', category: null },
			{ query: 'free robux', verdict: 'block', category: 'scams' },
			{ query: '', verdict: 'allow', category: null },
			{ query: 'someone is hurting me', verdict: 'alert', category: 'disclosure' },
			{ query: 'ｐ０ｒｎ', verdict: 'block', category: 'pornography' },
			{ query: '"quoted" \\ text', verdict: 'allow', category: null },
			{ query: 'scunthorpe', verdict: 'allow', category: null }
		]);
	});

	it('refuses to run with a broken list, saying which file and line to fix', () => {
		const broken = join(scratch, 'broken');
		cpSync(DEFAULT_LISTS_DIR, broken, { recursive: true });
		const sitesFile = join(broken, 'sites.yaml');
		const sites = readFileSync(sitesFile, 'utf8');
		writeFileSync(
			sitesFile,
			sites.replace('url: https://spaceplace.nasa.gov/', 'url: http://spaceplace.nasa.gov/')
		);
		const line = sites.split('\n').findIndex((l) => l.includes('https://spaceplace.nasa.gov/')) + 1;

		const { status, stderr, lines } = run('scripts/classify.ts', 'dinosaurs\n', ['--lists', broken]);
		expect(status).toBe(1);
		expect(lines).toEqual([]);
		expect(stderr).toContain(
			`${sitesFile} line ${line}: entry "NASA Space Place" url must start with https:// — fix the url`
		);
	});
});

describe('scripts/check-url.ts', () => {
	it('judges each link against the shipped allowlist', () => {
		const input = [
			'https://www.bbc.co.uk/cbeebies/',
			'https://www.bbc.co.uk.evil.example/',
			'javascript:alert(1)'
		].join('\n');
		const { status, lines } = run('scripts/check-url.ts', input);
		expect(status).toBe(0);
		expect(lines.map((line) => JSON.parse(line))).toEqual([
			{ url: 'https://www.bbc.co.uk/cbeebies/', allowed: true, reason: "on the school's list" },
			{ url: 'https://www.bbc.co.uk.evil.example/', allowed: false, reason: "not on the school's list" },
			{ url: 'javascript:alert(1)', allowed: false, reason: 'only https links are allowed' }
		]);
	});
});
