/**
 * Is a link on the school's list of sites?
 *
 * Links are parsed with the WHATWG URL parser, the same one browsers use, so the address
 * judged here is the address a browser would open. Anything that could make the two differ,
 * or hide where a link really goes, is refused before the list is consulted.
 *
 * Browser-safe: no Node-only imports.
 */

/** Why a link was refused (or allowed), in words a teacher or child can read. */
export const URL_REASONS = {
	allowed: "on the school's list",
	notListed: "not on the school's list",
	notAnAddress: 'that is not a web address',
	tooLong: 'the address is too long',
	httpsOnly: 'only https links are allowed',
	username: 'the address hides a username',
	numericHost: 'numeric IP addresses are not allowed',
	port: 'only the normal web port is allowed',
	lookalike: 'the address uses look-alike letters',
	confusing: 'the address is written in a confusing way'
} as const;

type ReasonKey = keyof typeof URL_REASONS;
/** Problems found from the link alone, before the list is consulted. */
type AddressProblem = Exclude<ReasonKey, 'allowed' | 'notListed' | 'lookalike'>;

/** The same problems, worded as a fix for whoever edits sites.yaml. */
const LIST_FIXES: Readonly<Record<AddressProblem, string>> = {
	notAnAddress: 'is not a valid web address',
	tooLong: 'is too long',
	httpsOnly: 'must start with https://',
	username: 'must not contain a username or password (nothing before an @)',
	numericHost: 'must use a site name, not a numeric IP address',
	port: 'must not name a port (no :8080 after the site name)',
	confusing: 'must not contain backslashes, control characters or encoded slashes (%2F, %5C, %25)'
};

export interface AllowlistEntry {
	readonly url: string;
}

export interface UrlVerdict<T extends AllowlistEntry> {
	readonly allowed: boolean;
	readonly reason: string;
	/** The list entry that allowed the link. */
	readonly entry?: T;
}

interface Prefix<T> {
	readonly path: string;
	readonly entry: T;
}

/** The allowlist, indexed by host for quick look-ups. Build it once with compileAllowlist. */
export interface Allowlist<T extends AllowlistEntry> {
	readonly byHost: ReadonlyMap<string, readonly Prefix<T>[]>;
}

const MAX_URL_LENGTH = 2048;
/**
 * Backslashes (read as "/" by browsers but not by every server) and control characters
 * (silently dropped by the parser, so "java\tscript:" would become "javascript:").
 */
function hasConfusingCharacters(input: string): boolean {
	for (const char of input) {
		const code = char.charCodeAt(0);
		if (char === '\\' || code < 0x20 || code === 0x7f) return true;
	}
	return false;
}
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/u;
const SCHEME_AND_SLASHES = /^[a-z][a-z0-9+.-]*:[/]*/iu;
/** Encoded "/", "\" or "%": a server that decodes them could see a different path from ours. */
const ENCODED_SEPARATOR = /%(?:2f|5c|25)/iu;
const PERCENT_ENCODED = /%([0-9a-f]{2})/giu;
const UNRESERVED = /^[a-z0-9._~-]$/iu;

