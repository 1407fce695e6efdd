// Serves the built app for the browser tests on its own fresh embedded database.
// Usage: node tests/e2e/serve.js PORT demo|empty
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { supervise } from '../../scripts/lib/supervise.js';

const [port, kind] = process.argv.slice(2);
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
		HARBOUR_DEMO: kind === 'demo' ? '1' : '0'
	}
});
