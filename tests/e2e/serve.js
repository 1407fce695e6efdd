// Serves the built app for the browser tests on its own fresh embedded database.
// Usage: node tests/e2e/serve.js PORT demo|empty
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { supervise } from '../../scripts/lib/supervise.js';

const [port, kind] = process.argv.slice(2);
/** The demo server's mail server listens (when a test starts it) at its port + 3. */
const SMTP_PORT_OFFSET = 3;
const dir = mkdtempSync(join(tmpdir(), `harbour-e2e-${kind}-`));
// Supervised as `npm start` is, so the browser tests see the same recovery a school does.
supervise(['build/index.js'], {
	env: {
		...process.env,
		PORT: port,
		BODY_SIZE_LIMIT: '10M',
		ORIGIN: `http://localhost:${port}`,
		DATABASE_URL: '',
		DATABASE_PATH: `${dir}/harbour.db`,
		HARBOUR_DEMO: kind === 'demo' ? '1' : '0',
		// Email alerts go to a mail server that is not running (tests/e2e/alerts.spec.ts starts a
		// real one there when it wants them delivered): plain SMTP, so no STARTTLS.
		SMTP_HOST: '127.0.0.1',
		SMTP_PORT: String(Number(port) + SMTP_PORT_OFFSET),
		SMTP_USER: 'harbour',
		SMTP_PASSWORD: 'mail-secret',
		SMTP_FROM: 'alerts@harbour.test',
		SMTP_REQUIRE_TLS: '0'
	}
});
