/**
 * Which sites may be shown inside Harbour (in an iframe); any other listed site gets "ask a
 * grown-up to open this" on the tablet (a pupil tablet never opens a browser tab).
 *
 * The page's Content-Security-Policy lists these origins in `frame-src` (svelte.config.js reads
 * sites.yaml at build for the same list; a unit test keeps the two equal). A site approved after
 * the build is not in the policy yet, so it asks for a grown-up until the next release.
 *
 * Browser-safe: no Node-only imports.
 */
import type { Site } from './lists-schema';

/** The origins of every embeddable site, sorted, each once. */
export function embeddableOrigins(sites: readonly Pick<Site, 'url' | 'embeddable'>[]): string[] {
	const origins = sites.filter((site) => site.embeddable).map((site) => new URL(site.url).origin);
	return [...new Set(origins)].sort();
}

/** May this (already allowed) link open inside Harbour? */
export function opensInside(
	url: string,
	site: Pick<Site, 'embeddable'>,
	frameOrigins: readonly string[]
): boolean {
	return site.embeddable && frameOrigins.includes(new URL(url).origin);
}
