/**
 * The whole current list, one row per entry, saying who approved it and why: for the printable
 * page and the CSV download. Shipped entries say "Harbour starter list", the trust's say "Trust
 * list" with the trust admin who published them. No pupil data.
 */
import type { Kysely } from 'kysely';
import type { SafeSearchLists } from '$lib/search';
import { applyChanges, isPhrase, type ListChange } from '$lib/search/list-changes';
import type { Database } from '../db/schema';
import { toCsv } from '../http/csv';
import type { PublishedEntry } from './list-versions';
import { schoolPublishedEntries } from './school-lists';

export const STARTER_LIST = 'Harbour starter list';
export const TRUST_LIST = 'Trust list';

export interface ListRow {
	readonly list: 'Site' | 'Blocked word' | 'Alert word' | 'Exception';
	/** Where the entry comes from: shipped with Harbour, the trust's list, or the school's own. */
	readonly source: 'starter' | 'trust' | 'school';
	/** The term category, or the site's address. */
	readonly where: string;
	readonly entry: string;
	readonly details: string;
	readonly approvedBy: string;
	readonly approvedOn: string;
	readonly why: string;
}

/** What makes an entry the same entry, whichever change added it. */
function entryKey(change: ListChange): string | null {
	switch (change.kind) {
		case 'add-site':
			return `site ${change.site.url}`;
		case 'add-term':
			return `term ${change.category} ${change.term}`;
		case 'add-exception':
			return `exception ${change.entry}`;
		case 'remove-site':
			return null;
	}
}

function provenance(entries: readonly PublishedEntry[]): Map<string, PublishedEntry> {
	const byKey = new Map<string, PublishedEntry>();
	for (const entry of entries) {
		const key = entryKey(entry.change);
		if (key !== null) byKey.set(key, entry);
	}
	return byKey;
}

function approval(
	entry: PublishedEntry | undefined
): Pick<ListRow, 'source' | 'approvedBy' | 'approvedOn' | 'why'> {
	if (entry === undefined)
		return { source: 'starter', approvedBy: STARTER_LIST, approvedOn: '', why: 'Shipped with Harbour' };
	if (entry.list === 'trust')
		return {
			source: 'trust',
			approvedBy: `${TRUST_LIST} (approved by ${entry.approvedBy}, the trust’s admin)`,
			approvedOn: entry.approvedAt.slice(0, 10),
			why: entry.reason
		};
	return {
		source: 'school',
		approvedBy: `${entry.approvedBy} (proposed by ${entry.proposedBy})`,
		approvedOn: entry.approvedAt.slice(0, 10),
		why: [entry.reason, entry.decisionReason].filter((s) => s !== '').join(' — ')
	};
}

export function listRows(lists: SafeSearchLists, entries: readonly PublishedEntry[]): ListRow[] {
	const approvals = provenance(entries);
	const rows: ListRow[] = [];
	const sites = [...lists.sites].sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
	for (const site of sites) {
		const published = approvals.get(`site ${site.url}`);
		rows.push({
			list: 'Site',
			where: site.url,
			entry: site.title,
			details: `Ages ${site.ages.join(', ')}; ${site.subjects.join(', ')}${site.embeddable ? '; opens inside Harbour' : ''}`,
			...approval(published),
			...(published === undefined ? { approvedBy: site.reviewed_by, approvedOn: site.reviewed_on } : {})
		});
	}
	for (const category of lists.terms.categories) {
		const list = category.action === 'alert' ? 'Alert word' : 'Blocked word';
		const kinds = [
			['terms', 'word, also inside longer words'],
			['whole_words', 'whole word only'],
			['phrases', 'phrase'],
			['patterns', 'pattern']
		] as const;
		for (const [key, details] of kinds) {
			for (const entry of category[key]) {
				const published = approvals.get(`term ${category.id} ${entry}`);
				rows.push({ list, where: category.label, entry, details, ...approval(published) });
			}
		}
	}
	for (const entry of [...lists.exceptions.words, ...lists.exceptions.phrases]) {
		rows.push({
			list: 'Exception',
			where: '',
			entry,
			details: isPhrase(entry) ? 'phrase' : 'word',
			...approval(approvals.get(`exception ${entry}`))
		});
	}
	return rows;
}

export async function currentListRows(db: Kysely<Database>, shipped: SafeSearchLists): Promise<ListRow[]> {
	const entries = await schoolPublishedEntries(db);
	return listRows(
		applyChanges(
			shipped,
			entries.map((e) => e.change)
		),
		entries
	);
}

export const CSV_HEADER = [
	'List',
	'Category or address',
	'Entry',
	'Details',
	'Approved by',
	'Approved on',
	'Why'
];

export function listCsv(rows: readonly ListRow[]): string {
	return toCsv(
		CSV_HEADER,
		rows.map((r) => [r.list, r.where, r.entry, r.details, r.approvedBy, r.approvedOn, r.why])
	);
}
