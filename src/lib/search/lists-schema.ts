/**
 * The three safe-search list files, their schemas, and the checker that reads them.
 *
 *   content/safe-search/sites.yaml       topics (picture buttons) and the allowlist of sites
 *   content/safe-search/terms.yaml       categories of words and phrases to block or alert on
 *   content/safe-search/exceptions.yaml  innocent words and phrases that contain unsafe ones
 *
 * `parseSafeSearchLists` either returns typed lists or throws a SafeSearchListsError whose
 * message names the file, the line and what to fix, for example:
 *
 *   content/safe-search/sites.yaml line 42: entry "BBC Bitesize" url must start with https:// — fix the url
 *
 * Browser-safe: no Node-only imports (reading the files from disk is the caller's job).
 */
import * as v from 'valibot';
import { compileClassifier, type Classifier } from './classify';
import { listEntryWords, MIN_PHRASE_LETTERS, runTogether } from './compile-lists';
import { PERSONAL_INFO_PATTERNS } from './personal-info';
import { expandPhrase, placeholdersIn } from './phrase-templates';
import { withinOneSlip } from './spelling';
import { allowlistUrlProblem } from './url-guard';
import { readYaml, type LocatedYaml, type YamlPath } from '../content/yaml-locations';

export const AGE_BANDS = ['4-7', '7-11'] as const;
export const SUBJECTS = [
	'animals',
	'art',
	'bugs',
	'computing',
	'dinosaurs',
	'games',
	'geography',
	'health',
	'history',
	'maths',
	'music',
	'nature',
	'online-safety',
	'reading',
	'science',
	'sea',
	'space',
	'stories',
	'weather',
	'wellbeing',
	'writing'
] as const;
export const TERM_ACTIONS = ['block', 'alert'] as const;
export type TermAction = (typeof TERM_ACTIONS)[number];

export const LIST_FILES = {
	sites: 'content/safe-search/sites.yaml',
	terms: 'content/safe-search/terms.yaml',
	exceptions: 'content/safe-search/exceptions.yaml'
} as const;
export type ListFile = keyof typeof LIST_FILES;

// ---------------------------------------------------------------------------------------------
// Schemas. Messages are written to follow "<entry> <field>", e.g. `entry "X" url ...`.

const text = (what: string) =>
	v.pipe(
		v.string(`must be text — write the ${what}, in quotes if it contains a colon`),
		v.trim(),
		v.nonEmpty(`must not be empty — write the ${what}`)
	);

const noRepeats = <T>(what: string) =>
	v.check<T[], string>(
		(items) => new Set(items).size === items.length,
		`lists the same ${what} twice — remove the repeat`
	);

const list = <S extends v.GenericSchema<unknown, string>>(item: S, what: string) =>
	v.pipe(
		v.array(item, `must be a list — write it as [a, b] or as lines starting with "- "`),
		noRepeats<v.InferOutput<S>>(what)
	);

const nonEmptyList = <S extends v.GenericSchema<unknown, string>>(item: S, what: string) =>
	v.pipe(list(item, what), v.nonEmpty(`must list at least one ${what}`));

const SLUG = v.pipe(
	v.string('must be text'),
	v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'must be lower-case words joined by hyphens, e.g. online-safety')
);

const picklistOf = <const T extends readonly string[]>(options: T) =>
	v.picklist(options, `must be one of: ${options.join(', ')} — fix the spelling`);

const TopicSchema = v.strictObject(
	{
		id: SLUG,
		label: text('button label'),
		/** An emoji: the picture on the button, for children who cannot read the label yet. */
		picture: text('picture (an emoji)'),
		/** What the button says aloud when pressed. */
		say: text('words to say aloud'),
		/** The search the button runs. */
		query: text('search query')
	},
	'must be a mapping of id, label, picture, say and query — check the indentation'
);

