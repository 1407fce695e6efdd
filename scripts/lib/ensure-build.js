// Builds Harbour when the sources are newer than the last build (`npm start`, `npm run bench`).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fingerprintSources } from './fingerprint.js';

const STAMP = 'build/.harbour-sources';

export function ensureBuilt() {
	const fingerprint = fingerprintSources();
	if (existsSync('build/index.js') && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === fingerprint)
		return;
	console.log('Building Harbour (first start, or the sources changed)…');
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (result.status !== 0) {
		console.error('The build failed: see the message above, fix it, and try again.');
		process.exit(result.status ?? 1);
	}
	writeFileSync(STAMP, fingerprint);
}
