/**
 * Checking a proposed change against the current lists, with messages a member of staff can
 * act on. Runs when a change is proposed and again when it is approved (the lists may have
 * moved on in between).
 */
import {
	allowlistUrlProblem,
	checkUrl,
	compileAllowlist,
	compileClassifier,
	type Classifier,
	type SafeSearchLists
} from '$lib/search';
import { listEntryWords, MIN_PHRASE_LETTERS, runTogether } from '$lib/search/compile-lists';
import { applyChanges, isPhrase, type ListChange } from '$lib/search/list-changes';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const problem = (message: string): { ok: false; message: string } => ({ ok: false, message });

/**
 * A site address as staff paste it ("www.example.org/kids") turned into the plain path prefix
 * the list stores ("https://www.example.org/kids/"), or what to fix.
 */
export function plainSiteUrl(raw: string): Checked<string> {
	const typed = raw.trim();
	if (typed === '') return problem('Type the site’s address, starting with https://.');
	const withScheme = /^[a-z][a-z0-9+.-]*:/iu.test(typed) ? typed : `https://${typed}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		return problem(
			'That is not a web address. Copy it from the browser’s address bar, starting with https://.'
		);
	}
	if (url.search !== '' || url.hash !== '' || /[?#]/u.test(typed)) {
		return problem(
			'Leave out the part of the address from the ? or # onwards: the list allows whole sections of a site.'
		);
	}
	if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
	const fix = allowlistUrlProblem(url.href);
	return fix === null ? { ok: true, value: url.href } : problem(`The address ${fix}.`);
}

/** The words of an entry as the classifier reads them, for comparing entries. */
function key(entry: string): string {
	return listEntryWords(entry).join(' ');
}

function findTerm(lists: SafeSearchLists, entry: string): string | null {
	const wanted = key(entry);
	for (const category of lists.terms.categories) {
		const entries = [...category.terms, ...category.whole_words, ...category.phrases];
		if (entries.some((existing) => key(existing) === wanted)) return category.label;
	}
	return null;
}

/** Searches the school itself offers children (topic buttons, site titles and keywords) must still run. */
function firstBlockedOwnSearch(lists: SafeSearchLists, classifier: Classifier): string | null {
	for (const topic of lists.topics) {
		if (classifier(topic.query).verdict !== 'allow') return `the “${topic.label}” picture button`;
	}
	for (const site of lists.sites) {
		for (const words of [site.title, ...site.keywords]) {
			if (classifier(words).verdict !== 'allow') return `the site “${site.title}” (its words “${words}”)`;
		}
	}
	return null;
}

function checkWords(entry: string, what: string): Checked<string> {
	if (/[{}]/u.test(entry)) return problem(`Type the ${what} as plain words, without { } braces.`);
	const words = listEntryWords(entry);
	if (words.length === 0) return problem(`The ${what} needs letters or digits.`);
	if (words.length > 1 && runTogether(words).letters.length < MIN_PHRASE_LETTERS) {
		return problem(`That ${what} is too short to match safely: use at least ${MIN_PHRASE_LETTERS} letters.`);
	}
	return { ok: true, value: entry.trim() };
}

function checkSite(
	lists: SafeSearchLists,
	change: Extract<ListChange, { kind: 'add-site' }>
): Checked<ListChange> {
	const { site } = change;
	const url = plainSiteUrl(site.url);
	if (!url.ok) return url;
	const existing = checkUrl(url.value, compileAllowlist(lists.sites));
	if (existing.entry !== undefined) {
		return problem(
			existing.entry.url === url.value
				? `“${existing.entry.title}” is already on the list at that address.`
				: `That address is already allowed by “${existing.entry.title}” (${existing.entry.url}).`
		);
	}
	const classifier = compileClassifier(lists);
	for (const words of [site.title, ...site.keywords]) {
		if (classifier(words).verdict !== 'allow') {
			return problem(`Children could not search for “${words}”: safe search blocks it. Choose other words.`);
		}
	}
	return { ok: true, value: { kind: 'add-site', site: { ...site, url: url.value } } };
}

function checkTerm(
	lists: SafeSearchLists,
	change: Extract<ListChange, { kind: 'add-term' }>
): Checked<ListChange> {
	const category = lists.terms.categories.find((c) => c.id === change.category);
	if (category === undefined) return problem('Choose one of the categories in the list.');
	const term = checkWords(change.term, 'word or phrase');
	if (!term.ok) return term;
	const already = findTerm(lists, term.value);
	if (already !== null) return problem(`“${term.value}” is already in the category “${already}”.`);
	const value: ListChange = { kind: 'add-term', category: category.id, term: term.value };
	const after = applyChanges(lists, [value]);
	const blocked = firstBlockedOwnSearch(after, compileClassifier(after));
	if (blocked !== null) {
		return problem(
			`Adding “${term.value}” would block ${blocked}. Add an exception for it first, or choose a more exact word.`
		);
	}
	return { ok: true, value };
}

function checkException(
	lists: SafeSearchLists,
	change: Extract<ListChange, { kind: 'add-exception' }>
): Checked<ListChange> {
	const entry = checkWords(change.entry, 'exception');
	if (!entry.ok) return entry;
	const existing = isPhrase(entry.value) ? lists.exceptions.phrases : lists.exceptions.words;
	if (existing.some((e) => key(e) === key(entry.value))) {
		return problem(`“${entry.value}” is already an exception.`);
	}
	return { ok: true, value: { kind: 'add-exception', entry: entry.value } };
}

/** The change, tidied (plain url, trimmed words), or what to fix. */
export function validateChange(lists: SafeSearchLists, change: ListChange): Checked<ListChange> {
	switch (change.kind) {
		case 'add-site':
			return checkSite(lists, change);
		case 'remove-site':
			return lists.sites.some((site) => site.url === change.url)
				? { ok: true, value: change }
				: problem('That site is not on the list any more: choose one from the list.');
		case 'add-term':
			return checkTerm(lists, change);
		case 'add-exception':
			return checkException(lists, change);
	}
}

/**
 * A school may not weaken its trust's blocked or alert words (trust-list.ts): an exception that
 * would let one of them through, searched on its own, is refused with who to ask.
 */
export function trustWordProblem(
	lists: SafeSearchLists,
	trustChanges: readonly ListChange[],
	change: ListChange
): string | null {
	if (change.kind !== 'add-exception') return null;
	const trustWords = trustChanges.flatMap((c) => (c.kind === 'add-term' ? [c.term] : []));
	if (trustWords.length === 0) return null;
	const before = compileClassifier(lists);
	const after = compileClassifier(applyChanges(lists, [change]));
	const weakened = trustWords.find(
		(word) => before(word).verdict !== 'allow' && after(word).verdict === 'allow'
	);
	return weakened === undefined
		? null
		: `“${weakened}” is on the trust’s list of words that stop a search, and an exception cannot let it through at one school. Ask the trust’s admin if it should change for every school.`;
}

/** A school's change: fits its current lists, and keeps the trust's words holding. */
export function validateSchoolChange(
	lists: SafeSearchLists,
	trustChanges: readonly ListChange[],
	change: ListChange
): Checked<ListChange> {
	const checked = validateChange(lists, change);
	if (!checked.ok) return checked;
	const trustProblem = trustWordProblem(lists, trustChanges, checked.value);
	return trustProblem === null ? checked : problem(trustProblem);
}
