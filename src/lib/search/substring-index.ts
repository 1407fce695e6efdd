/**
 * Finding every occurrence of many short keys inside a short text, quickly.
 *
 * Keys are bucketed by their first two characters, so each position of the text is checked
 * only against keys that could start there. Queries are a few dozen characters and the lists
 * hold a few thousand keys, so this beats both a loop over all keys and a giant regular
 * expression, and it is simple enough to trust.
 *
 * Browser-safe: no Node-only imports.
 */

export interface Occurrence<T> {
	/** Range [start, end) of the searched text. */
	readonly start: number;
	readonly end: number;
	readonly value: T;
}

interface Entry<T> {
	readonly key: string;
	readonly value: T;
}

export class SubstringIndex<T> {
	readonly #buckets = new Map<string, Entry<T>[]>();

	constructor(entries: Iterable<readonly [key: string, value: T]>) {
		for (const [key, value] of entries) {
			if (key.length === 0) continue;
			const bucketKey = key.slice(0, 2);
			const bucket = this.#buckets.get(bucketKey);
			if (bucket === undefined) this.#buckets.set(bucketKey, [{ key, value }]);
			else bucket.push({ key, value });
		}
	}

	get size(): number {
		let total = 0;
		for (const bucket of this.#buckets.values()) total += bucket.length;
		return total;
	}

	findAll(text: string): Occurrence<T>[] {
		const found: Occurrence<T>[] = [];
		if (this.#buckets.size === 0) return found;
		const collect = (bucketKey: string, at: number): void => {
			for (const entry of this.#buckets.get(bucketKey) ?? []) {
				if (text.startsWith(entry.key, at)) {
					found.push({ start: at, end: at + entry.key.length, value: entry.value });
				}
			}
		};
		for (let i = 0; i < text.length; i++) {
			if (i + 1 < text.length) collect(text.slice(i, i + 2), i);
			// One-character keys live in the bucket named by that character alone.
			collect(text.charAt(i), i);
		}
		return found;
	}
}
