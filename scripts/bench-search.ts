// Safe-search measurements for `npm run bench` (scripts/bench.ts calls searchBenchRows):
//   - the classifier in Node: throughput and p99 latency over a few thousand varied queries;
//   - the tablet's search index in headless Chromium over a 10,000-entry synthetic allowlist:
//     p95 per query (budget ≤ 5 ms), build time, and the index's size gzipped.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Browser } from '@playwright/test';
import { compileClassifier, type SafeSearchLists } from '../src/lib/search';
import { expandPhrase } from '../src/lib/search/phrase-templates';
import { SafeSearchModel } from '../src/lib/search/model/model';
import { siteExamples } from '../src/lib/search/model/corpus';
import { trainModel } from '../src/lib/search/model/train';
import { loadTraining } from './lib/safe-search-corpus';
import { loadSafeSearchLists } from './lib/safe-search-lists';
import { percentile, type BenchRow } from './lib/bench-row';

export const SEARCH_P95_BUDGET_MS = 5;
const SYNTHETIC_ENTRIES = 10_000;

/** A small deterministic random generator, so every run measures the same queries. */
function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

/** Disguises children and older siblings use: leetspeak, spacing, stretching, capitals. */
const DISGUISES: ((s: string) => string)[] = [
	(s) => s,
	(s) => s.toUpperCase(),
	(s) => s.replace(/o/gu, '0').replace(/e/gu, '3').replace(/a/gu, '4'),
	(s) => s.split('').join(' '),
	(s) => s.replace(/([aeiou])/u, '$1$1$1'),
	(s) => `how do i ${s}`,
	(s) => `${s} for kids`
];

/** A few thousand queries: innocent ones (topics, site words, exceptions) and listed ones, disguised. */
export function varietyOfQueries(lists: SafeSearchLists, count = 5000): string[] {
	const innocent = [
		...lists.topics.map((t) => t.query),
		...lists.sites.flatMap((s) => [s.title, ...s.keywords]),
		...lists.exceptions.words,
		...lists.exceptions.phrases
	];
	const listed = lists.terms.categories.flatMap((c) => [
		...c.terms,
		...c.whole_words,
		...c.phrases.flatMap((p) => expandPhrase(p, lists.terms.placeholders).slice(0, 3))
	]);
	const random = seeded(42);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
	return Array.from({ length: count }, () => pick(DISGUISES)(random() < 0.6 ? pick(innocent) : pick(listed)));
}

export function classifierRows(): BenchRow[] {
	const lists = loadSafeSearchLists();
	const compileStart = performance.now();
	const classify = compileClassifier(lists);
	const compileMs = performance.now() - compileStart;
	const queries = varietyOfQueries(lists);
	for (const q of queries.slice(0, 200)) classify(q); // warm up the JIT
	const times: number[] = [];
	const start = performance.now();
	for (const query of queries) {
		const t = performance.now();
		classify(query);
		times.push(performance.now() - t);
	}
	const seconds = (performance.now() - start) / 1000;
	return [
		{
			name: 'Safe-search classifier (Node): throughput',
			value: Math.round(queries.length / seconds),
			unit: 'queries/s',
			detail: `${queries.length} varied queries; lists compile in ${Math.round(compileMs)} ms`
		},
		{
			name: 'Safe-search classifier (Node): p99 per query',
			value: Math.round(percentile(times, 99) * 1000) / 1000,
			unit: 'ms'
		},
		...modelRows(lists, queries)
	];
}

export const MODEL_P99_BUDGET_MS = 2;
export const MODEL_GZIP_BUDGET_KB = 150;

/** Rules and model together (as on the search screen): p99 per query, and the model's size. */
function modelRows(lists: SafeSearchLists, queries: readonly string[]): BenchRow[] {
	const serialised = trainModel(loadTraining(siteExamples(lists)));
	const classify = compileClassifier(lists, new SafeSearchModel(serialised));
	for (const q of queries.slice(0, 200)) classify(q);
	const times = queries.map((query) => {
		const t = performance.now();
		classify(query);
		return performance.now() - t;
	});
	const p99 = Math.round(percentile(times, 99) * 1000) / 1000;
	// As the app ships it: JSON.parse of the model's JSON, in its own chunk.
	const kb =
		Math.round(gzipSync(JSON.stringify(JSON.stringify(serialised)), { level: 9 }).length / 102.4) / 10;
	return [
		{
			name: 'Safe-search rules + model (Node): p99 per query',
			value: p99,
			unit: 'ms',
			budget: `≤ ${MODEL_P99_BUDGET_MS} ms`,
			pass: p99 <= MODEL_P99_BUDGET_MS
		},
		{
			name: 'Safe-search model: size gzip',
			value: kb,
			unit: 'KB',
			budget: `≤ ${MODEL_GZIP_BUDGET_KB} KB`,
			pass: kb <= MODEL_GZIP_BUDGET_KB,
			detail: 'loaded only by the search screens'
		}
	];
}

