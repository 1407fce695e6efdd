/**
 * The `search.logged` event: every search on a class tablet, recorded through the outbox so
 * staff can see what was searched for (the policies ask for logs of internet activity). It
 * carries the class and tablet (added by the server), never a pupil.
 *
 * Browser-safe: no Node-only imports.
 */
import * as v from 'valibot';

export const SEARCH_LOGGED = 'search.logged';

export const VERDICTS = ['allow', 'block', 'alert'] as const;

/** Longest query kept; a child's search is a few words, anything longer is cut. */
export const MAX_LOGGED_QUERY = 200;

export const SearchLoggedSchema = v.object({
	query: v.pipe(v.string(), v.maxLength(MAX_LOGGED_QUERY)),
	verdict: v.picklist(VERDICTS),
	category: v.nullable(v.pipe(v.string(), v.maxLength(60))),
	resultCount: v.pipe(v.number(), v.integer(), v.minValue(0))
});
export type SearchLogged = v.InferOutput<typeof SearchLoggedSchema>;

/**
 * `search.grown-up-needed`: a child opened a listed site that cannot be shown inside Harbour, so
 * the tablet asked them to fetch a grown-up instead of opening it. Recorded (class and tablet by
 * the server, never a pupil) so the teacher sees it in the class's activity.
 */
export const SITE_NEEDS_GROWN_UP = 'search.grown-up-needed';

export const SiteNeedsGrownUpSchema = v.object({
	url: v.pipe(v.string(), v.maxLength(500)),
	title: v.pipe(v.string(), v.maxLength(120))
});
export type SiteNeedsGrownUp = v.InferOutput<typeof SiteNeedsGrownUpSchema>;