const SiteSchema = v.strictObject(
	{
		url: v.pipe(
			v.string('must be text — write the full address starting with https://'),
			v.rawCheck(({ dataset, addIssue }) => {
				const problem = dataset.typed ? allowlistUrlProblem(dataset.value) : null;
				if (problem !== null) addIssue({ message: `${problem} — fix the url` });
			})
		),
		title: text('title'),
		description: v.pipe(
			text('description'),
			v.maxLength(160, 'must be one short line (160 characters at most) — shorten the description')
		),
		keywords: nonEmptyList(text('keyword'), 'keyword'),
		ages: nonEmptyList(picklistOf(AGE_BANDS), 'age band'),
		subjects: nonEmptyList(picklistOf(SUBJECTS), 'subject'),
		embeddable: v.boolean('must be true or false — when unsure, write false'),
		reviewed_by: text('name of the reviewer'),
		reviewed_on: v.pipe(
			v.string('must be a date written as YYYY-MM-DD'),
			v.isoDate('must be a real date written as YYYY-MM-DD, e.g. 2026-11-22 — fix the date')
		)
	},
	'must be a mapping of url, title, description, keywords, ages, subjects, embeddable, reviewed_by and reviewed_on — check the indentation'
);

const SitesFileSchema = v.strictObject(
	{
		topics: v.pipe(
			v.array(TopicSchema, 'must be a list of topics'),
			v.nonEmpty('must list at least one topic')
		),
		sites: v.pipe(v.array(SiteSchema, 'must be a list of sites'), v.nonEmpty('must list at least one site'))
	},
	'must be a mapping with "topics:" and "sites:" — check the top of the file'
);

const CategorySchema = v.pipe(
	v.strictObject(
		{
			id: SLUG,
			action: v.picklist(TERM_ACTIONS, 'must be block or alert — alert also tells a grown-up'),
			/** Child-friendly name of the category. */
			label: text('label'),
			/** Also catch one-letter slips ("sucide"). See MIN_SLIP_TERM_LENGTH in compile-lists.ts. */
			misspellings: v.optional(v.boolean('must be true or false'), false),
			/** Words matched on their own and inside longer words (if 4+ letters). */
			terms: v.optional(list(text('term'), 'term'), []),
			/** Words matched only on their own. */
			whole_words: v.optional(list(text('word'), 'word'), []),
			/** Word sequences; may use {placeholders}. */
			phrases: v.optional(list(text('phrase'), 'phrase'), []),
			patterns: v.optional(list(picklistOf(PERSONAL_INFO_PATTERNS), 'pattern'), [])
		},
		'must be a mapping of id, action, label and terms, whole_words, phrases or patterns — check the indentation'
	),
	v.check(
		(c) => c.terms.length + c.whole_words.length + c.phrases.length + c.patterns.length > 0,
		'has nothing to match — add terms, whole_words, phrases or patterns'
	)
);

const TermsFileSchema = v.strictObject(
	{
		placeholders: v.optional(
			v.record(
				v.pipe(v.string(), v.regex(/^[a-z0-9_-]+$/u, 'names must be lower-case letters, digits, _ or -')),
				nonEmptyList(text('choice'), 'choice'),
				'must be a mapping of names to lists'
			),
			{}
		),
		categories: v.pipe(
			v.array(CategorySchema, 'must be a list of categories'),
			v.nonEmpty('must list at least one category')
		)
	},
	'must be a mapping with "placeholders:" and "categories:" — check the top of the file'
);

const ExceptionsFileSchema = v.strictObject(
	{
		words: v.optional(list(text('word'), 'word'), []),
		phrases: v.optional(list(text('phrase'), 'phrase'), [])
	},
	'must be a mapping with "words:" and "phrases:" — check the top of the file'
);

export type Topic = v.InferOutput<typeof TopicSchema>;
export type Site = v.InferOutput<typeof SiteSchema>;
export type TermCategory = v.InferOutput<typeof CategorySchema>;
export type TermLists = v.InferOutput<typeof TermsFileSchema>;
export type ExceptionLists = v.InferOutput<typeof ExceptionsFileSchema>;

export interface SafeSearchLists {
	readonly topics: readonly Topic[];
	readonly sites: readonly Site[];
	readonly terms: TermLists;
	readonly exceptions: ExceptionLists;
}

// ---------------------------------------------------------------------------------------------
// Problems and how they are reported.

export interface ListProblem {
	readonly file: string;
	readonly line: number;
	readonly message: string;
}

