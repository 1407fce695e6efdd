// `npm run audit:verify`: walks the hash-chained audit log of the configured database and
// exits non-zero naming the first row that was altered or removed.
import { readConfig } from '../src/lib/server/config/config';
import { openDatabase } from '../src/lib/server/db/connect';
import { verifyAuditChain } from '../src/lib/server/audit/audit-log';

try {
	const handle = await openDatabase(readConfig().database);
	const verdict = await verifyAuditChain(handle.db);
	await handle.close();
	if (verdict.ok) {
		console.log(`Audit log OK: ${verdict.rows} rows, chain unbroken (${handle.where}).`);
	} else {
		console.error(
			`Audit log BROKEN at row ${verdict.badSeq}: ${verdict.reason}. ${verdict.rows} rows before it are intact.`
		);
		process.exitCode = 1;
	}
} catch (e) {
	console.error((e as Error).message);
	process.exitCode = 2;
}
