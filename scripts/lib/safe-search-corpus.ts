/**
 * Reading the safe-search corpus (content/safe-search/training/ and heldout/) from disk and
 * training the model from it (Node only): for the build, the eval and the command-line tools.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCorpus, type LabelledQuery } from '../../src/lib/search/model/corpus';
import type { SerialisedModel } from '../../src/lib/search/model/model';
import { trainModel, type TrainOptions } from '../../src/lib/search/model/train';
import { DEFAULT_LISTS_DIR } from './safe-search-lists';

export const TRAINING_DIR = join(DEFAULT_LISTS_DIR, 'training');
export const HELDOUT_DIR = join(DEFAULT_LISTS_DIR, 'heldout');

/** Every label file in `dir`; templates are expanded in training files only. */
export function loadCorpus(dir: string, templates: boolean): LabelledQuery[] {
	const files: Record<string, string> = {};
	for (const name of readdirSync(dir)) {
		if (name.endsWith('.txt')) files[name] = readFileSync(join(dir, name), 'utf8');
	}
	return parseCorpus(files, templates);
}

/**
 * The training examples, without any that is word for word a held-out line. Training and
 * held-out lines are written separately, but a template can still expand to a held-out
 * query by chance ("momo challenge"); such twins are dropped so held-out stays unseen.
 */
export function loadTraining(
	extra: readonly LabelledQuery[] = [],
	trainingDir: string = TRAINING_DIR,
	heldoutDir: string = HELDOUT_DIR
): LabelledQuery[] {
	const heldout = new Set(loadCorpus(heldoutDir, false).map((q) => comparable(q.query)));
	return [...loadCorpus(trainingDir, true), ...extra].filter((q) => !heldout.has(comparable(q.query)));
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
