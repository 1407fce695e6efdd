/**
 * Reading the safe-search corpus (content/safe-search/training/ and the held-out folders) from
 * disk and training the model from it (Node only): for the build, the eval and the command-line
 * tools.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCorpus, type LabelledQuery } from '../../src/lib/search/model/corpus';
import type { SerialisedModel } from '../../src/lib/search/model/model';
import { trainModel, type TrainOptions } from '../../src/lib/search/model/train';
import { DEFAULT_LISTS_DIR } from './safe-search-lists';

export const TRAINING_DIR = join(DEFAULT_LISTS_DIR, 'training');
/** The held-out part the build's release floor and `classify-eval` measure by default. */
export const HELDOUT_DIR = join(DEFAULT_LISTS_DIR, 'heldout');

/**
 * Every label file in `dir` and its sub-folders (training/ keeps its sources apart: the
 * hand-written lines at the top, each further author or retired held-out set in a folder of
 * its own); templates are expanded in training files only.
 */
export function loadCorpus(dir: string, templates: boolean): LabelledQuery[] {
	const files: Record<string, string> = {};
	const read = (folder: string, prefix: string): void => {
		for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
			a.name.localeCompare(b.name)
		)) {
			if (entry.isDirectory()) read(join(folder, entry.name), `${prefix}${entry.name}/`);
			else if (entry.name.endsWith('.txt'))
				files[`${prefix}${entry.name}`] = readFileSync(join(folder, entry.name), 'utf8');
		}
	};
	read(dir, '');
	return parseCorpus(files, templates);
}

/** Every held-out folder (`heldout`, `heldout-2`, …) in `listsDir`. */
export function heldoutDirs(listsDir: string = DEFAULT_LISTS_DIR): string[] {
	return readdirSync(listsDir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && /^heldout(-\d+)?$/u.test(entry.name))
		.map((entry) => join(listsDir, entry.name));
}

/**
 * The training examples, without any that is word for word a line of any held-out set.
 * Training and held-out lines are written separately, but a template can still expand to a
 * held-out query by chance ("momo challenge"); such twins are dropped so held-out stays unseen.
 */
export function loadTraining(
	extra: readonly LabelledQuery[] = [],
	trainingDir: string = TRAINING_DIR,
	heldout: readonly string[] = heldoutDirs()
): LabelledQuery[] {
	const unseen = new Set(heldout.flatMap((dir) => loadCorpus(dir, false).map((q) => comparable(q.query))));
	return [...loadCorpus(trainingDir, true), ...extra].filter((q) => !unseen.has(comparable(q.query)));
}

function comparable(query: string): string {
	return query
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** Train the model on content/safe-search/training/ (or `dir`). */
export function trainFromDisk(options: Partial<TrainOptions> = {}): SerialisedModel {
	return trainModel(loadTraining(), options);
}
