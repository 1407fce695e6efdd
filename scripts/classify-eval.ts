/**
 * Honest evaluation of the safe-search filter (rules + model):
 *
 *   npm run --silent classify-eval            a table per label, and the goals
 *   npm run --silent classify-eval -- --json  the same as JSON
 *   npm run --silent classify-eval -- --cv 5  5-fold cross-validation on training/ only,
 *                                             listing its misses (for tuning: held-out misses
 *                                             are never listed, so nobody tunes on them)
 *   npm run --silent classify-eval -- --author-out retired-heldout-2
 *                                             train on training/ without that sub-folder (one
 *                                             author's lines), measure on it and list its misses:
 *                                             the closest a tuner gets to a fresh held-out set
 *   npm run --silent classify-eval -- --set heldout-13  measure another held-out folder
 *   ... --options '{"keptSlots":30000}'          train with other settings than TRAIN_DEFAULTS
 *
 * Trains the model on content/safe-search/training/ only, then classifies every line of
 * content/safe-search/heldout/. Exits 1 if the held-out figures fall below the goals.
 */
import { compileClassifier, compileExplainer } from '../src/lib/search/classify';
import { siteExamples, type LabelledQuery } from '../src/lib/search/model/corpus';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { evaluate, formatEvaluation, type Evaluation } from '../src/lib/search/model/evaluate';
import { modelWords } from '../src/lib/search/model/features';
import {
	judgeProbabilities,
	ONE_WORD_BLOCK_THRESHOLD,
	SafeSearchModel,
	type SerialisedModel
} from '../src/lib/search/model/model';
import { TRAIN_DEFAULTS, trainModel, type TrainOptions } from '../src/lib/search/model/train';
import { HELDOUT_DIR, loadCorpus, loadTraining } from './lib/safe-search-corpus';
import { loadSafeSearchLists } from './lib/safe-search-lists';

const args = process.argv.slice(2);
const lists = loadSafeSearchLists();
const training = loadTraining();
const sites = loadTraining(siteExamples(lists)).slice(training.length);

// `--options '{"epochs":8}'` trains with other settings than TRAIN_DEFAULTS (for tuning).
const optionsAt = args.indexOf('--options');
const trainOptions: Partial<TrainOptions> = optionsAt >= 0 ? JSON.parse(args[optionsAt + 1] ?? '{}') : {};

const authorAt = args.indexOf('--author-out');
if (authorAt >= 0) {
	authorOut(args[authorAt + 1] ?? '');
	process.exit(0);
}

const cvAt = args.indexOf('--cv');
if (cvAt >= 0) {
	crossValidate(Number(args[cvAt + 1] ?? 3) || 3);
	process.exit(0);
}

/**
 * k-fold cross-validation on training/ (plus the site examples), by source line so that the
 * examples of one template line stay together; sweeps the model's thresholds and lists the
 * misses at the shipped thresholds. This is where tuning looks, never at held-out misses.
 */
function crossValidate(folds: number): void {
	const sources = [...new Set(training.map((q) => q.source))];
	const foldOf = new Map(sources.map((source, i) => [source, (i * 7919) % folds]));
	const probabilities = new Map<string, Float64Array>();
	let classes: SerialisedModel['classes'] = [];
	const tested: LabelledQuery[] = [];
	for (let fold = 0; fold < folds; fold++) {
		const model = trainModel(
			[...training.filter((q) => foldOf.get(q.source) !== fold), ...sites],
			trainOptions
		);
		classes = model.classes;
		const scorer = new SafeSearchModel(model);
		for (const q of training.filter((x) => foldOf.get(x.source) === fold)) {
			probabilities.set(q.query, scorer.probabilities(q.query));
			tested.push(q);
		}
	}
	const { rows, shipped } = thresholdSweep(classes, probabilities, tested);
	process.stdout.write(`${rows.join('\n')}\n\n`);
	process.stdout.write(
		`${formatEvaluation(shipped)}\n\nmisses at the shipped thresholds (training cross-validation):\n`
	);
	process.stdout.write(`${shipped.misses.map((m) => `${m.label}\t${m.got}\t${m.query}`).join('\n')}\n`);
}

/**
 * Leave one author out: the lines of training/<folder>/ were written by someone else, in their
 * own words, so a model trained without them meets them as it will meet a school's children.
 * Each hand-written line counts once (its first expansion).
 */
