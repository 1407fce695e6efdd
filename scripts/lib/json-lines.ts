/**
 * The shared shape of Harbour's line-by-line command-line tools (Node only): read UTF-8 lines
 * from standard input, write one JSON object per line to standard output, streaming, so that
 * a file of any size can be piped through.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { loadSafeSearchLists } from './safe-search-lists';
import type { SafeSearchLists } from '../../src/lib/search/lists-schema';

const USAGE_LISTS_FLAG = '--lists';

/** `--lists DIR` reads the list files from DIR instead of content/safe-search/. */
function listsDirFromArgs(args: readonly string[]): string | undefined {
	const at = args.indexOf(USAGE_LISTS_FLAG);
	if (at < 0) return undefined;
	const dir = args[at + 1];
	if (dir === undefined || dir.startsWith('--')) {
		throw new Error(`${USAGE_LISTS_FLAG} needs a folder, e.g. ${USAGE_LISTS_FLAG} content/safe-search`);
	}
	return dir;
}

async function write(line: string): Promise<void> {
	if (!process.stdout.write(line + '\n')) await once(process.stdout, 'drain');
}

/**
 * Load the lists (or print why they are broken and exit 1), then answer each input line with
 * `answer(line, lists)`. Every line gets an answer, empty ones included; "\r\n" line endings
 * and a byte-order mark at the start are handled.
 */
export async function runJsonLinesTool(
	prepare: (lists: SafeSearchLists) => (line: string) => object
): Promise<void> {
	let answer: (line: string) => object;
	try {
		answer = prepare(loadSafeSearchLists(listsDirFromArgs(process.argv.slice(2))));
	} catch (error) {
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	}
	// A reader that stops early (`| head`) closes the pipe: stop quietly, that is not an error.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(0);
		throw error;
	});
	const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
	let first = true;
	for await (const raw of lines) {
		const line = first ? raw.replace(/^\uFEFF/u, '') : raw;
		first = false;
		await write(JSON.stringify(answer(line)));
	}
}
