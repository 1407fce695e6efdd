/**
 * Checks the safe-search lists (content/safe-search/*.yaml) at build time and serves them to the
 * app as `virtual:harbour-safe-search`. A broken list stops the build with its path, line and
 * the fix (parseSafeSearchLists); a topic or subject without a picture stops it too. The lists
 * end up in a JS chunk the service worker precaches, so search works offline.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { virtualDataModule } from './virtual-data-module';
import { loadSafeSearchLists } from '../scripts/lib/safe-search-lists';
import { embeddableOrigins } from '../src/lib/search/embeddable';
import type { SafeSearchLists } from '../src/lib/search/lists-schema';
import { SUBJECT_PICTURES, topicPicture } from '../src/lib/search/search-pictures';

const LISTS_DIR = 'content/safe-search';

export interface CompiledSafeSearch {
	readonly lists: SafeSearchLists;
	readonly frameOrigins: readonly string[];
}

function checkPictures(root: string, lists: SafeSearchLists): void {
	const missing = (name: string) => !existsSync(resolve(root, 'static/pictures', `${name}.svg`));
	for (const topic of lists.topics) {
		const picture = topicPicture(topic.id);
		if (missing(picture)) {
			throw new Error(
				`${LISTS_DIR}/sites.yaml: topic "${topic.id}" has no picture — add static/pictures/${picture}.svg (128×128, with a <title>)`
			);
		}
	}
	for (const [subject, picture] of Object.entries(SUBJECT_PICTURES)) {
		if (missing(picture)) {
			throw new Error(
				`src/lib/search/search-pictures.ts: subject "${subject}" uses static/pictures/${picture}.svg, which does not exist — add it or choose another picture`
			);
		}
	}
}

/** Read, check and compile the lists in `root`. Throws with the file, line and fix. */
export function compileSafeSearch(root: string): CompiledSafeSearch {
	const lists = loadSafeSearchLists(resolve(root, LISTS_DIR));
	checkPictures(root, lists);
	return { lists, frameOrigins: embeddableOrigins(lists.sites) };
}

export function harbourSafeSearch(): Plugin {
	return virtualDataModule({
		name: 'harbour-safe-search',
		id: 'virtual:harbour-safe-search',
		watch: ['sites', 'terms', 'exceptions'].map((file) => `${LISTS_DIR}/${file}.yaml`),
		compile: compileSafeSearch
	});
}