/** The index module, bundled for the browser as a global `HarbourSiteIndex`. */
async function bundledIndex(): Promise<string> {
	const entry = fileURLToPath(new URL('../src/lib/search/site-index.ts', import.meta.url));
	const result = await build({
		entryPoints: [entry],
		bundle: true,
		write: false,
		format: 'iife',
		globalName: 'HarbourSiteIndex',
		target: 'es2022',
		minify: true
	});
	return result.outputFiles[0]?.text ?? '';
}

interface BrowserFigures {
	buildMs: number;
	queryMs: number[];
	indexJson: string;
	words: number;
}

export async function indexRows(browser: Browser): Promise<BenchRow[]> {
	const script = await bundledIndex();
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.setContent('<!doctype html><title>Search bench</title>');
	await page.addScriptTag({ content: script });
	// tsx names the functions it compiles with a helper the page lacks: give the page one.
	await page.addScriptTag({ content: 'globalThis.__name = (f) => f;' });
	const figures = await page.evaluate((entries: number): BrowserFigures => {
		type Index = { search(q: string): unknown[]; toJSON(): unknown; wordCount: number };
		const { SiteIndex } = (
			globalThis as unknown as { HarbourSiteIndex: { SiteIndex: new (d: unknown[]) => Index } }
		).HarbourSiteIndex;
		let state = 7;
		const random = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
		const syllables = [
			'ba',
			'ko',
			'ri',
			'mu',
			'te',
			'sa',
			'lo',
			'ne',
			'pi',
			'da',
			'vu',
			'sh',
			'or',
			'an',
			'el',
			'st'
		];
		const word = () =>
			Array.from({ length: 2 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * 16)]).join(
				''
			);
		const vocabulary = Array.from({ length: 6000 }, word);
		const some = (n: number) =>
			Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]);
		const docs = Array.from({ length: entries }, () => ({
			title: some(2 + Math.floor(random() * 3)).join(' '),
			keywords: some(3 + Math.floor(random() * 4)),
			description: some(8 + Math.floor(random() * 7)).join(' ')
		}));
		const buildStart = performance.now();
		const index = new SiteIndex(docs);
		const buildMs = performance.now() - buildStart;
		const typo = (w: string) => {
			const at = 1 + Math.floor(random() * (w.length - 2));
			return w.slice(0, at) + w.slice(at + 1);
		};
		const queries = Array.from({ length: 3000 }, (_, i) => {
			const w = vocabulary[Math.floor(random() * vocabulary.length)] ?? 'bako';
			if (i % 4 === 0) return w.slice(0, 3); // a child still typing
			if (i % 4 === 1) return w.length >= 6 ? typo(w) : w; // one slip
			if (i % 4 === 2) return `${w} ${some(1).join('')}`; // two words
			return w;
		});
		for (const q of queries.slice(0, 200)) index.search(q);
		const queryMs = queries.map((q) => {
			const t = performance.now();
			index.search(q);
			return performance.now() - t;
		});
		return { buildMs, queryMs, indexJson: JSON.stringify(index), words: index.wordCount };
	}, SYNTHETIC_ENTRIES);
	await context.close();
	const p95 = percentile(figures.queryMs, 95);
	return [
		{
			name: `Tablet search index (Chromium, ${SYNTHETIC_ENTRIES} entries): p95 per query`,
			value: Math.round(p95 * 1000) / 1000,
			unit: 'ms',
			budget: `≤ ${SEARCH_P95_BUDGET_MS} ms`,
			pass: p95 <= SEARCH_P95_BUDGET_MS,
			detail: `${figures.queryMs.length} queries: exact, prefix, one slip, two words`
		},
		{
			name: `Tablet search index (Chromium, ${SYNTHETIC_ENTRIES} entries): build time`,
			value: Math.round(figures.buildMs),
			unit: 'ms',
			detail: `${figures.words} distinct words`
		},
		{
			name: `Tablet search index (${SYNTHETIC_ENTRIES} entries): size as JSON, gzip`,
			value: Math.round((gzipSync(figures.indexJson, { level: 9 }).length / 1024) * 10) / 10,
			unit: 'KB',
			detail: `built on the tablet, never shipped; ${Math.round(figures.indexJson.length / 1024)} KB raw`
		}
	];
}

/** Every safe-search row, for bench.ts. */
export async function searchBenchRows(browser: Browser): Promise<BenchRow[]> {
	return [...classifierRows(), ...(await indexRows(browser))];
}
