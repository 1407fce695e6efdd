/**
 * The safe-search lists are compiled into the app at build (tooling/vite-plugin-safe-search.ts):
 * a broken list stops the build with its path and line, and the page's CSP frame-src lists
 * exactly the embeddable sites' origins.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import svelteConfig, { embeddableOrigins as configOrigins } from '../../../svelte.config.js';
import { compileSafeSearch } from '../../../tooling/vite-plugin-safe-search';
import { REPO_ROOT } from '../../../scripts/lib/safe-search-lists';

/** A copy of the repository's lists and pictures to break. */
function copyOfRepo(): string {
	const root = mkdtempSync(join(tmpdir(), 'harbour-lists-'));
	cpSync(join(REPO_ROOT, 'content', 'safe-search'), join(root, 'content', 'safe-search'), {
		recursive: true
	});
	cpSync(join(REPO_ROOT, 'static', 'pictures'), join(root, 'static', 'pictures'), { recursive: true });
	return root;
}

describe('the safe-search build step', () => {
	it('compiles the shipped lists, with the embeddable origins', () => {
		const compiled = compileSafeSearch(REPO_ROOT);
		expect(compiled.lists.sites.length).toBeGreaterThan(50);
		expect(compiled.frameOrigins).toContain('https://phet.colorado.edu');
		expect(compiled.frameOrigins).toEqual([...new Set(compiled.frameOrigins)].sort());
	});

	it('stops on a broken list, naming the file and line', () => {
		const root = copyOfRepo();
		const sites = join(root, 'content', 'safe-search', 'sites.yaml');
		const lines = readFileSync(sites, 'utf8').split('\n');
		const at = lines.findIndex((line) => line.includes('url: https://www.bbc.co.uk/cbeebies/'));
		lines[at] = lines[at]!.replace('https://', 'http://');
		writeFileSync(sites, lines.join('\n'));
		expect(() => compileSafeSearch(root)).toThrow(
			new RegExp(`sites\\.yaml line ${at + 1}: entry "CBeebies" url must start with https://`, 'u')
		);
	});

	it('stops when a topic has no picture', () => {
		const root = copyOfRepo();
		const sites = join(root, 'content', 'safe-search', 'sites.yaml');
		const text = readFileSync(sites, 'utf8').replace('  - id: animals\n', '  - id: penguins\n');
		writeFileSync(sites, text);
		expect(() => compileSafeSearch(root)).toThrow(
			/topic "penguins" has no picture — add static\/pictures\/topic-penguins\.svg/u
		);
	});

	it('gives the CSP frame-src exactly the embeddable origins', () => {
		const { frameOrigins } = compileSafeSearch(REPO_ROOT);
		expect(configOrigins()).toEqual(frameOrigins);
		expect(svelteConfig.kit?.csp?.directives?.['frame-src']).toEqual(frameOrigins);
	});
});
