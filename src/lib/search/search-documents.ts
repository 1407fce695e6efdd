/**
 * What a child's search can find: the school's list of sites for the class's age band, and
 * Harbour's own pages (the charter; lessons when they exist).
 *
 * Browser-safe: no Node-only imports.
 */
import type { AGE_BANDS, Site } from './lists-schema';
import { sitePicture } from './search-pictures';
import type { IndexDocument } from './site-index';

export type AgeBand = (typeof AGE_BANDS)[number];

export interface SiteDocument extends IndexDocument {
	readonly kind: 'site';
	readonly url: string;
	readonly picture: string;
}

export interface PageDocument<Href extends string = string> extends IndexDocument {
	readonly kind: 'page';
	/** A Harbour path, already resolved (resolve() from $app/paths), e.g. /class/charter. */
	readonly href: Href;
	readonly picture: string;
}

export type SearchDocument<Href extends string = string> = SiteDocument | PageDocument<Href>;

/**
 * The age band of a year group: Reception to Year 2 are infants (4-7), Years 3 to 6 juniors
 * (7-11). Null when the year group says neither, and then every site is offered.
 */
export function ageBandOf(yearGroup: string): AgeBand | null {
	const name = yearGroup.trim().toLowerCase();
	if (/^(nursery|reception|year [12])$/u.test(name)) return '4-7';
	if (/^year [3-6]$/u.test(name)) return '7-11';
	return null;
}

export function siteDocuments(sites: readonly Site[], band: AgeBand | null): SiteDocument[] {
	return sites
		.filter((site) => band === null || site.ages.includes(band))
		.map((site) => ({
			kind: 'site',
			url: site.url,
			title: site.title,
			description: site.description,
			keywords: site.keywords,
			picture: sitePicture(site.subjects)
		}));
}
