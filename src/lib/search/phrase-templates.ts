/**
 * Phrase templates: "{who} hurts me" stands for "someone hurts me", "my uncle hurts me"...
 * Placeholders are defined once at the top of terms.yaml, so a list of people or of
 * body-part words is written once rather than copied into dozens of phrases.
 *
 * Browser-safe: no Node-only imports.
 */

const PLACEHOLDER = /\{([a-z0-9_-]+)\}/u;
const ALL_PLACEHOLDERS = /\{([a-z0-9_-]+)\}/gu;

/** Placeholder names a phrase uses, in order of first appearance. */
export function placeholdersIn(phrase: string): string[] {
	return [...new Set([...phrase.matchAll(ALL_PLACEHOLDERS)].map((m) => m[1] ?? ''))];
}

/**
 * Every phrase a template stands for. Unknown placeholders are left as written: the list
 * checker reports them (see lists-schema.ts) before a template is ever expanded.
 */
export function expandPhrase(
	phrase: string,
	placeholders: Readonly<Record<string, readonly string[]>>
): string[] {
	const match = PLACEHOLDER.exec(phrase);
	const name = match?.[1];
	const choices = name === undefined ? undefined : placeholders[name];
	if (match === null || choices === undefined) return [phrase];
	const before = phrase.slice(0, match.index);
	const after = phrase.slice(match.index + match[0].length);
	return choices.flatMap((choice) => expandPhrase(before + choice + after, placeholders));
}
