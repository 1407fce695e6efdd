/**
 * A school's safe-search lists as its tablets and staff see them: the shipped lists, then its
 * trust's changes in trust-version order (those it takes, trust-list.ts), then the school's own
 * published changes. A school in no trust (every embedded deployment) has only its own.
 */
import type { Kysely } from 'kysely';
import type { SafeSearchLists } from '$lib/search';
import {
	applyChanges,
	type ListChange,
	type ListUpdates,
	type PublishedChange
} from '$lib/search/list-changes';
import type { Database } from '../db/schema';
import { currentSchool } from '../tenancy/context';
import { decodeCursor, encodeCursor } from './list-cursor';
import { changesSince, latestVersion, publishedEntries, type PublishedEntry } from './list-versions';
import {
	asPublished,
	takenBySchool,
	trustEntries,
	trustIdOf,
	trustLatestVersion,
	type TrustEntry
} from './trust-list';

export interface SchoolLists {
	readonly lists: SafeSearchLists;
	/** The trust's changes this school takes, oldest first (none without a trust). */
	readonly trust: readonly TrustEntry[];
	/** The school's own published changes, oldest first. */
	readonly school: readonly PublishedChange[];
}

/** The school in scope's trust, and the trust's changes it takes given its own changes. */
async function trustTaken(
	db: Kysely<Database>,
	school: readonly { change: ListChange }[]
): Promise<{ trustId: string | null; trust: TrustEntry[] }> {
	const trustId = await trustIdOf(db, currentSchool());
	if (trustId === null) return { trustId, trust: [] };
	const own = school.map((c) => c.change);
	return { trustId, trust: takenBySchool(await trustEntries(db, trustId), own) };
}

/** The school in scope's lists, with the trust's and its own changes that made them. */
export async function schoolLists(db: Kysely<Database>, shipped: SafeSearchLists): Promise<SchoolLists> {
	const school = await changesSince(db, 0);
	const { trust } = await trustTaken(db, school);
	const changes: ListChange[] = [...trust.map((t) => t.change), ...school.map((c) => c.change)];
	return { lists: applyChanges(shipped, changes), trust, school };
}

/** The lists as they stand now for the school in scope. */
export async function currentLists(db: Kysely<Database>, shipped: SafeSearchLists): Promise<SafeSearchLists> {
	return (await schoolLists(db, shipped)).lists;
}

/** The school's own list version and its trust's (null: the school is in no trust). */
export async function listVersions(db: Kysely<Database>): Promise<{ school: number; trust: number | null }> {
	const trustId = await trustIdOf(db, currentSchool());
	return {
		school: await latestVersion(db),
		trust: trustId === null ? null : await trustLatestVersion(db, trustId)
	};
}

/** Every entry behind the school's lists, trust's first, each saying which list it came from. */
export async function schoolPublishedEntries(db: Kysely<Database>): Promise<PublishedEntry[]> {
	const school = await publishedEntries(db);
	const { trust } = await trustTaken(db, school);
	return [...asPublished(trust), ...school];
}

/**
 * What a tablet at cursor `since` lacks (GET /api/safe-search/lists?since=N). The cursor holds
 * the trust's version and the school's (list-cursor.ts); each change carries the cursor a tablet
 * is at once it has that change, so tablets that keep "the newest version I have" (every build
 * so far) keep working. The trust's new changes come first, then the school's: a tablet that
 * already had some school changes lays newer trust changes over them, which gives the same
 * lists as the server's order because a school's own site decisions hide the trust's changes
 * about that site (takenBySchool) and words and exceptions only add.
 *
 * A cursor ahead of the server (a restored database, a school that left its trust) answers a
 * `latest` below it (0 if need be), which tells a tablet to start again from the lists compiled
 * into the app.
 */
export async function listUpdates(db: Kysely<Database>, since: number): Promise<ListUpdates> {
	const have = decodeCursor(since);
	const school = await changesSince(db, 0);
	const { trustId, trust } = await trustTaken(db, school);
	const trustLatest = trustId === null ? 0 : await trustLatestVersion(db, trustId);
	const schoolLatest = await latestVersion(db);
	const latest = encodeCursor({ trust: trustLatest, school: schoolLatest });
	if (have.trust > trustLatest || have.school > schoolLatest)
		return { latest: latest < since ? latest : 0, changes: [] };
	return {
		latest,
		changes: [
			...trust
				.filter((t) => t.version > have.trust)
				.map((t) => ({ version: encodeCursor({ trust: t.version, school: have.school }), change: t.change })),
			...school
				.filter((c) => c.version > have.school)
				.map((c) => ({ version: encodeCursor({ trust: trustLatest, school: c.version }), change: c.change }))
		]
	};
}
