/**
 * The link guard against the shipped allowlist: links to listed sites open, and every way of
 * dressing up another address as a listed one is refused with a reason a teacher can read.
 */
import { describe, expect, it } from 'vitest';
import { allowlistUrlProblem, checkUrl, compileAllowlist, URL_REASONS } from '$lib/search/url-guard';
import { loadSafeSearchLists } from '../../../scripts/lib/safe-search-lists';

const allowlist = compileAllowlist(loadSafeSearchLists().sites);
const check = (url: string) => checkUrl(url, allowlist);

describe('links to listed sites are allowed', () => {
	it.each([
		['https://www.bbc.co.uk/cbeebies/', 'the listed address'],
		['https://www.bbc.co.uk/cbeebies', 'without the final slash'],
		['https://www.bbc.co.uk/cbeebies/shows/hey-duggee', 'a page inside the section'],
		['HTTPS://WWW.BBC.CO.UK/CBEEBIES/', 'in capitals'],
		['https://www.bbc.co.uk./cbeebies/', 'with a trailing dot on the host'],
		['https://www.bbc.co.uk:443/cbeebies/', 'with the default port written out'],
		['https://www.bbc.co.uk/%63beebies/', 'with a harmless letter percent-encoded'],
		['https://www.bbc.co.uk/cbeebies/./games/', 'with a "." segment that stays inside'],
		['https://spaceplace.nasa.gov/all-about-mars/?lang=en#top', 'with a query and a fragment'],
		['  https://www.natgeokids.com/uk/  ', 'with spaces around it']
	])('%s (%s)', (url) => {
		expect(check(url)).toMatchObject({ allowed: true, reason: URL_REASONS.allowed });
	});

	it('names the entry that allowed the link, preferring the most specific', () => {
		expect(check('https://www.bbc.co.uk/cbeebies/games').entry?.title).toBe('CBeebies');
		expect(check('https://www.bbc.co.uk/teach/ten-pieces/holst').entry?.title).toBe('BBC Ten Pieces');
		expect(check('https://www.bbc.co.uk/teach/class-clips').entry?.title).toBe('BBC Teach');
	});
});

