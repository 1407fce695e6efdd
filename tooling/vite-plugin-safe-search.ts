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
import { heldoutDirs, loadCorpus, loadTraining } from '../scripts/lib/safe-search-corpus';
import { loadSafeSearchLists } from '../scripts/lib/safe-search-lists';
import { siteExamples } from '../src/lib/search/model/corpus';
import { compileClassifier } from '../src/lib/search/classify';
import { belowFloor, evaluate } from '../src/lib/search/model/evaluate';
import { SafeSearchModel, type SerialisedModel } from '../src/lib/search/model/model';
import { trainModel } from '../src/lib/search/model/train';
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

const LIST_FILES = ['sites', 'terms', 'exceptions'].map((file) => `${LISTS_DIR}/${file}.yaml`);

/** The client and server builds both ask for the model: train it once per corpus. */
let trained: { key: string; model: SerialisedModel } | null = null;

/**
 * Train the safe-search model on content/safe-search/training/ (and the sites' own words). A
 * model whose classes name a category terms.yaml does not have stops the build.
 */
export function compileSafeSearchModel(root: string): { model: SerialisedModel } {
	const lists = loadSafeSearchLists(resolve(root, LISTS_DIR));
	const corpus = loadTraining(
		siteExamples(lists),
		resolve(root, LISTS_DIR, 'training'),
		heldoutDirs(resolve(root, LISTS_DIR))
	);
	const key = JSON.stringify(corpus) + JSON.stringify(lists.terms.categories.map((c) => c.id));
	if (trained?.key !== key) {
		const model = trainModel(corpus);
		const known = new Set(lists.terms.categories.map((c) => c.id));
		for (const cls of model.classes) {
			if (cls.category !== null && !known.has(cls.category)) {
				throw new Error(
					`${LISTS_DIR}/training/${cls.verdict}-${cls.category}.txt: there is no category "${cls.category}" in terms.yaml — add it there or rename the file`
				);
			}
		}
		// The build refuses a model that makes the held-out figures worse than this release's.
		const heldout = loadCorpus(resolve(root, LISTS_DIR, 'heldout'), false);
		const problem = belowFloor(evaluate(compileClassifier(lists, new SafeSearchModel(model)), heldout));
		if (problem !== null) {
			throw new Error(
				`${LISTS_DIR}/training/: the trained model falls below the release floor on heldout/ (${problem}) — run npm run --silent classify-eval -- --cv 3 and improve training/, never heldout/`
			);
		}
		trained = { key, model };
	}
	return { model: trained.model };
}

export function harbourSafeSearch(): Plugin[] {
	return [
		virtualDataModule({
			name: 'harbour-safe-search',
			id: 'virtual:harbour-safe-search',
			watch: LIST_FILES,
			compile: compileSafeSearch
		}),
		virtualDataModule({
			name: 'harbour-safe-search-model',
			id: 'virtual:harbour-safe-search-model',
			watch: LIST_FILES,
			compile: compileSafeSearchModel
		})
	];
}
