import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';

test('a bad DATABASE_URL stops start-up with one clear sentence', () => {
	const run = spawnSync(process.execPath, ['build/index.js'], {
		env: { ...process.env, PORT: '4199', DATABASE_URL: 'postgres://harbour:secret@127.0.0.1:1/harbour' },
		encoding: 'utf8',
		timeout: 30_000
	});
	expect(run.status).toBe(1);
	const lines = run.stderr.trim().split('\n');
	expect(lines).toHaveLength(1);
	expect(lines[0]).toMatch(
		/^Harbour could not start: Harbour cannot reach the PostgreSQL database at 127\.0\.0\.1:1\/harbour .*check DATABASE_URL\.$/
	);
	expect(run.stderr).not.toContain('secret');
});

test('a DATABASE_URL that is not PostgreSQL is refused before anything starts', () => {
	const run = spawnSync(process.execPath, ['build/index.js'], {
		env: { ...process.env, PORT: '4199', DATABASE_URL: 'mysql://x@y/z' },
		encoding: 'utf8',
		timeout: 30_000
	});
	expect(run.status).toBe(1);
	expect(run.stderr.trim()).toBe(
		'Harbour could not start: DATABASE_URL must start with postgres:// (leave it unset to use the embedded database in ./data).'
	);
});
