/** The safe-search lists compiled at build time (tooling/vite-plugin-safe-search.ts). */
declare module 'virtual:harbour-safe-search' {
	export const lists: import('./lists-schema').SafeSearchLists;
	/** Origins of the embeddable sites: the page's CSP frame-src lists exactly these. */
	export const frameOrigins: readonly string[];
}

/** The safe-search model trained at build time; imported only by the search screen. */
declare module 'virtual:harbour-safe-search-model' {
	export const model: import('./model/model').SerialisedModel;
}
