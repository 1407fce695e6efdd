import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vite';
import { harbourContent } from './tooling/vite-plugin-content';
import { harbourSafeSearch } from './tooling/vite-plugin-safe-search';
import { harbourLessons } from './tooling/vite-plugin-lessons';

export default defineConfig({
	plugins: [
		harbourContent(),
		harbourSafeSearch(),
		harbourLessons(),
		sveltekit(),
		SvelteKitPWA({
			strategies: 'injectManifest',
			srcDir: 'src',
			filename: 'service-worker.ts',
			// We register the worker ourselves (src/lib/pwa/) so updates wait for the class home.
			injectRegister: false,
			// The web manifest is a static file: static/manifest.webmanifest.
			manifest: false,
			injectManifest: {
				// Lesson pictures and recorded clips are emitted as hashed assets: precached with the app.
				globPatterns: ['client/**/*.{js,css,svg,png,webmanifest,woff2,mp3,m4a,ogg}'],
				maximumFileSizeToCacheInBytes: 4 * 1024 * 1024
			}
		})
	]
});
