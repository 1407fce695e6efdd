/**
 * How many live streams one holder (a staff account, a class tablet) may keep open on this
 * server. A new stream beyond the limit closes that holder's oldest, so a page that reconnects
 * in a loop, or a burst of opens from outside, cannot pile up connections.
 */
const open = new Map<string, (() => void)[]>();

/** Records an open stream; returns what forgets it (call when the stream ends). */
export function holdStream(key: string, close: () => void, max: number): () => void {
	const mine = open.get(key) ?? [];
	mine.push(close);
	open.set(key, mine);
	if (mine.length > max) mine[0]!();
	return () => {
		const left = (open.get(key) ?? []).filter((c) => c !== close);
		if (left.length) open.set(key, left);
		else open.delete(key);
	};
}