describe('attacks and unlisted links are refused', () => {
	it.each([
		// Other schemes
		['http://www.bbc.co.uk/cbeebies/', URL_REASONS.httpsOnly],
		['javascript:alert(1)', URL_REASONS.httpsOnly],
		['JaVaScRiPt:alert(document.cookie)', URL_REASONS.httpsOnly],
		['data:text/html,<script>alert(1)</script>', URL_REASONS.httpsOnly],
		['file:///etc/passwd', URL_REASONS.httpsOnly],
		['blob:https://www.bbc.co.uk/0f1e2d3c', URL_REASONS.httpsOnly],
		['ftp://www.bbc.co.uk/cbeebies/', URL_REASONS.httpsOnly],
		['java\tscript:alert(1)', URL_REASONS.confusing],
		// Hidden usernames
		['https://user@www.bbc.co.uk/cbeebies/', URL_REASONS.username],
		['https://user:pass@www.bbc.co.uk/cbeebies/', URL_REASONS.username],
		['https://@www.bbc.co.uk/cbeebies/', URL_REASONS.username],
		['https://www.bbc.co.uk@evil.example/cbeebies/', URL_REASONS.username],
		['https://www.bbc.co.uk%40evil.example/cbeebies/', URL_REASONS.notAnAddress],
		// Numeric hosts, in the forms the parser turns into dotted decimal
		['https://127.0.0.1/', URL_REASONS.numericHost],
		['https://0x7f.1/', URL_REASONS.numericHost],
		['https://2130706433/', URL_REASONS.numericHost],
		['https://0177.0.0.1/', URL_REASONS.numericHost],
		['https://[::1]/', URL_REASONS.numericHost],
		['https://[::ffff:7f00:1]/cbeebies/', URL_REASONS.numericHost],
		// Look-alike hosts
		['https://www.bb\u0441.co.uk/cbeebies/', URL_REASONS.lookalike],
		['https://www.xn--bb-pmc.co.uk/cbeebies/', URL_REASONS.lookalike],
		['https://www.bbc.co.uk.xn--p1acf.com/cbeebies/', URL_REASONS.lookalike],
		['https://xn--spceplace-1yh.nasa.gov/', URL_REASONS.lookalike],
		['https://sp\u0430ceplace.nasa.gov/', URL_REASONS.lookalike],
		// Hosts that only contain a listed host
		['https://www.bbc.co.uk.evil.example/cbeebies/', URL_REASONS.notListed],
		['https://evil.example/www.bbc.co.uk/cbeebies/', URL_REASONS.notListed],
		['https://bbc.co.uk/cbeebies/', URL_REASONS.notListed],
		['https://wwwbbc.co.uk/cbeebies/', URL_REASONS.notListed],
		// Paths outside the listed section
		['https://www.bbc.co.uk/', URL_REASONS.notListed],
		['https://www.bbc.co.uk/cbeebiesevil/', URL_REASONS.notListed],
		['https://www.bbc.co.uk/cbeebies-evil', URL_REASONS.notListed],
		['https://www.bbc.co.uk/cbeebies/../news/', URL_REASONS.notListed],
		['https://www.bbc.co.uk/cbeebies/%2e%2e/news/', URL_REASONS.notListed],
		['https://www.bbc.co.uk/cbeebies/.%2E/news/', URL_REASONS.notListed],
		['https://www.bbc.co.uk/news/?next=/cbeebies/', URL_REASONS.notListed],
		// Encodings a server might read differently
		['https://www.bbc.co.uk/cbeebies%2F..%2Fnews/', URL_REASONS.confusing],
		['https://www.bbc.co.uk/cbeebies/%252e%252e/news/', URL_REASONS.confusing],
		['https://www.bbc.co.uk/cbeebies/..%5Cnews', URL_REASONS.confusing],
		['https://www.bbc.co.uk\\cbeebies\\', URL_REASONS.confusing],
		['https://www.bbc.co.uk/cbee\nbies/', URL_REASONS.confusing],
		// Ports
		['https://www.bbc.co.uk:8080/cbeebies/', URL_REASONS.port],
		['https://www.bbc.co.uk:444/cbeebies/', URL_REASONS.port],
		// Not addresses at all
		['', URL_REASONS.notAnAddress],
		['not a web address', URL_REASONS.notAnAddress],
		['//www.bbc.co.uk/cbeebies/', URL_REASONS.notAnAddress],
		['www.bbc.co.uk/cbeebies/', URL_REASONS.notAnAddress],
		[`https://www.bbc.co.uk/cbeebies/${'a'.repeat(2100)}`, URL_REASONS.tooLong]
	])('%s → %s', (url, reason) => {
		expect(check(url)).toEqual({ allowed: false, reason });
	});
});

describe('allowlistUrlProblem (checking sites.yaml entries)', () => {
	it.each([
		['https://www.bbc.co.uk/cbeebies/', null],
		['http://www.bbc.co.uk/cbeebies/', 'must start with https://'],
		['https://WWW.BBC.CO.UK/cbeebies/', 'must be written in its plain form, https://www.bbc.co.uk/cbeebies/'],
		['https://www.bbc.co.uk/cbeebies', 'must end with / because it is a path prefix'],
		['https://www.bbc.co.uk/cbeebies/?x=1', 'must not have a ? or # part'],
		[
			'https://www.bbc.co.uk/a/../cbeebies/',
			'must be written in its plain form, https://www.bbc.co.uk/cbeebies/'
		],
		['https://me@www.bbc.co.uk/', 'must not contain a username or password (nothing before an @)'],
		['https://10.0.0.1/', 'must use a site name, not a numeric IP address']
	])('%s → %s', (url, problem) => {
		expect(allowlistUrlProblem(url)).toBe(problem);
	});
});
