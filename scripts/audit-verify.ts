// `npm run audit:verify`: walks the hash-chained audit log of the configured database, read-only,
// and checks it against the anchors kept outside the database (see src/lib/server/audit/anchor.ts).
// Exit 0: intact. Exit 1: altered, removed rows, a deleted tail, or an empty log. Exit 2: the
// database could not be read (a mistyped DATABASE_PATH is refused, never created).
import { readConfig } from '../src/lib/server/config/config';
import { openDatabaseReadOnly } from '../src/lib/server/db/connect';
import { verifyAuditChain } from '../src/lib/server/audit/audit-log';
import { anchorPath, readAnchors, schoolAnchorPath, verifyAnchors } from '../src/lib/server/audit/anchor';
import { withSchool } from '../src/lib/server/tenancy/context';
import { allSchoolIds } from '../src/lib/server/tenancy/directory';
import type { DatabaseHandle } from '../src/lib/server/db/connect';

try {
	const config = readConfig();
	const handle = await openDatabaseReadOnly(config.database);
	try {
		const schools = await allSchoolIds(handle.db);
		for (const school of schools)
			await withSchool(school, () => verifySchool(handle, school, schools.length > 1));
	} finally {
		await handle.close();
	}
} catch (e) {
	console.error((e as Error).message);
	process.exitCode = 2;
}

async function verifySchool(handle: DatabaseHandle, school: string, named: boolean): Promise<void> {
	const config = readConfig();
	const say = (line: string) => (named ? `School ${school}: ${line}` : line);
	const verdict = await verifyAuditChain(handle.db);
	const file = schoolAnchorPath(anchorPath(config.database), school);
	const anchors = readAnchors(file);
	const anchored = await verifyAnchors(handle.db, anchors);
	if (!verdict.ok) {
		console.error(
			say(
				`Audit log BROKEN at row ${verdict.badSeq}: ${verdict.reason}. ${verdict.rows} rows before it are intact.`
			)
		);
		process.exitCode = 1;
	} else if (verdict.rows === 0) {
		console.error(
			say(
				`Audit log EMPTY at ${handle.where}: a school's log always has rows. Check DATABASE_PATH / DATABASE_URL.`
			)
		);
		process.exitCode = 1;
	} else if (!anchored.ok) {
		console.error(say(`Audit log BROKEN: ${anchored.reason} (anchors: ${file}).`));
		process.exitCode = 1;
	} else {
		const last = anchors.at(-1);
		console.log(
			say(
				`Audit log OK: ${verdict.rows} rows, chain unbroken (${handle.where}); ` +
					(anchors.length
						? `matches ${anchors.length} anchors, the last of ${last?.rows} rows on ${last?.at}.`
						: `no anchors found at ${file}: a deleted tail could not be noticed.`)
			)
		);
	}
}
