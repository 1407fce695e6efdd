/**
 * Loading the safe-search lists from disk, for command-line tools and tests (Node only).
 * The browser and the service worker get the same lists through the app's build instead.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	LIST_FILES,
	parseSafeSearchLists,
	type ListFile,
	type SafeSearchLists
} from '../../src/lib/search/lists-schema';

/** The repository root: two folders up from scripts/lib/. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where the shipped lists live. */
export const DEFAULT_LISTS_DIR = join(REPO_ROOT, 'content', 'safe-search');

const FILE_NAMES: Readonly<Record<ListFile, string>> = {
	sites: 'sites.yaml',
	terms: 'terms.yaml',
	exceptions: 'exceptions.yaml'
};

/** Paths in messages are relative to the repository when the file is inside it. */
function displayPath(file: string): string {
	const fromRoot = relative(REPO_ROOT, file);
	return fromRoot.startsWith('..') || isAbsolute(fromRoot) ? file : fromRoot.split('\\').join('/');
}

/**
 * Read and check the three list files in `dir`. Throws SafeSearchListsError (naming file, line
 * and fix) when a list is wrong, or a plain Error when a file cannot be read.
 */
export function loadSafeSearchLists(dir: string = DEFAULT_LISTS_DIR): SafeSearchLists {
	const files = Object.keys(FILE_NAMES) as ListFile[];
	const paths = Object.fromEntries(files.map((name) => [name, resolve(dir, FILE_NAMES[name])])) as Record<
		ListFile,
		string
	>;
	const texts = Object.fromEntries(
		files.map((name) => {
			try {
				return [name, readFileSync(paths[name], 'utf8')];
			} catch (error) {
				const reason = error instanceof Error ? error.message : String(error);
				throw new Error(`${displayPath(paths[name])}: the file could not be read (${reason})`);
			}
		})
	) as Record<ListFile, string>;
	const shown = Object.fromEntries(files.map((name) => [name, displayPath(paths[name])])) as Record<
		ListFile,
		string
	>;
	return parseSafeSearchLists(texts, dir === DEFAULT_LISTS_DIR ? LIST_FILES : shown);
}
