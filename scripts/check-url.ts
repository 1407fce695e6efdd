/**
 * Check links against the school's list of sites (content/safe-search/sites.yaml).
 *
 *   echo "https://www.bbc.co.uk/cbeebies/" | npx tsx scripts/check-url.ts
 *   {"url":"https://www.bbc.co.uk/cbeebies/","allowed":true,"reason":"on the school's list"}
 *
 * Reads one link per line from standard input and writes one JSON object per line:
 * {"url", "allowed": true | false, "reason": string}.
 * Options: --lists DIR  read the list files from DIR.
 * Exits 1, explaining which file and line to fix, if a list file is broken.
 */
import { checkUrl, compileAllowlist } from '../src/lib/search/url-guard';
import { runJsonLinesTool } from './lib/json-lines';

await runJsonLinesTool((lists) => {
	const allowlist = compileAllowlist(lists.sites);
	return (url) => {
		const { allowed, reason } = checkUrl(url, allowlist);
		return { url, allowed, reason };
	};
});
