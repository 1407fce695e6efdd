// A fingerprint of everything a build depends on (paths, sizes and modification times), so
// `npm start` rebuilds only when something changed.
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

const INPUTS = [
	'src',
	'static',
	'content',
	'lessons',
	'tooling',
	'package-lock.json',
	'svelte.config.js',
	'vite.config.ts'
];

/**
 * @param {string} path
 * @param {string[]} out
 */
function walk(path, out) {
	if (!existsSync(path)) return;
	const st = statSync(path);
	if (st.isDirectory()) {
		for (const name of readdirSync(path).sort()) walk(join(path, name), out);
	} else {
		out.push(`${path}:${st.size}:${Math.round(st.mtimeMs)}`);
	}
}

export function fingerprintSources() {
	/** @type {string[]} */
	const lines = [];
	for (const input of INPUTS) walk(input, lines);
	return createHash('sha256').update(lines.join('\n')).digest('hex');
}