/** Shown in full; more than this many problems usually means one mistake repeated. */
const MAX_PROBLEMS_SHOWN = 20;

export class SafeSearchListsError extends Error {
	readonly problems: readonly ListProblem[];

	constructor(problems: readonly ListProblem[]) {
		const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => `${p.file} line ${p.line}: ${p.message}`);
		const more = problems.length - shown.length;
		if (more > 0) shown.push(`...and ${more} more problem${more === 1 ? '' : 's'}`);
		super(shown.join('\n'));
		this.name = 'SafeSearchListsError';
		this.problems = problems;
	}
}

/** A file that parsed as YAML, with a way to report problems against its lines. */
interface OpenFile {
	readonly yaml: LocatedYaml;
	report(path: YamlPath, message: string, atKey?: boolean): void;
}

function valueAt(data: unknown, path: YamlPath): unknown {
	let value = data;
	for (const key of path) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as Record<string | number, unknown>)[key];
	}
	return value;
}

/** How a list item is named in messages: `entry "BBC Bitesize"`, `category "gambling"`. */
function describeItem(data: unknown, listKey: string | number, index: string | number): string {
	const item = valueAt(data, [listKey, index]);
	const field = (name: string): string | undefined => {
		const value = valueAt(item, [name]);
		return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
	};
	const position = typeof index === 'number' ? `number ${index + 1}` : `"${index}"`;
	switch (listKey) {
		case 'sites':
			return `entry "${field('title') ?? field('url') ?? position}"`;
		case 'topics':
			return `topic "${field('id') ?? position}"`;
		case 'categories':
			return `category "${field('id') ?? position}"`;
		case 'placeholders':
			return `placeholder ${position}`;
		default:
			return typeof item === 'string'
				? `${String(listKey)} entry "${item}"`
				: `${String(listKey)} entry ${position}`;
	}
}

function describeField(rest: YamlPath): string {
	return rest.map((key) => (typeof key === 'number' ? `(item ${key + 1})` : key)).join(' ');
}

function issueKeys(issue: v.BaseIssue<unknown>): (string | number)[] {
	return (issue.path ?? []).map((item) =>
		typeof item.key === 'string' || typeof item.key === 'number' ? item.key : String(item.key)
	);
}

/** A schema issue about a field name rather than a value: unknown, or missing. */
interface KeyIssue {
	readonly kind: 'unknown' | 'missing';
	readonly keys: (string | number)[];
	readonly name: string;
}

function keyIssue(issue: v.BaseIssue<unknown>): KeyIssue | null {
	const keys = issueKeys(issue);
	const name = keys.at(-1);
	if (issue.path?.at(-1)?.origin !== 'key' || name === undefined) return null;
	return { kind: issue.expected === 'never' ? 'unknown' : 'missing', keys, name: String(name) };
}

/** "entry "BBC Bitesize"", "category "gambling" terms (item 3)", or "the file". */
function describePath(file: OpenFile, keys: YamlPath): string {
	const [listKey, index] = keys;
	const itemLevel = keys.length >= 2 && listKey !== undefined && index !== undefined;
	const subject = itemLevel ? describeItem(file.yaml.data, listKey, index) : '';
	const lead = [subject, describeField(itemLevel ? keys.slice(2) : keys)].filter((s) => s !== '').join(' ');
	return lead === '' ? 'the file' : lead;
}

/**
 * Turn schema issues into messages that say what to fix. A misspelt field shows up twice, as
 * an unknown field and a missing one ("keywrods" / "keywords"); the two become one message.
 */