function authority(input: string): string {
	const afterScheme = input.replace(SCHEME_AND_SLASHES, '');
	const end = afterScheme.search(/[/?#]/u);
	return end < 0 ? afterScheme : afterScheme.slice(0, end);
}

function hostOf(url: URL): string {
	return url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname;
}

/**
 * The path as a server would understand it: unreserved characters written as %XX are decoded
 * ("%63beebies" is "cbeebies"), and case is ignored. The host is the trust boundary; path
 * prefixes narrow a site down to its children's section, and servers such as the BBC's treat
 * "/CBEEBIES/" and "/cbeebies/" alike, so comparing paths case-insensitively loses nothing.
 */
function comparablePath(pathname: string): string {
	return pathname
		.replace(PERCENT_ENCODED, (encoded, hex: string) => {
			const char = String.fromCharCode(parseInt(hex, 16));
			return UNRESERVED.test(char) ? char : encoded.toUpperCase();
		})
		.toLowerCase();
}

function hasDotSegment(path: string): boolean {
	return path.split('/').some((segment) => segment === '.' || segment === '..');
}

type Parsed = { url: URL; path: string } | { problem: AddressProblem };

/** Parse a link and refuse anything that hides where it goes. Does not consult the list. */
function parseSafely(raw: string): Parsed {
	const input = raw.trim();
	if (input === '') return { problem: 'notAnAddress' };
	if (input.length > MAX_URL_LENGTH) return { problem: 'tooLong' };
	if (hasConfusingCharacters(input)) return { problem: 'confusing' };
	let url: URL;
	try {
		url = new URL(input);
	} catch {
		return { problem: 'notAnAddress' };
	}
	if (url.protocol !== 'https:') return { problem: 'httpsOnly' };
	// An empty username ("https://@host/") parses to no username, so look at the raw text too.
	if (url.username !== '' || url.password !== '' || authority(input).includes('@')) {
		return { problem: 'username' };
	}
	// The parser drops the default port (":443"), so any port left is a non-default one.
	if (url.port !== '') return { problem: 'port' };
	// The parser turns every IPv4 spelling (0x7f.1, 2130706433, 0177.0.0.1) into dotted decimal.
	if (url.hostname.startsWith('[') || IPV4.test(hostOf(url))) return { problem: 'numericHost' };
	if (ENCODED_SEPARATOR.test(url.pathname)) return { problem: 'confusing' };
	const path = comparablePath(url.pathname);
	if (hasDotSegment(path)) return { problem: 'confusing' };
	return { url, path };
}

function pathMatches(path: string, prefix: string): boolean {
	// Prefixes end with "/", so "/cbeebiesevil" never matches "/cbeebies/"; the prefix itself
	// without its final slash ("/cbeebies") is the same page and matches.
	return path.startsWith(prefix) || path + '/' === prefix;
}

export function compileAllowlist<T extends AllowlistEntry>(entries: readonly T[]): Allowlist<T> {
	const byHost = new Map<string, Prefix<T>[]>();
	for (const entry of entries) {
		const parsed = parseSafely(entry.url);
		if ('problem' in parsed) {
			throw new Error(`allowlist entry ${entry.url} ${LIST_FIXES[parsed.problem]}`);
		}
		const host = hostOf(parsed.url);
		const prefixes = byHost.get(host) ?? [];
		prefixes.push({ path: parsed.path, entry });
		byHost.set(host, prefixes);
	}
	// Longest prefix first, so the most specific entry describes the link.
	for (const prefixes of byHost.values()) prefixes.sort((a, b) => b.path.length - a.path.length);
	return { byHost };
}

const refuse = (reason: Exclude<ReasonKey, 'allowed'>): UrlVerdict<never> => ({
	allowed: false,
	reason: URL_REASONS[reason]
});

export function checkUrl<T extends AllowlistEntry>(url: string, allowlist: Allowlist<T>): UrlVerdict<T> {
	const parsed = parseSafely(url);
	if ('problem' in parsed) return refuse(parsed.problem);
	const host = hostOf(parsed.url);
	const prefixes = allowlist.byHost.get(host);
	if (prefixes === undefined) {
		// Internationalised names arrive as punycode; one that is not itself listed is most
		// likely dressing up as a listed site ("www.bbс.co.uk" with a Cyrillic "с").
		const punycode = host.split('.').some((label) => label.startsWith('xn--'));
		return refuse(punycode ? 'lookalike' : 'notListed');
	}
	const match = prefixes.find((prefix) => pathMatches(parsed.path, prefix.path));
	if (match === undefined) return refuse('notListed');
	return { allowed: true, reason: URL_REASONS.allowed, entry: match.entry };
}

/**
 * What is wrong with a url written in sites.yaml, worded as a fix, or null if nothing is.
 * List urls must pass every check above, and also be written in the plain form the parser
 * produces (lower-case host, no default port, no dot segments), with no ? or # part, ending
 * in "/" because they are path prefixes.
 */
export function allowlistUrlProblem(url: string): string | null {
	if (!url.startsWith('https://')) return LIST_FIXES.httpsOnly;
	const parsed = parseSafely(url);
	if ('problem' in parsed) return LIST_FIXES[parsed.problem];
	if (parsed.url.search !== '' || parsed.url.hash !== '' || /[?#]/u.test(url)) {
		return 'must not have a ? or # part';
	}
	if (!parsed.url.pathname.endsWith('/')) return 'must end with / because it is a path prefix';
	if (parsed.url.href !== url) return `must be written in its plain form, ${parsed.url.href}`;
	return null;
}
