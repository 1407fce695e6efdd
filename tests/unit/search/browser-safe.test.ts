/**
 * src/lib/search/ runs in pages and in the service worker, so it must not import anything
 * that only exists in Node. It shares one module with the content checks, which is held to the
 * same rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../scripts/lib/safe-search-lists';

const SEARCH_DIR = join(REPO_ROOT, 'src', 'lib', 'search');
const IMPORT = /(?:import|export)[^'"]*from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gu;
const BROWSER_SAFE_PACKAGES = new Set(['valibot', 'yaml']);
const SHARED = '../content/yaml-locations';

describe('src/lib/search is browser-safe', () => {
	const files = [...readdirSync(SEARCH_DIR).filter((name) => name.endsWith('.ts')), `${SHARED}.ts`];

	it('has modules to check', () => {
		expect(files.length).toBeGreaterThan(5);
	});

	it.each(files)('%s imports only sibling modules, the shared YAML reader, valibot and yaml', (name) => {
		const source = readFileSync(join(SEARCH_DIR, name), 'utf8');
		const imports = [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? '');
		const unsafe = imports.filter(
			(spec) => !spec.startsWith('./') && spec !== SHARED && !BROWSER_SAFE_PACKAGES.has(spec)
		);
		expect(unsafe).toEqual([]);
		expect(source).not.toMatch(/\bprocess\.|\brequire\(|__dirname|\bBuffer\b/u);
	});
});
