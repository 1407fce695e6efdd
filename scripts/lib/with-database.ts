// The shell of a one-shot command on the configured database: open it, do the work, close it.
// Exit 0: done. Exit 1: refused (an error of one of the `refusals` classes; its sentence says
// why). Exit 2: anything else, such as a database that could not be opened.
import { readConfig, type Config } from '../../src/lib/server/config/config';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/connect';

export async function withDatabase(
	refusals: (abstract new (...args: never[]) => Error)[],
	work: (handle: DatabaseHandle, config: Config) => Promise<void>
): Promise<void> {
	try {
		const config = readConfig();
		const handle = await openDatabase(config.database);
		try {
			await work(handle, config);
		} catch (e) {
			if (!refusals.some((r) => e instanceof r)) throw e;
			console.error((e as Error).message);
			process.exitCode = 1;
		} finally {
			await handle.close();
		}
	} catch (e) {
		console.error((e as Error).message);
		process.exitCode = 2;
	}
}
