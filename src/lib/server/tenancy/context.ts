/**
 * Which school a piece of work is for. Every request runs inside `withSchools` (the hook sets it
 * from the address); background duties run once per school. On PostgreSQL the connection passes
 * the visible schools to the database (`harbour.schools`), whose row-level security shows and
 * accepts only those schools' rows; queries that name `school_id` use `currentSchool()`.
 *
 * The first school of the list is the one written to. A trust role may see several.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** The first school of a deployment keeps this id: data from before schools were named has it. */
export const FIRST_SCHOOL_ID = 'school';

const scope = new AsyncLocalStorage<readonly string[]>();

/** Runs `work` for these schools (the first is the one written to). */
export function withSchools<T>(schools: readonly string[], work: () => T): T {
	if (schools.length === 0) throw new Error('withSchools needs at least one school.');
	return scope.run(schools, work);
}

/** Runs `work` for one school. */
export function withSchool<T>(school: string, work: () => T): T {
	return withSchools([school], work);
}

/** The schools the current work may see, or null outside any (start-up, scripts, tests). */
export function schoolsInScope(): readonly string[] | null {
	return scope.getStore() ?? null;
}

/**
 * The school the current work writes to. Outside any scope it is the first school: a deployment
 * of one school (embedded SQLite, the quick start) never has to name it.
 */
export function currentSchool(): string {
	return scope.getStore()?.[0] ?? FIRST_SCHOOL_ID;
}

/** Binds a callback to the caller's schools, so an event heard later is handled for them. */
export function bindToSchools<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
	return AsyncLocalStorage.bind(fn);
}