function authorOut(folder: string): void {
	const prefix = `${folder.replace(/\/+$/u, '')}/`;
	const inFolder = (q: LabelledQuery) => q.source.startsWith(prefix);
	const lines = new Set<string>();
	const tested = training.filter((q) => inFolder(q) && !lines.has(q.source) && !!lines.add(q.source));
	if (tested.length === 0) {
		process.stderr.write(`no training lines under training/${prefix}\n`);
		process.exit(2);
	}
	const serialised = trainModel([...training.filter((q) => !inFolder(q)), ...sites], trainOptions);
	const scorer = new SafeSearchModel(serialised);
	const result = evaluate(compileClassifier(lists, scorer), tested);
	const { rows } = thresholdSweep(
		serialised.classes,
		new Map(tested.map((q) => [q.query, scorer.probabilities(q.query)])),
		tested
	);
	const explain = compileExplainer(lists, scorer);
	const why = (query: string): string => {
		const { decidedBy, score, matched } = explain(query);
		const entries = matched.map((m) => `${m.entry}${m.excusedBy === null ? '' : '(excused)'}`).join(',');
		return `${decidedBy}${score === null ? '' : ` ${score.toFixed(2)}`}${entries === '' ? '' : ` [${entries}]`}`;
	};
	const kb = gzipSync(JSON.stringify(JSON.stringify(serialised)), { level: 9 }).length / 1024;
	process.stdout.write(
		`Left out training/${prefix}: ${tested.length} lines; model ${kb.toFixed(1)} KB gzip.\n\n${rows.join('\n')}\n\n${formatEvaluation(result)}\n\nmisses:\n` +
			`${result.misses.map((m) => `${m.label}\t${m.got}\t${m.query}\t${why(m.query)}`).join('\n')}\n`
	);
}

/**
 * The figures at other thresholds than the shipped ones, from each tested query's class
 * probabilities (so the model is scored once): rows to print, and the shipped thresholds' result.
 */
function thresholdSweep(
	classes: SerialisedModel['classes'],
	probabilities: ReadonlyMap<string, Float64Array>,
	tested: readonly LabelledQuery[]
): { rows: string[]; shipped: Evaluation } {
	const rows: string[] = [];
	const sweep = (alertThreshold: number, blockThreshold: number, overruleThreshold: number): Evaluation => {
		const judge = {
			judge: (query: string) => {
				const oneWord = modelWords(query).length <= 1;
				return judgeProbabilities(
					{
						classes,
						alertThreshold,
						blockThreshold: oneWord ? Math.max(blockThreshold, ONE_WORD_BLOCK_THRESHOLD) : blockThreshold,
						overruleThreshold: oneWord ? Infinity : overruleThreshold
					},
					probabilities.get(query) ?? new Float64Array(classes.length)
				);
			}
		};
		const result = evaluate(compileClassifier(lists, judge), tested);
		rows.push(
			`alert ≥ ${alertThreshold} block ≥ ${blockThreshold} overrule ≥ ${overruleThreshold}: caught ${pct(result.caught.rate)} alerted ${pct(result.alerted.rate)} innocent blocked ${pct(result.innocentBlocked.rate)}`
		);
		return result;
	};
	const d = TRAIN_DEFAULTS;
	for (const alertThreshold of [0.15, 0.2, 0.25, 0.3, 0.4])
		sweep(alertThreshold, d.blockThreshold, d.overruleThreshold);
	for (const blockThreshold of [0.5, 0.6, 0.8, 0.9])
		sweep(d.alertThreshold, blockThreshold, d.overruleThreshold);
	for (const overruleThreshold of [0.5, 0.6, 0.8, 0.9, 0.99, 2])
		sweep(d.alertThreshold, d.blockThreshold, overruleThreshold);
	const shipped = sweep(d.alertThreshold, d.blockThreshold, d.overruleThreshold);
	rows.push('(the last row is the shipped thresholds)');
	return { rows, shipped };
}

function pct(x: number): string {
	return `${(x * 100).toFixed(1)} %`;
}

const started = performance.now();
const model = new SafeSearchModel(trainModel([...training, ...sites], trainOptions));
const trainedMs = performance.now() - started;
// `--set heldout-2` measures another held-out folder beside heldout/ (each written before tuning).
const setAt = args.indexOf('--set');
const heldoutDir =
	setAt >= 0 ? join(dirname(HELDOUT_DIR), basename(args[setAt + 1] ?? 'heldout')) : HELDOUT_DIR;
const heldout = loadCorpus(heldoutDir, false);
const evaluation = evaluate(compileClassifier(lists, model), heldout);
const rulesOnly = evaluate(compileClassifier(lists), heldout);

if (args.includes('--json')) {
	const { misses: _unread, ...figures } = evaluation;
	const { misses: _unreadToo, ...rules } = rulesOnly;
	process.stdout.write(
		`${JSON.stringify({ ...figures, rulesOnly: rules, trainingExamples: training.length, trainedMs: Math.round(trainedMs) })}\n`
	);
} else {
	process.stdout.write(
		`Held-out: ${heldout.length} queries; model trained on ${training.length} training examples in ${(trainedMs / 1000).toFixed(1)} s.\n\n` +
			`${formatEvaluation(evaluation)}\n\nRules alone (no model):\n` +
			`  unsafe caught ${(rulesOnly.caught.rate * 100).toFixed(1)} %, alerted ${(rulesOnly.alerted.rate * 100).toFixed(1)} %, innocent blocked ${(rulesOnly.innocentBlocked.rate * 100).toFixed(1)} %\n`
	);
}
process.exit(evaluation.meetsGoals ? 0 : 1);
