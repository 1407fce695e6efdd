/**
 * The running app's shared handles: configuration and database, opened once at start-up by
 * the `init` hook. The server is otherwise stateless, so many can run behind a load balancer.
 */
import { readConfig, type Config } from './config/config';
import { openDatabase, type DatabaseHandle } from './db/connect';
import { countStaff } from './school/staff';
import { describeDemoSchool, seedDemoSchool } from './demo/seed';

let state: { config: Config; handle: DatabaseHandle } | null = null;

export async function startApp(env: Record<string, string | undefined> = process.env): Promise<void> {
	const config = readConfig(env);
	const handle = await openDatabase(config.database);
	state = { config, handle };
	if (config.demo && (await countStaff(handle.db)) === 0) {
		const demo = await seedDemoSchool(handle.db);
		const origin = env.ORIGIN ?? `http://localhost:${env.PORT ?? '3000'}`;
		console.log(describeDemoSchool(demo, origin));
	}
	console.log(`Harbour database: ${handle.engine} (${handle.where})`);
}

export function app(): { config: Config; db: DatabaseHandle['db'] } {
	if (!state) throw new Error('Harbour has not started: startApp() must run first.');
	return { config: state.config, db: state.handle.db };
}