function reportIssues(file: OpenFile, issues: readonly v.BaseIssue<unknown>[]): void {
	const keyIssues = issues.map(keyIssue);
	const parentOf = (k: KeyIssue): string => JSON.stringify(k.keys.slice(0, -1));
	const misspelt = new Map<KeyIssue, KeyIssue>();
	for (const unknown of keyIssues) {
		if (unknown?.kind !== 'unknown') continue;
		const missing = keyIssues.find(
			(k) => k?.kind === 'missing' && parentOf(k) === parentOf(unknown) && withinOneSlip(k.name, unknown.name)
		);
		if (missing) misspelt.set(unknown, missing);
	}
	const explained = new Set(misspelt.values());

	issues.forEach((issue, i) => {
		const key = keyIssues[i] ?? null;
		if (key === null) {
			file.report(issueKeys(issue), `${describePath(file, issueKeys(issue))} ${issue.message}`);
			return;
		}
		if (explained.has(key)) return;
		const owner = describePath(file, key.keys.slice(0, -1));
		const meant = misspelt.get(key);
		if (meant !== undefined) {
			file.report(key.keys, `${owner} has "${key.name}" — fix the spelling to "${meant.name}"`, true);
		} else if (key.kind === 'unknown') {
			file.report(
				key.keys,
				`${owner} has a field "${key.name}" that is not known — check the spelling or remove it`,
				true
			);
		} else {
			file.report(key.keys.slice(0, -1), `${owner} is missing ${key.name} — add a "${key.name}:" line`);
		}
	});
}

function parseFile<S extends v.GenericSchema>(file: OpenFile | null, schema: S): v.InferOutput<S> | null {
	if (file === null) return null;
	const result = v.safeParse(schema, file.yaml.data ?? {}, { abortEarly: false });
	if (result.success) return result.output;
	reportIssues(file, result.issues);
	return null;
}

// ---------------------------------------------------------------------------------------------
// Checks that need more than one value at a time.

/** Report every value whose key was already seen, pointing back at the first. */
function reportRepeats(
	file: OpenFile,
	items: readonly { key: string; path: YamlPath; what: string }[],
	fix: string
): void {
	const firstSeen = new Map<string, YamlPath>();
	for (const item of items) {
		const first = firstSeen.get(item.key);
		if (first === undefined) firstSeen.set(item.key, item.path);
		else file.report(item.path, `${item.what} is already listed on line ${file.yaml.lineOf(first)} — ${fix}`);
	}
}

function checkSites(
	file: OpenFile,
	sites: SafeSearchLists['sites'],
	topics: SafeSearchLists['topics']
): void {
	reportRepeats(
		file,
		sites.map((site, i) => ({ key: site.url, path: ['sites', i, 'url'], what: `url ${site.url}` })),
		'remove one of the two entries'
	);
	reportRepeats(
		file,
		topics.map((topic, i) => ({ key: topic.id, path: ['topics', i, 'id'], what: `topic id "${topic.id}"` })),
		'give each topic its own id'
	);
}

function checkWord(file: OpenFile, path: YamlPath, entry: string, kind: string): string | null {
	const words = listEntryWords(entry);
	if (words.length === 0) {
		file.report(path, `${kind} "${entry}" has no letters or digits — fix or remove it`);
		return null;
	}
	if (words.length > 1) {
		file.report(path, `${kind} "${entry}" must be a single word — move it to phrases`);
		return null;
	}
	return words.join('');
}

function checkPhrase(
	file: OpenFile,
	path: YamlPath,
	template: string,
	placeholders: Readonly<Record<string, readonly string[]>>
): void {
	const unknown = placeholdersIn(template).filter((name) => !(name in placeholders));
	if (unknown.length > 0) {
		file.report(
			path,
			`phrase "${template}" uses {${unknown.join('}, {')}}, which is not under placeholders — add it there or fix the name`
		);
		return;
	}
	for (const phrase of expandPhrase(template, placeholders)) {
		const words = listEntryWords(phrase);
		if (words.length < 2) {
			file.report(path, `phrase "${phrase}" must have at least two words — move it to terms`);
			return;
		}
		if (runTogether(words).letters.length < MIN_PHRASE_LETTERS) {
			file.report(
				path,
				`phrase "${phrase}" is too short to match safely — use at least ${MIN_PHRASE_LETTERS} letters`
			);
			return;
		}
	}
}

