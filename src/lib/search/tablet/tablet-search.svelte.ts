/**
 * Safe search on a class tablet, offline: the lists compiled into the app with the approved
 * changes the tablet has fetched laid over them, the classifier, the link guard and the index,
 * all in memory. Every search is logged through the outbox; a worrying one also tells a
 * grown-up (a `report.opened` event, which the server turns into an alert).
 */
import { charter } from 'virtual:harbour-content';
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import { frameOrigins, lists as shipped } from 'virtual:harbour-safe-search';
import { localDb } from '$lib/local-db/db';
import { outboxSync } from '$lib/local-db/sync.svelte';
import { REPORT_EVENT, type ReportOpened } from '$lib/report/report-events';
import {
	checkUrl,
	compileAllowlist,
	compileClassifier,
	type Allowlist,
	type Classification,
	type Classifier,
	type SafeSearchLists,
	type Site,
	type UrlVerdict
} from '../index';
import { opensInside } from '../embeddable';
import { SafeSearchModel } from '../model/model';
import { applyChanges } from '../list-changes';
import { siteDocuments, type AgeBand, type PageDocument, type SearchDocument } from '../search-documents';
import { MAX_LOGGED_QUERY, SEARCH_LOGGED, type SearchLogged } from '../search-log-event';
import type { EventKind, EventPayload } from '../../events/catalogue';
import { SiteIndex } from '../site-index';
import { fetchListUpdates, storedChanges } from './list-updates';

export const SEARCH_SCREEN = '/class/search';
const MAX_RESULTS = 12;

/** Harbour's own pages a child can find by searching. */
const HARBOUR_PAGES: readonly PageDocument<ResolvedPathname>[] = [
	{
		kind: 'page',
		href: resolve('/class/charter'),
		title: charter.title,
		description: charter.intro,
		keywords: [
			...charter.promises.map((p: { short: string }) => p.short),
			'promises',
			'charter',
			'rules',
			'staying safe online'
		],
		picture: 'charter'
	}
];

/** What a search can find on the tablet: sites, and Harbour pages with resolved links. */
export type TabletDocument = SearchDocument<ResolvedPathname>;

export type SearchOutcome =
	| { readonly kind: 'results'; readonly results: readonly TabletDocument[] }
	| { readonly kind: 'blocked' }
	| { readonly kind: 'alert' };

/** Built on first use: a tablet opening a link needs the allowlist, not the classifier. */
class Compiled {
	readonly #lists: SafeSearchLists;
	readonly #band: AgeBand | null;
	readonly #model: SafeSearchModel | null;
	#classify: Classifier | null = null;
	#allowlist: Allowlist<Site> | null = null;
	#index: SiteIndex<TabletDocument> | null = null;

	constructor(lists: SafeSearchLists, band: AgeBand | null, model: SafeSearchModel | null) {
		this.#lists = lists;
		this.#band = band;
		this.#model = model;
	}

	get classify(): Classifier {
		this.#classify ??= compileClassifier(this.#lists, this.#model);
		return this.#classify;
	}

	get allowlist(): Allowlist<Site> {
		this.#allowlist ??= compileAllowlist(this.#lists.sites);
		return this.#allowlist;
	}

	get index(): SiteIndex<TabletDocument> {
		this.#index ??= new SiteIndex<TabletDocument>([
			...HARBOUR_PAGES,
			...siteDocuments(this.#lists.sites, this.#band)
		]);
		return this.#index;
	}
}

async function record<K extends EventKind>(kind: K, payload: EventPayload<K>): Promise<void> {
	try {
		await outboxSync.record(kind, payload);
	} catch {
		// Storage full: the grown-ups corner and staff screens already show a warning. The
		// child still gets the kind answer.
	}
}

export class TabletSearch {
	/** The lists are ready (stored changes applied). */
	ready = $state(false);
	readonly topics = shipped.topics;
	/** The last search that found things, so "Back to search" returns to the same cards. */
	lastFound: { readonly query: string; readonly results: readonly TabletDocument[] } | null = null;
	#band: AgeBand | null = null;
	#compiled = new Compiled(shipped, null, null);
	#model: SafeSearchModel | null = null;

	/**
	 * Load the model (its own chunk: only the search screens fetch it) and apply the changes
	 * this tablet already holds (once per page load and age band).
	 */
	async load(band: AgeBand | null): Promise<void> {
		if (this.ready && band === this.#band) return;
		this.#band = band;
		this.#model ??= new SafeSearchModel((await import('virtual:harbour-safe-search-model')).model);
		await this.#reload();
		this.ready = true;
	}

	async #reload(): Promise<void> {
		this.#compiled = new Compiled(
			applyChanges(shipped, await storedChanges(localDb())),
			this.#band,
			this.#model
		);
	}

	/** Fetch newly approved changes (when online) and use them. */
	async refresh(): Promise<void> {
		if (await fetchListUpdates(localDb())) await this.#reload();
	}

	classify(query: string): Classification {
		return this.#compiled.classify(query);
	}

	/**
	 * Run a child's search: classify, then look it up, then log it (and, for a worrying search,
	 * tell a grown-up). The blocked words never come back to the screen.
	 */
	async search(query: string): Promise<SearchOutcome> {
		const typed = query.trim().slice(0, MAX_LOGGED_QUERY);
		const { verdict, category } = this.classify(typed);
		const results =
			verdict === 'allow' ? this.#compiled.index.search(typed, MAX_RESULTS).map((h) => h.doc) : [];
		if (verdict === 'alert') {
			const report: ReportOpened = {
				reportId: crypto.randomUUID(),
				practice: false,
				source: 'search',
				category: category ?? undefined,
				context: { screen: SEARCH_SCREEN, searchQuery: typed }
			};
			await record(REPORT_EVENT.opened, report);
		}
		const logged: SearchLogged = { query: typed, verdict, category, resultCount: results.length };
		await record(SEARCH_LOGGED, logged);
		this.lastFound = verdict === 'allow' && results.length > 0 ? { query: typed, results } : null;
		if (verdict === 'allow') return { kind: 'results', results };
		return { kind: verdict === 'alert' ? 'alert' : 'blocked' };
	}

	/** Is this link on the list, and may it open inside Harbour? */
	check(url: string): UrlVerdict<Site> & { inside: boolean } {
		const verdict = checkUrl(url, this.#compiled.allowlist);
		return {
			...verdict,
			inside: verdict.entry !== undefined && opensInside(url, verdict.entry, frameOrigins)
		};
	}
}

export const tabletSearch = new TabletSearch();
