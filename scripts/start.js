#!/usr/bin/env node
// `npm start`: builds Harbour when the sources are newer than the last build, then serves it
// on http://localhost:3000 (PORT to change) with the embedded database in ./data.
import { ensureBuilt } from './lib/ensure-build.js';
import { supervise } from './lib/supervise.js';

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
// Supervised: a crash restarts the server (and says so), so one bad moment never leaves a
// school without Tell a grown-up.
supervise(['build/index.js'], { env });
