/**
 * The honest evaluation (issue 12): the model trained on content/safe-search/training/ only,
 * the rules and model together measured on content/safe-search/heldout/. Fails if the
 * held-out figures fall below this release's floor; the goals are checked as well
 * and reported (caught ≥ 97 % and innocent blocked ≤ 2 % are not reached yet).
 */
import { describe, expect, it } from 'vitest';
import { compileClassifier } from '$lib/search/classify';
import { belowFloor, evaluate, GOALS, RELEASE_FLOOR } from '$lib/search/model/evaluate';
import { SafeSearchModel } from '$lib/search/model/model';
import { trainModel } from '$lib/search/model/train';
import { siteExamples } from '$lib/search/model/corpus';
import { HELDOUT_DIR, loadCorpus, loadTraining } from '../../../scripts/lib/safe-search-corpus';
import { loadSafeSearchLists } from '../../../scripts/lib/safe-search-lists';

const lists = loadSafeSearchLists();

describe('held-out evaluation', () => {
	const training = loadTraining(siteExamples(lists));
	const heldout = loadCorpus(HELDOUT_DIR, false);
	const model = new SafeSearchModel(trainModel(training));
	const withModel = evaluate(compileClassifier(lists, model), heldout);
	const rulesOnly = evaluate(compileClassifier(lists), heldout);

	it('never trains on a held-out line', () => {
		const seen = new Set(training.map((q) => q.query.toLowerCase()));
		expect(heldout.filter((q) => seen.has(q.query.toLowerCase()))).toEqual([]);
	});

	it('stays at or above this release floor, and alerts on disclosures as the goal asks', () => {
		expect(belowFloor(withModel)).toBeNull();
		expect(withModel.alerted.rate).toBeGreaterThanOrEqual(GOALS.alerted);
		expect(withModel.caught.rate).toBeGreaterThanOrEqual(RELEASE_FLOOR.caught);
	});

	it('catches far more with the model than the rules alone', () => {
		expect(withModel.caught.rate).toBeGreaterThan(rulesOnly.caught.rate + 0.1);
		expect(withModel.alerted.rate).toBeGreaterThan(rulesOnly.alerted.rate + 0.2);
	});

	it.todo(
		'meets the goals: unsafe caught ≥ 97 %, innocent blocked ≤ 2 % (see README for the measured figures)'
	);
}, 240_000);
