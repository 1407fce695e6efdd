/** The safe-search lists compiled at build time (tooling/vite-plugin-safe-search.ts). */
declare module 'virtual:harbour-safe-search' {
	export const lists: import('./lists-schema').SafeSearchLists;
	/** Origins of the embeddable sites: the page's CSP frame-src lists exactly these. */
	export const frameOrigins: readonly string[];
}
