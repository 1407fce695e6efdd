/**
 * The labelled safe-search corpus (content/safe-search/training/ and heldout/): one file per
 * label, one query per line, `#` comments. In training files `{a|b|c}` stands for each choice
 * in turn, so one hand-written line can stand for many phrasings.
 *
 * Browser-safe (no Node-only imports): the files are read by the caller.
 */
import type { Verdict } from '../classify';
import type { Site, Topic } from '../lists-schema';

/** The labels the corpus uses, and what each should get from the classifier. */
export interface CorpusLabel {
	/** File name without `.txt`: `allow`, `allow-traps`, `block-gambling`, `alert-disclosure`... */
	readonly id: string;
	readonly verdict: Verdict;
	/** The terms.yaml category the label stands for (null for the allow labels). */
	readonly category: string | null;
}

/** What a label's file name says it is, or null for a name that is not a label. */
export function labelOf(id: string): CorpusLabel | null {
	if (id === 'allow' || id === 'allow-traps') return { id, verdict: 'allow', category: null };
	const match = /^(block|alert)-([a-z0-9-]+)$/u.exec(id);
	if (match === null) return null;
	return { id, verdict: match[1] as Verdict, category: match[2] ?? null };
}

/** Most examples one template line may stand for. */
export const MAX_EXPANSIONS_PER_LINE = 200;

/** Every choice of a `{a|b}` template, in order, at most `limit` of them (spread evenly). */
export function expandTemplate(line: string, limit = MAX_EXPANSIONS_PER_LINE): string[] {
	const parts = line.split(/(\{[^{}]*\})/u);
	const slots = parts.map((part) => (/^\{.*\}$/u.test(part) ? part.slice(1, -1).split('|') : [part]));
	const total = slots.reduce((n, choices) => n * choices.length, 1);
	const step = total <= limit ? 1 : total / limit;
	const out: string[] = [];
	for (let k = 0; k < Math.min(total, limit); k++) {
		let index = Math.floor(k * step);
		let text = '';
		for (let s = slots.length - 1; s >= 0; s--) {
			const choices = slots[s] ?? [''];
			// Mix the index so a capped expansion still visits every choice of the early slots.
			text = (choices[index % choices.length] ?? '') + text;
			index = Math.floor(index / choices.length);
		}
		out.push(text.replace(/\s+/gu, ' ').trim());
	}
	return out.filter((query) => query !== '');
}

export interface CorpusLine {
	readonly query: string;
	/** 1-based line number in the file, for messages. */
	readonly line: number;
}

/** The queries of one corpus file (templates expanded when `templates` is true). */
export function parseCorpusFile(text: string, templates: boolean): CorpusLine[] {
	const out: CorpusLine[] = [];
	text.split(/\r?\n/u).forEach((raw, i) => {
		const line = raw.replace(/(^|\s)#.*$/u, '').trim();
		if (line === '') return;
		const queries = templates ? expandTemplate(line) : [line];
		for (const query of queries) out.push({ query, line: i + 1 });
	});
	return out;
}

export interface LabelledQuery {
	readonly query: string;
	readonly label: CorpusLabel;
	/** Where it came from (file:line): examples from one line are kept together in cross-validation. */
	readonly source: string;
}

/**
 * Read a whole corpus folder: `files` maps each file's path in it (`allow.txt`,
 * `second-author/allow.txt`) to its text; the file's own name is its label.
 */
export function parseCorpus(files: Readonly<Record<string, string>>, templates: boolean): LabelledQuery[] {
	const out: LabelledQuery[] = [];
	for (const [name, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		if (!name.endsWith('.txt')) continue;
		const label = labelOf(name.slice(name.lastIndexOf('/') + 1, -'.txt'.length));
		if (label === null)
			throw new Error(
				`${name}: not a label — name it allow, allow-traps, block-<category> or alert-<category>`
			);
		for (const { query, line } of parseCorpusFile(text, templates)) {
			out.push({ query, label, source: `${name}:${line}` });
		}
	}
	return out;
}

const ALLOW_LABEL: CorpusLabel = { id: 'allow', verdict: 'allow', category: null };

/**
 * More ordinary searches, from the school's own list of sites: each site's title, description
 * and keywords, and each topic's query, are things children look for.
 */
export function siteExamples(lists: {
	readonly sites: readonly Site[];
	readonly topics: readonly Topic[];
}): LabelledQuery[] {
	const out: LabelledQuery[] = [];
	const add = (query: string, source: string): void => {
		const text = query
			.toLowerCase()
			.replace(/[^\p{L}\p{N}' ]+/gu, ' ')
			.replace(/\s+/gu, ' ')
			.trim();
		if (text !== '') out.push({ query: text, label: ALLOW_LABEL, source });
	};
	for (const site of lists.sites) {
		add(site.title, `sites.yaml:${site.title}`);
		add(site.description, `sites.yaml:${site.title}`);
		for (const keyword of site.keywords) add(keyword, `sites.yaml:${site.title}`);
	}
	for (const topic of lists.topics) add(topic.query, `sites.yaml:${topic.id}`);
	return out;
}
