import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the production build (built once by `npm test`), in Debian's Chromium.
 * Two servers: the demo school, and an empty real school for the first-run screen.
 */
// E2E_PORT moves both servers (e.g. two worktrees testing at once on one machine).
const PORT = Number(process.env.E2E_PORT ?? 4173);
export const DEMO_URL = `http://localhost:${PORT}`;
export const EMPTY_URL = `http://localhost:${PORT + 1}`;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	// No retries: a flaky test is a bug to find, not to hide.
	retries: 0,
	timeout: 60_000,
	// Two cores shared with the servers under test: allow slow moments without hiding real failures.
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		baseURL: DEMO_URL,
		serviceWorkers: 'allow',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: [
		{
			command: `node tests/e2e/serve.js ${PORT} demo`,
			url: `${DEMO_URL}/api/health`,
			reuseExistingServer: false,
			stdout: 'ignore',
			stderr: 'pipe',
			// A busy machine (CI shares its cores) may take a while to start a server.
			timeout: 180_000
		},
		{
			command: `node tests/e2e/serve.js ${PORT + 1} empty`,
			url: `${EMPTY_URL}/api/health`,
			reuseExistingServer: false,
			stdout: 'ignore',
			stderr: 'pipe',
			// A busy machine (CI shares its cores) may take a while to start a server.
			timeout: 180_000
		}
	]
});