function checkTerms(file: OpenFile, terms: TermLists): void {
	const words: { key: string; path: YamlPath; what: string }[] = [];
	terms.categories.forEach((category, c) => {
		const lists = [
			['terms', category.terms],
			['whole_words', category.whole_words]
		] as const;
		for (const [listName, entries] of lists) {
			entries.forEach((entry, i) => {
				const path = ['categories', c, listName, i];
				const word = checkWord(file, path, entry, 'term');
				if (word !== null) words.push({ key: word, path, what: `term "${entry}"` });
			});
		}
		category.phrases.forEach((phrase, i) => {
			checkPhrase(file, ['categories', c, 'phrases', i], phrase, terms.placeholders);
		});
	});
	reportRepeats(file, words, 'keep it in one category only');
	reportRepeats(
		file,
		terms.categories.map((category, c) => ({
			key: category.id,
			path: ['categories', c, 'id'],
			what: `category id "${category.id}"`
		})),
		'give each category its own id'
	);
}

function checkExceptions(file: OpenFile, exceptions: ExceptionLists): void {
	exceptions.words.forEach((word, i) => checkWord(file, ['words', i], word, 'exception word'));
	exceptions.phrases.forEach((phrase, i) => {
		if (listEntryWords(phrase).length < 2) {
			file.report(
				['phrases', i],
				`exception phrase "${phrase}" must have at least two words — move it to words`
			);
		}
	});
}

/**
 * Topic buttons and site keywords are searches the school itself offers children, so each must
 * pass the classifier; a list change that blocks one is a mistake in the lists.
 */
function checkOwnSearchesAllowed(
	file: OpenFile,
	sites: SafeSearchLists['sites'],
	topics: SafeSearchLists['topics'],
	classifier: Classifier
): void {
	const check = (path: YamlPath, subject: string, query: string): void => {
		const result = classifier(query);
		if (result.verdict !== 'allow') {
			file.report(
				path,
				`${subject} "${query}" is blocked by the terms list (category ${result.category}) — change it, or add an innocent word to exceptions.yaml`
			);
		}
	};
	topics.forEach((topic, i) => check(['topics', i, 'query'], `topic "${topic.id}" query`, topic.query));
	sites.forEach((site, i) => {
		check(['sites', i, 'title'], `entry "${site.title}" title`, site.title);
		site.keywords.forEach((keyword, k) =>
			check(['sites', i, 'keywords', k], `entry "${site.title}" keyword`, keyword)
		);
	});
}

// ---------------------------------------------------------------------------------------------

export type ListTexts = Readonly<Record<ListFile, string>>;

/**
 * Check and parse the three list files. `paths` are only used in messages; they default to the
 * files' places in the repository.
 */
export function parseSafeSearchLists(
	texts: ListTexts,
	paths: Readonly<Record<ListFile, string>> = LIST_FILES
): SafeSearchLists {
	const problems: ListProblem[] = [];
	const open = (name: ListFile): OpenFile | null => {
		const path = paths[name];
		const read = readYaml(texts[name]);
		if (!read.ok) {
			problems.push({
				file: path,
				line: read.line,
				message: `the YAML could not be read (${read.message}) — check the indentation, colons and quotes here or on the line above`
			});
			return null;
		}
		return {
			yaml: read.yaml,
			report: (at, message, atKey) =>
				problems.push({ file: path, line: read.yaml.lineOf(at, atKey), message })
		};
	};

	const sitesFile = open('sites');
	const termsFile = open('terms');
	const exceptionsFile = open('exceptions');
	const sites = parseFile(sitesFile, SitesFileSchema);
	const terms = parseFile(termsFile, TermsFileSchema);
	const exceptions = parseFile(exceptionsFile, ExceptionsFileSchema);

	if (sitesFile !== null && sites !== null) checkSites(sitesFile, sites.sites, sites.topics);
	if (termsFile !== null && terms !== null) checkTerms(termsFile, terms);
	if (exceptionsFile !== null && exceptions !== null) checkExceptions(exceptionsFile, exceptions);
	if (problems.length > 0 || sites === null || terms === null || exceptions === null || sitesFile === null) {
		throw new SafeSearchListsError(problems);
	}

	checkOwnSearchesAllowed(sitesFile, sites.sites, sites.topics, compileClassifier({ terms, exceptions }));
	if (problems.length > 0) throw new SafeSearchListsError(problems);
	return { topics: sites.topics, sites: sites.sites, terms, exceptions };
}
