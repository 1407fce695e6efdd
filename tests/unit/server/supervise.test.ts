import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the supervised server (npm start)', () => {
	it('restarts a server that crashes and says so in the log', async () => {
		const marker = join(mkdtempSync(join(tmpdir(), 'harbour-sup-')), 'crashed');
		const runner = `import('./scripts/lib/supervise.js').then(m => m.supervise(['tests/fixtures/crash-once.js'], { env: { ...process.env, CRASH_MARKER: ${JSON.stringify(marker)} } }))`;
		const p = spawn(process.execPath, ['--input-type=module', '-e', runner], {
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		p.stdout.on('data', (d: Buffer) => (out += d.toString()));
		p.stderr.on('data', (d: Buffer) => (out += d.toString()));
		const deadline = Date.now() + 15_000;
		while (!out.includes('up again') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
		p.kill('SIGTERM');
		await new Promise((r) => p.on('exit', r));
		expect(out).toContain('Harbour stopped unexpectedly (exited with code 7); restarting');
		expect(out).toContain('up again');
	});

	for (const [signal, code] of [
		['SIGTERM', 0],
		['SIGINT', 0],
		['SIGTERM', 1]
	] as const) {
		it(`passes ${signal} on to the server, waits for it to stop, and exits with its code (${code})`, async () => {
			const runner = `import('./scripts/lib/supervise.js').then(m => m.supervise(['tests/fixtures/stops-on-signal.js'], { env: { ...process.env, STOP_CODE: '${code}' } }))`;
			const p = spawn(process.execPath, ['--input-type=module', '-e', runner], {
				stdio: ['ignore', 'pipe', 'pipe']
			});
			let out = '';
			p.stdout.on('data', (d: Buffer) => (out += d.toString()));
			p.stderr.on('data', (d: Buffer) => (out += d.toString()));
			const deadline = Date.now() + 15_000;
			while (!out.includes('up') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
			p.kill(signal);
			const exit = await new Promise<number | null>((r) => p.on('exit', (c) => r(c)));
			expect(out).toContain(`got ${signal}`);
			expect(exit).toBe(code);
			expect(out).not.toContain('restarting');
		});
	}
});
