/**
 * The honest evaluation (issue 12): the model trained on content/safe-search/training/ only,
 * the rules and model together measured on content/safe-search/heldout/. Fails if the
 * held-out figures fall below this release's floor; the goals are checked as well
 * and reported (caught ≥ 97 % and innocent blocked ≤ 2 % are not reached yet).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileClassifier, compileExplainer } from '$lib/search/classify';
import { belowFloor, evaluate, GOALS, RELEASE_FLOOR } from '$lib/search/model/evaluate';
import { SafeSearchModel } from '$lib/search/model/model';
import { trainModel } from '$lib/search/model/train';
import { parseCorpus, siteExamples } from '$lib/search/model/corpus';
import { decidedLabel } from '$lib/search/staff/decided-label';
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

	it('lets the model overrule a rule block on an innocent sentence, never a one-word query or an alert', () => {
		const explain = compileExplainer(lists, model);
		// "kill" is a rule word; in a sentence about a game the model is sure it is innocent.
		// (exceptions.yaml names the best-known game targets, "the ender dragon", "a piglin"; this one it does not.)
		const game = explain('how do you kill a hoglin in the nether');
		expect(game.verdict).toBe('allow');
		expect(game.decidedBy).toBe('model');
		expect(compileExplainer(lists)('how do you kill a hoglin in the nether').verdict).toBe('block');
		expect(explain('kill').verdict).toBe('block');
		expect(explain('i want to kill myself tonight').verdict).toBe('alert');
		expect(explain('how to kill someone with a knife').verdict).toBe('block');
		// A phrase was written to be sure: the model never overrules one, however ordinary its words.
		expect(explain('the great replacement is coming').verdict).toBe('block');
		expect(explain('race war when').verdict).toBe('block');
	});

	it('lets the model overrule a listed phrase in a search that asks to learn, never in one that asks for the harm', () => {
		const explain = compileExplainer(lists, model);
		const rulesOnly = compileExplainer(lists);
		// PSHE and history homework: the phrases ("loot boxes", "drug dealer", "ku klux klan") block
		// without the model, and the model is sure these are lessons.
		for (const query of [
			'why are loot boxes bad for children pshe',
			'what is a drug dealer ks2',
			'what was the ku klux klan for black history month'
		]) {
			expect(rulesOnly(query).verdict, query).toBe('block');
			expect(explain(query), query).toMatchObject({ verdict: 'allow', decidedBy: 'model' });
		}
		// Asking for the harm, or dressing it in a lesson's words, still blocks.
		expect(explain('how to join the ku klux klan homework').verdict).toBe('block');
		expect(explain('how to buy weed meaning').verdict).toBe('block');
		expect(explain('great replacement explained why its true').verdict).toBe('block');
		expect(explain('what is the best porn site').verdict).toBe('block');
		// A bare question about an extremist phrase needs the model surer than it is: it stays blocked.
		expect(explain('what does white power mean').verdict).toBe('block');
		// And never an alert: a child asking what abuse means may be about to tell.
		expect(explain('what does abuse mean pshe').verdict).toBe('alert');
	});

	it('asks the model when an exception only excused a one-slip neighbour ("racist" beside a disclosure word)', () => {
		const explain = compileExplainer(lists, model);
		const query = 'racist things to call someone';
		expect(explain(query).matched.every((m) => m.excusedBy !== null)).toBe(true);
		expect(explain(query)).toMatchObject({
			verdict: 'block',
			category: 'discrimination',
			decidedBy: 'model'
		});
		// An exception for the word itself still keeps the model away.
		expect(explain('how to kill weeds in the patio').decidedBy).toBe('exception');
	});

	it('keeps the model from blocking a query that holds a phrase exception, even when no rule fired', () => {
		// A model that has only ever heard "naked" in porn searches, trained here on a few lines, so
		// the check does not hang on what the shipped model happens to have learnt about mole rats.
		const naive = new SafeSearchModel(
			trainModel(
				parseCorpus(
					{
						'block-pornography.txt':
							'{show me|find|pictures of|videos of|} naked {girls|boys|ladies|men|people|}\nnaked {pics|pictures|videos|selfies|photos}',
						'allow.txt':
							'{facts about|pictures of|videos of|how big is|where does} {a tiger|the moon|a volcano|my garden|a castle|the sea}'
					},
					true
				)
			)
		);
		// No rule lists "naked"; this model alone would block an animal's name.
		expect(naive.judge('naked mole rat').verdict).toBe('block');
		const withoutException = { ...lists, exceptions: { ...lists.exceptions, phrases: [] } };
		expect(compileExplainer(withoutException, naive)('naked mole rat').verdict).toBe('block');
		// The phrase exception keeps that block away.
		const explain = compileExplainer(lists, naive);
		expect(explain('naked mole rat')).toMatchObject({ verdict: 'allow', decidedBy: 'exception' });
		expect(explain('can you see mars with the naked eye')).toMatchObject({
			verdict: 'allow',
			decidedBy: 'exception'
		});
		// Beside an unsafe word, the rule still blocks.
		expect(explain('naked mole rat porn').verdict).toBe('block');
		expect(explain('naked women').verdict).toBe('block');
		// And the shipped model lets the animal through.
		expect(compileExplainer(lists, model)('naked mole rat').verdict).toBe('allow');
	});

	it('never lets an exception hide a cry for help around it', () => {
		const explain = compileExplainer(lists, model);
		// "skills" holds "kill", excused by the exception "skill"; the rest has no listed word.
		const query = 'i have no skills and nobody would miss me';
		expect(compileExplainer(lists)(query)).toMatchObject({ verdict: 'allow', decidedBy: 'exception' });
		expect(explain(query)).toMatchObject({ verdict: 'alert', category: 'self-harm', decidedBy: 'model' });
		// The exception still keeps the model from blocking: it only ever adds an alert.
		expect(explain('what to do if a stranger messages me')).toMatchObject({
			verdict: 'allow',
			decidedBy: 'exception'
		});
	});

	it('lets a word exception excuse only the word: the model still reads the rest of the query', () => {
		const explain = compileExplainer(lists, model);
		// "kicked" squeezes to hold a slur; the word exception "kick" excuses it, and says nothing more.
		const query = 'refugees should be kicked out of britain';
		expect(compileExplainer(lists)(query)).toMatchObject({ verdict: 'allow', decidedBy: 'exception' });
		expect(explain(query)).toMatchObject({
			verdict: 'block',
			category: 'discrimination',
			decidedBy: 'model'
		});
		// A phrase exception says what the query is about, and still keeps the model's block away.
		expect(explain('how to kill weeds in the patio')).toMatchObject({
			verdict: 'allow',
			decidedBy: 'exception'
		});
		expect(explain('kick the ball into the net')).toMatchObject({ verdict: 'allow' });
	});

	it("never blocks the words that find Harbour's own pages (the class charter)", () => {
		const charter = parse(readFileSync('content/charter.yaml', 'utf8')) as {
			title: string;
			promises: { short: string }[];
		};
		const classify = compileClassifier(lists, model);
		for (const query of [
			'promises',
			'charter',
			'rules',
			charter.title,
			...charter.promises.map((p) => p.short)
		]) {
			// "Tell a grown-up" may alert: a child typing it may be asking for one, and the alert screen
			// is that promise kept.
			expect(classify(query).verdict, query).not.toBe('block');
		}
		expect(classify('promises')).toEqual({ verdict: 'allow', category: null });
	});

	it('never blocks a sum, and still blocks a phone number typed as one', () => {
		const classify = compileClassifier(lists, model);
		// Times tables and take-aways: the model once read "13 x 13 =" as drugs and "100 - 37" as a scam.
		for (const sum of [
			'12 x 12',
			'13 x 13 =',
			'100 - 37',
			'07 x 3',
			'144 divided by 12',
			'what is 8 times 7',
			'3/4 of 20',
			'１２ ｘ １２',
			'\u202e12 x 12'
		]) {
			expect(classify(sum), sum).toEqual({ verdict: 'allow', category: null });
		}
		expect(classify('07700 900123 x 2')).toEqual({
			verdict: 'block',
			category: 'sharing-personal-information'
		});
		expect(classify('4111 1111 1111 1111').verdict).toBe('block');
	});

	it('tells staff who decided a logged search in plain words, never as a bare low score for an allowed one', () => {
		const explain = compileExplainer(lists, model);
		const label = (query: string): string => {
			const { decidedBy: by, verdict, score, matched } = explain(query);
			return decidedLabel({ by, verdict, score, ruleMatched: matched.some((m) => m.excusedBy === null) });
		};
		// An allowed search once read "Decided by the model (score 0.19)": the model's 19 % for
		// "allow", which looked like doubt about a search it had let through.
		const allowed = label('how many legs does a spider have');
		expect(allowed).toMatch(/^Decided by the model: sounded \d+ % unsafe, too little to block$/u);
		expect(Number(/(\d+) %/u.exec(allowed)?.[1])).toBeLessThan(30);
		// The model overruling the word list says so.
		expect(label('how do you kill a hoglin in the nether')).toMatch(
			/^The word list would block it; the model is sure it is innocent \(sounded \d+ % unsafe\)$/u
		);
		expect(label('free robux generator')).toBe('Decided by the word list');
		expect(decidedLabel({ by: 'exception', verdict: 'allow', score: null, ruleMatched: false })).toBe(
			'Allowed by an exception'
		);
		expect(decidedLabel({ by: 'model', verdict: 'block', score: 0.876, ruleMatched: false })).toBe(
			'Decided by the model: 88 % sure it is unsafe'
		);
		expect(decidedLabel({ by: 'model', verdict: 'alert', score: 0.934, ruleMatched: false })).toBe(
			'Decided by the model: 93 % sure a child needs help'
		);
	});

	it.todo(
		'meets the goals on a set nobody tuned on: unsafe caught ≥ 97 %, innocent blocked ≤ 2 % (see README for heldout-2)'
	);
}, 240_000);
