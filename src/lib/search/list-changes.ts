/**
 * Changes to the safe-search lists approved after the build: a site added or removed, a term
 * added to a category, an exception added. The server publishes them as numbered list versions
 * (see src/lib/server/search-admin/); tablets fetch the ones they lack and lay them over the
 * lists compiled into the app, so the newest approved list works offline too.
 *
 * Browser-safe: no Node-only imports.
 */
import * as v from 'valibot';
import { listEntryWords } from './compile-lists';
import { AGE_BANDS, SUBJECTS, type SafeSearchLists, type Site, type TermCategory } from './lists-schema';

export const LIST_CHANGE_KINDS = ['add-site', 'remove-site', 'add-term', 'add-exception'] as const;
export type ListChangeKind = (typeof LIST_CHANGE_KINDS)[number];

/** What each kind of change is called on staff screens. */
export const LIST_CHANGE_LABELS: Readonly<Record<ListChangeKind, string>> = {
	'add-site': 'Add a site',
	'remove-site': 'Remove a site',
	'add-term': 'Add a word to a category',
	'add-exception': 'Add an exception'
};

const text = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));

/** A site as it travels to the tablet. The server has already checked it (proposals.ts). */
const SiteWireSchema = v.object({
	url: text(300),
	title: text(120),
	description: text(160),
	keywords: v.array(text(80)),
	ages: v.array(v.picklist(AGE_BANDS)),
	subjects: v.array(v.picklist(SUBJECTS)),
	embeddable: v.boolean(),
	reviewed_by: text(120),
	reviewed_on: text(40)
});

export const ListChangeSchema = v.variant('kind', [
	v.object({ kind: v.literal('add-site'), site: SiteWireSchema }),
	v.object({ kind: v.literal('remove-site'), url: text(300) }),
	/** One word goes to the category's terms; two or more words make a phrase. */
	v.object({ kind: v.literal('add-term'), category: text(60), term: text(120) }),
	/** One word goes to the exception words; two or more words make an exception phrase. */
	v.object({ kind: v.literal('add-exception'), entry: text(120) })
]);
export type ListChange = v.InferOutput<typeof ListChangeSchema>;

export const PublishedChangeSchema = v.object({
	version: v.pipe(v.number(), v.integer(), v.minValue(1)),
	change: ListChangeSchema
});
export type PublishedChange = v.InferOutput<typeof PublishedChangeSchema>;

/** What GET /api/safe-search/lists?since=N answers. */
export const ListUpdatesSchema = v.object({
	/** The newest published version (0: nothing published since the build). */
	latest: v.pipe(v.number(), v.integer(), v.minValue(0)),
	changes: v.array(PublishedChangeSchema)
});
export type ListUpdates = v.InferOutput<typeof ListUpdatesSchema>;

/** A change as stored (JSON text), checked again as it is read. */
export function parseChange(json: string): ListChange {
	return v.parse(ListChangeSchema, JSON.parse(json));
}

/** The site address a change is about, if it is about a site. */
export function changedSite(change: ListChange): string | null {
	if (change.kind === 'add-site') return change.site.url;
	if (change.kind === 'remove-site') return change.url;
	return null;
}

/** One word, or a phrase of several? Read exactly as the classifier reads list entries. */
export function isPhrase(entry: string): boolean {
	return listEntryWords(entry).length > 1;
}

function withTerm(category: TermCategory, term: string): TermCategory {
	return isPhrase(term)
		? { ...category, phrases: [...category.phrases, term] }
		: { ...category, terms: [...category.terms, term] };
}

function applyOne(lists: SafeSearchLists, change: ListChange): SafeSearchLists {
	switch (change.kind) {
		case 'add-site':
			return {
				...lists,
				sites: [...lists.sites.filter((site) => site.url !== change.site.url), change.site as Site]
			};
		case 'remove-site':
			return { ...lists, sites: lists.sites.filter((site) => site.url !== change.url) };
		case 'add-term':
			return {
				...lists,
				terms: {
					...lists.terms,
					categories: lists.terms.categories.map((category) =>
						category.id === change.category ? withTerm(category, change.term) : category
					)
				}
			};
		case 'add-exception': {
			const key = isPhrase(change.entry) ? 'phrases' : 'words';
			return {
				...lists,
				exceptions: { ...lists.exceptions, [key]: [...lists.exceptions[key], change.entry] }
			};
		}
	}
}

/** The lists with the changes applied in order. The base lists are left as they were. */
export function applyChanges(base: SafeSearchLists, changes: readonly ListChange[]): SafeSearchLists {
	return changes.reduce(applyOne, base);
}
