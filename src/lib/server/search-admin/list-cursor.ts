/**
 * The version a tablet holds, as one number, for a school that takes a trust's list as well as
 * its own: `trust version × 10 000 000 + school version`. One number because tablets (and the
 * app builds already on them) keep and send one: `?since=N`. A school in no trust has trust
 * version 0, so its cursor is its own list version exactly, as before trusts; a tablet that
 * holds school version N from before its school joined a trust reads as "trust version 0,
 * school version N" and is sent the whole trust list. Every number stays a safe integer.
 */
export const SCHOOL_VERSIONS = 10_000_000;

export interface ListCursor {
	readonly trust: number;
	readonly school: number;
}

export function encodeCursor(cursor: ListCursor): number {
	return cursor.trust * SCHOOL_VERSIONS + cursor.school;
}

export function decodeCursor(n: number): ListCursor {
	return { trust: Math.floor(n / SCHOOL_VERSIONS), school: n % SCHOOL_VERSIONS };
}
