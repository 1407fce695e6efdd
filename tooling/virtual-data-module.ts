/**
 * A Vite plugin serving data checked and compiled at build time as a virtual module: each key of
 * what `compile(root)` returns becomes a named export. A `compile` that throws stops the build
 * with its message (the file, line and fix); a change to a `watch` file rebuilds it in dev.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

export interface VirtualDataModule {
	/** Plugin name, for Vite's messages. */
	name: string;
	/** What the app imports, e.g. `virtual:harbour-content`. */
	id: string;
	/** Source files, relative to the project root. */
	watch: readonly string[];
	compile(root: string): object;
}

export function virtualDataModule({ name, id, watch, compile }: VirtualDataModule): Plugin {
	const resolved = '\0' + id;
	let root = process.cwd();
	return {
		name,
		configResolved(config) {
			root = config.root;
		},
		resolveId(requested) {
			return requested === id ? resolved : null;
		},
		load(requested) {
			if (requested !== resolved) return null;
			for (const file of watch) this.addWatchFile(resolve(root, file));
			// JSON.parse of a string literal is quicker for the browser than the same object literal.
			return Object.entries(compile(root))
				.map(([key, value]) => `export const ${key} = JSON.parse(${JSON.stringify(JSON.stringify(value))});`)
				.join('\n');
		}
	};
}
