#!/usr/bin/env node
// `npm start`: builds Harbour when the sources are newer than the last build, then serves it
// on http://localhost:3000 (PORT to change) with the embedded database in ./data.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fingerprintSources } from './lib/fingerprint.js';

const STAMP = 'build/.harbour-sources';
const fingerprint = fingerprintSources();
const built =
	existsSync('build/index.js') && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === fingerprint;

if (!built) {
	console.log('Building Harbour (first start, or the sources changed)…');
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (result.status !== 0) {
		console.error('The build failed: see the message above, fix it, and run npm start again.');
		process.exit(result.status ?? 1);
	}
	writeFileSync(STAMP, fingerprint);
}

const env = { ...process.env, PORT: process.env.PORT ?? '3000' };
// Without ORIGIN (or a proxy's PROTOCOL_HEADER) adapter-node assumes https and refuses form
// posts from http://localhost. Behind a TLS proxy, set ORIGIN=https://your.host instead.
if (!env.ORIGIN && !env.PROTOCOL_HEADER) env.ORIGIN = `http://localhost:${env.PORT}`;
console.log(`Starting Harbour on http://localhost:${env.PORT}`);
const server = spawn(process.execPath, ['build/index.js'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
