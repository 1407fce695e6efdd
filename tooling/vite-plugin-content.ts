/**
 * Validates the school-editable content in content/ at build time and serves it to the app as
 * `virtual:harbour-content`. A broken file stops the build with its path, line and the fix.
 * The compiled content ends up in JS chunks the service worker precaches, so it works offline.
 */
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { virtualDataModule } from './virtual-data-module';
import { parseYamlWith } from '../src/lib/content/yaml-with-lines';
import { CharterSchema } from '../src/lib/content/charter-schema';

const CHARTER = 'content/charter.yaml';

export function compileContent(root: string): { charter: unknown } {
	const charter = parseYamlWith(CharterSchema, readFileSync(resolve(root, CHARTER), 'utf8'), CHARTER);
	for (const p of charter.promises) {
		if (!existsSync(resolve(root, 'static/pictures', `${p.picture}.svg`))) {
			throw new Error(
				`${CHARTER}: picture “${p.picture}” is not in static/pictures/. Use one of the files there.`
			);
		}
	}
	return { charter };
}

export function harbourContent(): Plugin {
	return virtualDataModule({
		name: 'harbour-content',
		id: 'virtual:harbour-content',
		watch: [CHARTER],
		compile: compileContent
	});
}
