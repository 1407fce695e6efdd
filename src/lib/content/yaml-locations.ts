/**
 * Reading YAML while remembering where each value came from, so a problem found later
 * (by the schema or by a cross-check) can be reported with the line to fix.
 *
 * Browser-safe: `yaml` is plain JavaScript with no Node-only imports.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

export type YamlPath = readonly (string | number)[];

export interface LocatedYaml {
	/** The document as plain JavaScript values. */
	readonly data: unknown;
	/**
	 * The line (1-based) of the value at `path`, or of the nearest parent that exists when the
	 * value is missing. With `atKey`, the line of the last key itself (for unknown fields).
	 */
	lineOf(path: YamlPath, atKey?: boolean): number;
}

export type YamlReadResult =
	| { readonly ok: true; readonly yaml: LocatedYaml }
	| { readonly ok: false; readonly line: number; readonly message: string };

interface Ranged {
	readonly range?: readonly [number, number, number] | null;
}

const hasRange = (node: unknown): node is Ranged =>
	typeof node === 'object' && node !== null && 'range' in node;

export function readYaml(text: string): YamlReadResult {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
	const error = doc.errors[0];
	if (error !== undefined) {
		// The library's message ends with " at line N, column M:" and a code frame; the caller
		// adds its own "file line N:" prefix, so keep only the description.
		const description = error.message.split(/ at line \d+/u)[0] ?? error.message;
		return { ok: false, line: error.linePos?.[0].line ?? 1, message: description };
	}

	const lineAt = (node: unknown): number | null => {
		const start = hasRange(node) ? node.range?.[0] : undefined;
		return start === undefined ? null : lineCounter.linePos(start).line;
	};

	const lineOf = (path: YamlPath, atKey = false): number => {
		let node: unknown = doc.contents;
		let line = lineAt(node) ?? 1;
		for (const [i, key] of path.entries()) {
			if (isMap(node)) {
				const pair = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === key);
				if (pair === undefined) break;
				if (atKey && i === path.length - 1) return lineAt(pair.key) ?? line;
				line = lineAt(pair.value) ?? lineAt(pair.key) ?? line;
				node = pair.value;
			} else if (isSeq(node) && typeof key === 'number') {
				node = node.items[key];
				line = lineAt(node) ?? line;
			} else {
				break;
			}
		}
		return line;
	};

	return { ok: true, yaml: { data: doc.toJS({ maxAliasCount: 100 }), lineOf } };
}
