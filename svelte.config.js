import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** @typedef {NonNullable<NonNullable<NonNullable<NonNullable<import('@sveltejs/kit').Config['kit']>['csp']>['directives']>['frame-src']>} FrameSources */

/**
 * Safe search shows embeddable sites inside Harbour: frame-src allows exactly their origins.
 * The build checks sites.yaml properly (tooling/vite-plugin-safe-search.ts); a unit test keeps
 * this list equal to src/lib/search/embeddable.ts's.
 * @returns {FrameSources}
 */
export function embeddableOrigins() {
	const file = new URL('./content/safe-search/sites.yaml', import.meta.url);
	/** @type {{ sites?: { url: string; embeddable?: boolean }[] }} */
	const yaml = parse(readFileSync(file, 'utf8')) ?? {};
	const origins = (yaml.sites ?? [])
		.filter((s) => s.embeddable === true)
		.map((s) => /** @type {FrameSources[number]} */ (new URL(s.url).origin));
	return [...new Set(origins)].sort();
}
const frameOrigins = embeddableOrigins();

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ precompress: true }),
		// Our own service worker is built by @vite-pwa/sveltekit (injectManifest).
		serviceWorker: { register: false },
		// Hashes, not nonces: pages replayed by the service worker offline keep a valid policy.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'media-src': ['self', 'blob:'],
				'connect-src': ['self'],
				'font-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'frame-src': frameOrigins.length > 0 ? frameOrigins : ['none']
			}
		}
	}
};

export default config;
