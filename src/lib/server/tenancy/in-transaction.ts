/**
 * Writing into several schools' rows in ONE transaction (a trust's change that every school's
 * audit chain must show, all or none). A transaction holds one connection, whose schools were set
 * when it was checked out; `asSchoolWithin` points that connection at another school until the
 * transaction ends (`set_config(…, true)`: PostgreSQL puts the checkout's schools back at commit
 * or rollback), and runs `work` inside `withSchool` so code that names the school agrees.
 * Embedded SQLite is one school: nothing to point.
 */
import { PostgresAdapter, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { withSchool } from './context';

export async function asSchoolWithin<T>(
	trx: Transaction<Database>,
	schoolId: string,
	work: () => Promise<T>
): Promise<T> {
	if (trx.getExecutor().adapter instanceof PostgresAdapter)
		await sql`select set_config('harbour.schools', ${schoolId}, true)`.execute(trx);
	return withSchool(schoolId, work);
}
