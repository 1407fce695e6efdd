#!/usr/bin/env node
// `npm start`: builds Harbour when the sources are newer than the last build, then serves it
// on http://localhost:3000 (PORT to change) with the embedded database in ./data.
import { spawn } from 'node:child_process';
import { ensureBuilt } from './lib/ensure-build.js';

ensureBuilt();

// Reports can carry a drawing or voice message, and staff attach screenshots: allow 10 MB bodies.
const env = {
	...process.env,
	PORT: process.env.PORT ?? '3000',
	BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '10M'
};
// Without ORIGIN (or a proxy's PROTOCOL_HEADER) adapter-node assumes https and refuses form
// posts from http://localhost. Behind a TLS proxy, set ORIGIN=https://your.host instead.
if (!env.ORIGIN && !env.PROTOCOL_HEADER) env.ORIGIN = `http://localhost:${env.PORT}`;
console.log(`Starting Harbour on http://localhost:${env.PORT}`);
const server = spawn(process.execPath, ['build/index.js'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
