/**
 * Parses a YAML content file against a valibot schema. Any problem becomes one error naming the
 * file, the line and what to fix, so a teacher editing content/ can mend it without a developer.
 */
import * as v from 'valibot';
import { readYaml } from './yaml-locations';

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

export function parseYamlWith<S extends v.GenericSchema>(
	schema: S,
	text: string,
	path: string
): v.InferOutput<S> {
	const read = readYaml(text);
	if (!read.ok) {
		throw new ContentError(
			path,
			read.line,
			`the YAML is not valid (${read.message}). Check indentation and colons.`
		);
	}
	const parsed = v.safeParse(schema, read.yaml.data);
	if (parsed.success) return parsed.output;
	const issue = parsed.issues[0];
	const keys = (issue.path ?? []).map((p) => p.key as string | number);
	const field = keys.length ? `“${keys.join('.')}”: ` : '';
	throw new ContentError(path, read.yaml.lineOf(keys), `${field}${issue.message}`);
}
