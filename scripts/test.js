#!/usr/bin/env node
// `npm test`: every check, in the order that fails fastest. Lint and types, then the unit and
// data-layer tests (SQLite file + real PostgreSQL), then one production build shared by the
// Playwright suite in Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { ensureChromium, ensurePostgres } from './lib/system-deps.js';

function run(label, cmd, args, env = process.env) {
	console.log(`\n── ${label} ──`);
	const r = spawnSync(cmd, args, { stdio: 'inherit', env });
	if (r.status !== 0) {
		console.error(`\n✗ ${label} failed.`);
		process.exit(r.status ?? 1);
	}
}

ensureChromium();
const postgresUrl = ensurePostgres();
const env = { ...process.env, TEST_DATABASE_URL: postgresUrl };

run('Types (svelte-check, service worker)', 'npm', ['run', '--silent', 'check'], env);
run('Lint (prettier, eslint)', 'npm', ['run', '--silent', 'lint'], env);
run('Unit and data-layer tests (vitest)', 'npx', ['vitest', 'run'], env);
run('Build', 'npx', ['vite', 'build', '--logLevel', 'warn'], env);
run('Browser tests (playwright, Debian chromium)', 'npx', ['playwright', 'test'], env);
console.log('\n✓ All checks passed.');
