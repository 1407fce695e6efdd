/**
 * Parses a YAML content file against a valibot schema. Any problem becomes one error naming the
 * file, the line and what to fix, so a teacher editing content/ can mend it without a developer.
 */
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import * as v from 'valibot';

export class ContentError extends Error {
	constructor(
		readonly path: string,
		readonly line: number,
		readonly problem: string
	) {
		super(`${path} line ${line}: ${problem}`);
		this.name = 'ContentError';
	}
}

function nodeAt(root: Node | null, keys: (string | number)[]): Node | null {
	let node: Node | null = root;
	for (const key of keys) {
		if (isMap(node)) {
			const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
			node = (pair?.value as Node | null) ?? (pair?.key as Node | null) ?? node;
			if (!pair) break;
		} else if (isSeq(node) && typeof key === 'number') {
			node = (node.items[key] as Node | null) ?? node;
		} else break;
	}
	return node;
}

export function parseYamlWith<S extends v.GenericSchema>(
	schema: S,
	text: string,
	path: string
): v.InferOutput<S> {
	const lines = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
	const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lines.linePos(offset).line);
	if (doc.errors.length) {
		const e = doc.errors[0]!;
		throw new ContentError(
			path,
			lineOf(e.pos[0]),
			`the YAML is not valid (${e.message.split('\n')[0]}). Check indentation and colons.`
		);
	}
	const parsed = v.safeParse(schema, doc.toJS());
	if (parsed.success) return parsed.output;
	const issue = parsed.issues[0];
	const keys = (issue.path ?? []).map((p) => p.key as string | number);
	const node = nodeAt(doc.contents as Node | null, keys);
	const field = keys.length ? `“${keys.join('.')}”: ` : '';
	throw new ContentError(path, lineOf(node?.range?.[0]), `${field}${issue.message}`);
}
