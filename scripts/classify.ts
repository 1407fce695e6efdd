/**
 * Classify search queries with the shipped safe-search lists.
 *
 *   echo "free robux" | npx tsx scripts/classify.ts
 *   {"query":"free robux","verdict":"block","category":"scams"}
 *
 * Reads one query per line from standard input and writes one JSON object per line:
 * {"query", "verdict": "allow" | "block" | "alert", "category": string | null}.
 * Options: --lists DIR  read sites.yaml, terms.yaml and exceptions.yaml from DIR.
 * Exits 1, explaining which file and line to fix, if a list file is broken.
 */
import { compileClassifier } from '../src/lib/search/classify';
import { runJsonLinesTool } from './lib/json-lines';

await runJsonLinesTool((lists) => {
	const classify = compileClassifier(lists);
	return (query) => ({ query, ...classify(query) });
});
