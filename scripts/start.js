#!/usr/bin/env node
// `npm start`: builds Harbour when the sources are newer than the last build, then serves it
// on http://localhost:3000 (PORT to change) with the embedded database in ./data.
import { ensureBuilt } from './lib/ensure-build.js';
import { supervise } from './lib/supervise.js';
import { localProxy } from './lib/local-proxy.js';

ensureBuilt();

// Reports can carry a drawing or voice message, and staff attach screenshots: allow 10 MB bodies.
const env = {
	...process.env,
	PORT: process.env.PORT ?? '3000',
	BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '10M'
};
if (env.HARBOUR_DEMO === 'trust' && !env.ORIGIN && !env.PROTOCOL_HEADER) {
	// The demo trust: every school at its own <slug>.localhost address, through a local proxy
	// that says the address is http (see lib/local-proxy.js); Harbour listens one port up.
	const port = Number(env.PORT);
	env.PORT = String(port + 1);
	env.PUBLIC_PORT = String(port);
	env.HOST = '127.0.0.1';
	env.PROTOCOL_HEADER = 'x-forwarded-proto';
	localProxy(port, port + 1);
	console.log(`Starting the Harbour demo trust on http://oak.localhost:${port} (also ash., elm.)`);
} else {
	// Without ORIGIN (or a proxy's PROTOCOL_HEADER) adapter-node assumes https and refuses form
	// posts from http://localhost. Behind a TLS proxy, set ORIGIN=https://your.host instead.
	if (!env.ORIGIN && !env.PROTOCOL_HEADER) env.ORIGIN = `http://localhost:${env.PORT}`;
	console.log(`Starting Harbour on http://localhost:${env.PORT}`);
}
// Supervised: a crash restarts the server (and says so), so one bad moment never leaves a
// school without Tell a grown-up.
supervise(['build/index.js'], { env });
