// Runs Debian's PostgreSQL client tools (pg_dump, pg_restore) against a DATABASE_URL without
// putting the password on a command line (other users can read those in `ps`): the URL is split
// into -h/-p/-U/-d and the password goes through the environment.
import { spawnSync } from 'node:child_process';

export function pgArgs(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
	const u = new URL(url);
	const args = ['-h', u.hostname || 'localhost', '-p', u.port || '5432'];
	if (u.username) args.push('-U', decodeURIComponent(u.username));
	args.push('-d', decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres');
	const env: NodeJS.ProcessEnv = { ...process.env };
	if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
	const ssl = u.searchParams.get('sslmode');
	if (ssl) env.PGSSLMODE = ssl;
	return { args, env };
}

/** Runs a client tool; throws one sentence with the tool's own complaint when it fails. */
export function runPgTool(tool: string, args: string[], env: NodeJS.ProcessEnv): string {
	const run = spawnSync(tool, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (run.error) {
		throw new Error(
			`${tool} could not be run (${run.error.message}); install Debian's postgresql-client (apt-get install postgresql-client).`
		);
	}
	if (run.status !== 0) {
		const why = (run.stderr || '').trim().split('\n').slice(-3).join(' ');
		throw new Error(`${tool} failed: ${why || `exit code ${run.status}`}`);
	}
	return run.stdout;
}
