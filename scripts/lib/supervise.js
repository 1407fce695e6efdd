// Keeps a server process running: when it exits unexpectedly (a crash, running out of memory,
// killed by the system) it is started again after a short wait, and the log says so. A stop
// asked for (SIGINT/SIGTERM here) is passed on and not restarted. A server that keeps failing
// within seconds of starting has a start-up problem (bad configuration): after three such
// failures in a row the supervisor gives up with the server's own exit code.
import { spawn } from 'node:child_process';

/**
 * @param {string[]} args node arguments for the server
 * @param {{ env?: NodeJS.ProcessEnv, log?: (line: string) => void, quickMs?: number }} [opts]
 */
export function supervise(args, { env = process.env, log = (l) => console.error(l), quickMs = 5000 } = {}) {
	let child = null;
	let stopping = false;
	let quickFailures = 0;
	let restarts = 0;

	const start = () => {
		const startedAt = Date.now();
		child = spawn(process.execPath, args, { stdio: 'inherit', env });
		child.on('exit', (code, signal) => {
			if (stopping) {
				process.exit(code ?? 0);
				return;
			}
			const quick = Date.now() - startedAt < quickMs;
			quickFailures = quick ? quickFailures + 1 : 0;
			const how = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
			if (quickFailures >= 3) {
				log(`Harbour ${how} three times just after starting; not restarting. See the messages above.`);
				process.exit(code ?? 1);
				return;
			}
			const wait = Math.min(10_000, 500 * 2 ** quickFailures);
			restarts += 1;
			log(`Harbour stopped unexpectedly (${how}); restarting in ${wait / 1000} s (restart ${restarts}).`);
			setTimeout(start, wait);
		});
	};

	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => {
			stopping = true;
			if (child && child.exitCode === null) child.kill(signal);
			else process.exit(0);
		});
	}
	start();
}
