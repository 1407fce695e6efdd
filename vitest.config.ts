import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Logic tests run in Node against real parts (SQLite files, a real PostgreSQL).
// Browser behaviour (IndexedDB, service worker) is tested by Playwright in real Chromium.
export default defineConfig({
	resolve: {
		alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) }
	},
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		// The JSON log is for operators; tests that read it make their own logger.
		env: { LOG_LEVEL: 'silent' },
		globalSetup: ['tests/unit/global-setup.ts'],
		// The data-layer suites share one PostgreSQL database: run files one at a time.
		fileParallelism: false,
		// Ceilings, not goals: scrypt at OWASP cost and CLI start-ups are slow on a busy 2-core machine.
		testTimeout: 60_000,
		hookTimeout: 60_000
	}
});
