/**
 * One set of migrations for both engines. Written with Kysely's schema builder using only
 * portable types (text, integer) so SQLite and PostgreSQL stay identical. One file a migration,
 * named for what it adds; they run in key order.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { foundation } from './0001-foundation';
import { incidents } from './0002-incidents';
import { safeSearch } from './0003-safe-search';
import { hardening } from './0004-hardening';
import { lessonProgress } from './0005-lesson-progress';
import { alerts } from './0006-alerts';
import { classLaunches } from './0008-class-launches';
import { searchMissed } from './0011-search-missed';
import { schools } from './0012-schools';
import { trustRoles } from './0013-trust-roles';

const migrations: Record<string, Migration> = {
	'0001_foundation': foundation,
	'0002_incidents': incidents,
	'0003_safe_search': safeSearch,
	'0004_hardening': hardening,
	'0005_lesson_progress': lessonProgress,
	'0006_alerts': alerts,
	'0008_class_launches': classLaunches,
	'0011_search_missed': searchMissed,
	'0012_schools': schools,
	'0013_trust_roles': trustRoles
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; throws with Kysely's error when a migration fails. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
	const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error || failed) {
		throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
	}
}

/** The migrations this build knows that the database has not run (for the readiness check). */
export async function pendingMigrations(db: Kysely<unknown>): Promise<string[]> {
	const all = await new Migrator({ db, provider }).getMigrations();
	return all.filter((m) => !m.executedAt).map((m) => m.name);
}
