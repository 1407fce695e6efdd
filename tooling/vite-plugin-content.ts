/**
 * Validates the school-editable content in content/ at build time and serves it to the app as
 * `virtual:harbour-content`. A broken file stops the build with its path, line and the fix.
 * The compiled content ends up in JS chunks the service worker precaches, so it works offline.
 */
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { parseYamlWith } from '../src/lib/content/yaml-with-lines';
import { CharterSchema } from '../src/lib/content/charter-schema';

const ID = 'virtual:harbour-content';
const RESOLVED = '\0' + ID;

export function compileContent(root: string): { charter: unknown } {
	const rel = 'content/charter.yaml';
	const file = resolve(root, rel);
	const charter = parseYamlWith(CharterSchema, readFileSync(file, 'utf8'), rel);
	for (const p of charter.promises) {
		if (!existsSync(resolve(root, 'static/pictures', `${p.picture}.svg`))) {
			throw new Error(
				`${rel}: picture “${p.picture}” is not in static/pictures/. Use one of the files there.`
			);
		}
	}
	return { charter };
}

export function harbourContent(): Plugin {
	let root = process.cwd();
	return {
		name: 'harbour-content',
		configResolved(config) {
			root = config.root;
		},
		resolveId(id) {
			return id === ID ? RESOLVED : null;
		},
		load(id) {
			if (id !== RESOLVED) return null;
			this.addWatchFile(resolve(root, 'content/charter.yaml'));
			const content = compileContent(root);
			return Object.entries(content)
				.map(([k, value]) => `export const ${k} = ${JSON.stringify(value)};`)
				.join('\n');
		}
	};
}
