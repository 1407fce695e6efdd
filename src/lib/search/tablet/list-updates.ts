/**
 * Keeping the tablet's copy of the safe-search lists up to date: the changes approved since the
 * build are fetched from the server and kept in IndexedDB, so the newest list works offline.
 */
import * as v from 'valibot';
import type { HarbourLocalDb } from '$lib/local-db/db';
import { ListUpdatesSchema, type ListChange } from '../list-changes';

export const LISTS_URL = '/api/safe-search/lists';
const VERSION_KEY = 'safeSearchVersion';

/** The list version this tablet has (0: only the lists compiled into the app). */
export async function storedVersion(db: HarbourLocalDb): Promise<number> {
	const row = await db.meta.get(VERSION_KEY);
	return typeof row?.value === 'number' ? row.value : 0;
}

/** The changes this tablet has, oldest first. */
export async function storedChanges(db: HarbourLocalDb): Promise<ListChange[]> {
	const rows = await db.searchListChanges.orderBy('seq').toArray();
	return rows.map((row) => row.change);
}

/**
 * Fetch the changes published after this tablet's version and keep them. Resolves true when the
 * tablet's lists changed. Offline, or on any unexpected answer, keeps what it has and resolves
 * false: search goes on with the lists the tablet already holds.
 */
export async function fetchListUpdates(db: HarbourLocalDb, fetchFn: typeof fetch = fetch): Promise<boolean> {
	const since = await storedVersion(db);
	let body: unknown;
	try {
		const res = await fetchFn(`${LISTS_URL}?since=${since}`, { credentials: 'same-origin' });
		if (!res.ok) return false;
		body = await res.json();
	} catch {
		return false;
	}
	const parsed = v.safeParse(ListUpdatesSchema, body);
	if (!parsed.success) return false;
	const { latest, changes } = parsed.output;
	if (latest < since) {
		// The server knows fewer versions than this tablet (a restored or different database):
		// start again from the compiled lists so the tablet matches the server exactly.
		await db.transaction('rw', db.searchListChanges, db.meta, async () => {
			await db.searchListChanges.clear();
			await db.meta.put({ key: VERSION_KEY, value: 0 });
		});
		await fetchListUpdates(db, fetchFn);
		return true;
	}
	const fresh = changes.filter((c) => c.version > since);
	if (fresh.length === 0) return false;
	await db.transaction('rw', db.searchListChanges, db.meta, async () => {
		await db.searchListChanges.bulkAdd(fresh.map((c) => ({ version: c.version, change: c.change })));
		await db.meta.put({ key: VERSION_KEY, value: Math.max(latest, ...fresh.map((c) => c.version)) });
	});
	return true;
}
