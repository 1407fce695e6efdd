declare module 'virtual:harbour-assemblies' {
	import type { CompiledAssembly } from '$lib/assembly/compiled';
	import type { MediaUrls } from '$lib/lessons/compiled';
	/** Every assembly, in the order of the school year. */
	export const assemblies: CompiledAssembly[];
	/** URLs of every picture the assemblies use (precached files). */
	export const media: MediaUrls;
}
