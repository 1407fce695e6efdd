// Serves the built app for the browser tests on its own fresh embedded database.
// Usage: node tests/e2e/serve.js PORT demo|empty
import { rmSync, mkdirSync } from 'node:fs';
import { spawn } from 'node:child_process';

const [port, kind] = process.argv.slice(2);
const dir = `test-results/db-${kind}`;
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const server = spawn(process.execPath, ['build/index.js'], {
	stdio: 'inherit',
	env: {
		...process.env,
		PORT: port,
		ORIGIN: `http://localhost:${port}`,
		DATABASE_URL: '',
		DATABASE_PATH: `${dir}/harbour.db`,
		HARBOUR_DEMO: kind === 'demo' ? '1' : '0'
	}
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
