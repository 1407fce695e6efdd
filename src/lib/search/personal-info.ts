/**
 * Spotting personal information typed into the search box: an email address, a UK phone
 * number, a UK postcode, a payment card number or a home address. These are shapes, not words,
 * so they are recognised by pattern rather than listed; terms.yaml chooses which patterns a
 * category uses.
 *
 * The patterns run on normalised text (see normalise.ts) before leetspeak decoding, so digits
 * are still digits and "@" is still "@".
 *
 * Browser-safe: no Node-only imports.
 */

export const PERSONAL_INFO_PATTERNS = [
	'email-address',
	'uk-phone-number',
	'uk-postcode',
	'payment-card-number',
	'home-address'
] as const;
export type PersonalInfoPattern = (typeof PERSONAL_INFO_PATTERNS)[number];

const EMAIL_LOCAL_PART_END = /[a-z0-9._%+-]$/u;
const EMAIL_DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+/u;
/** Longest domain looked at after an "@" (the longest a real one can be). */
const MAX_DOMAIN_LENGTH = 255;

/**
 * An "@" with an address-like character before it and a dotted domain after it. Each "@" is
 * checked on its own, rather than with one pattern over the whole text, which would take time
 * in proportion to the square of a long run of letters.
 */
function hasEmailAddress(text: string): boolean {
	for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
		const before = text.slice(Math.max(0, at - 1), at);
		const after = text.slice(at + 1, at + 1 + MAX_DOMAIN_LENGTH);
		if (EMAIL_LOCAL_PART_END.test(before) && EMAIL_DOMAIN.test(after)) return true;
	}
	return false;
}

/** Groups of digits with one or two spaces, dots, hyphens or brackets between them. */
const NUMBER_SEQUENCE = /\+?\(?\d+\)?(?:[\s.-]{1,2}\(?\d+\)?)*/gu;
/** UK numbers: 0 + 9 or 10 digits, or the same after the +44 / 0044 country code. */
const UK_PHONE_DIGITS = /^(?:0|44|0044)\d{9,10}$/u;
const MAX_PHONE_DIGITS = 14;

/**
 * UK postcode areas. Listing them keeps "y2 3rd" or "ks1 2nd" (year 2, key stage 1) from
 * looking like postcodes: only real areas such as SW, M or CF count.
 */
const POSTCODE_AREAS =
	'ab|al|b|ba|bb|bd|bh|bl|bn|br|bs|bt|ca|cb|cf|ch|cm|co|cr|ct|cv|cw|da|dd|de|dg|dh|dl|dn|dt|dy|' +
	'e|ec|eh|en|ex|fk|fy|g|gl|gu|gy|ha|hd|hg|hp|hr|hs|hu|hx|ig|im|ip|iv|je|ka|kt|kw|ky|l|la|ld|le|' +
	'll|ln|ls|lu|m|me|mk|ml|n|ne|ng|nn|np|nr|nw|ol|ox|pa|pe|ph|pl|po|pr|rg|rh|rm|s|sa|se|sg|sk|sl|' +
	'sm|sn|so|sp|sr|ss|st|sw|sy|ta|td|tf|tn|tq|tr|ts|tw|ub|w|wa|wc|wd|wf|wn|wr|ws|wv|yo|ze';
/** Area, district (digit + optional digit or letter), optional space, sector digit, unit letters. */
const POSTCODE = new RegExp(
	`(?<![a-z0-9])(?:${POSTCODE_AREAS})\\d[a-z0-9]?\\s?\\d[abd-hjlnp-uw-z]{2}(?![a-z0-9])`,
	'u'
);

/**
 * Every run of neighbouring digit groups in the text, joined ("07700 900123" gives "07700",
 * "07700900123" and "900123"), for numbers written in groups. A run stops at a group shorter
 * than `shortestGroup` or once it is longer than `longest` digits.
 */
function* digitRuns(text: string, shortestGroup: number, longest: number): Generator<string> {
	for (const sequence of text.matchAll(NUMBER_SEQUENCE)) {
		const groups = sequence[0].match(/\d+/gu) ?? [];
		for (let first = 0; first < groups.length; first++) {
			let digits = '';
			for (let i = first; i < groups.length; i++) {
				const group = groups[i] ?? '';
				if (group.length < shortestGroup) break;
				digits += group;
				if (digits.length > longest) break;
				yield digits;
			}
		}
	}
}

/**
 * Phone numbers are written in groups ("07700 900123", "0117 496 0123", "+44 20 7946 0123").
 * Any run of neighbouring groups may be the number. Every group must have at least two digits,
 * so counting ("0 1 2 3 4 5 6 7 8 9") is not a number, and a date ("01.02.2026") is too short.
 */
function hasUkPhoneNumber(text: string): boolean {
	for (const digits of digitRuns(text, 2, MAX_PHONE_DIGITS)) {
		if (UK_PHONE_DIGITS.test(digits)) return true;
	}
	return false;
}

/** Card numbers have 13 to 19 digits. */
const CARD_DIGITS = { min: 13, max: 19 };

/** The Luhn check every payment card number passes (and 9 in 10 other digit runs fail). */
function passesLuhn(digits: string): boolean {
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let digit = Number(digits[digits.length - 1 - i]);
		if (i % 2 === 1) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
	}
	return sum % 10 === 0;
}

/**
 * A payment card number, as a child copies it off a parent's card ("4111 1111 1111 1111",
 * "4111-1111-1111-1111" or in one run): groups of three or more digits that together make 13 to
 * 19 digits and pass the Luhn check. A times-table answer or a long sum's digits rarely do both.
 */
function hasPaymentCardNumber(text: string): boolean {
	for (const digits of digitRuns(text, 3, CARD_DIGITS.max)) {
		if (digits.length >= CARD_DIGITS.min && passesLuhn(digits)) return true;
	}
	return false;
}

/** The last word of a UK street name. ("Way", "Place" and "Park" are left out: "the best way".) */
const STREET_ENDINGS = new Set([
	'street',
	'st',
	'road',
	'rd',
	'lane',
	'avenue',
	'ave',
	'close',
	'crescent',
	'grove',
	'terrace',
	'gardens',
	'drive',
	'mews'
]);

/**
 * Words that are never part of a street's own name, so "a busy road", "the high street", "really
 * close" or "a long drive" are no address.
 */
const NOT_A_STREET_NAME = new Set(
	(
		'a an the this that these those my our your his her their its on in at of to by near off from ' +
		'down up over across along round around past behind beside next opposite and or but is was ' +
		'are be been very really so quite too pretty super big small little busy main long short ' +
		'old new same quiet noisy dead end one other back front side wrong right left straight fast ' +
		'slow dark bumpy muddy steep narrow wide sunny windy country private dirt every each no any ' +
		'some which what where who how slip ring toll hard usb flash test disk thumb external google ' +
		'cd dvd cul de sac bus cycle bike farm school hour hours minute minutes mile miles day days ' +
		'live lives living stay stays house home flat address street road lane drive close i we you'
	).split(' ')
);

/** Streets everyone knows from stories, songs, games and the news: naming one gives nothing away. */
const FAMOUS_STREETS: readonly string[] = (
	'downing street|baker street|sesame street|coronation street|quality street|privet drive|' +
	'evergreen terrace|conch street|spooner street|ramsay street|jump street|cherry tree lane|' +
	'drury lane|pudding lane|penny lane|abbey road|windsor gardens|pennsylvania avenue|' +
	'oxford street|regent street|bond street|wall street|fleet street|harley street|' +
	'carnaby street|park lane|old kent road|kent road|whitechapel road|euston road|' +
	'pentonville road|bow street|marlborough street|vine street|coventry street|brick lane|' +
	'elm street|rainbow road'
).split('|');

/** Somebody's home being told: "i live", "my nan lives", "we stay", "my house", "our flat"… */
const WHERE_SOMEONE_LIVES =
	/(?:^|\s)(?:live|lives|living|stay|stays)(?:\s|$)|(?:^|\s)(?:my|our)\s+(?:\S+\s+)?(?:house|home|flat|address)(?:\s|$)/u;
/** How far before the street those words may stand, in words. */
const WHERE_SOMEONE_LIVES_REACH = 8;
const HOUSE_NUMBER = /^\d{1,4}[a-z]?$/u;
const ADDRESS_WORD = /[a-z0-9']+/gu;

/**
 * A home address: a street (one to three name words and an ending such as "road" or "close")
 * after a house number ("12 oak street", "who lives at 8 beech grove") or after words saying
 * whose home it is ("i live on trelowen lane", "my house is the blue one on mill close").
 * Famous streets ("10 downing street", "4 privet drive") and descriptions ("a busy road") are not.
 */
function hasHomeAddress(text: string): boolean {
	const words = text.match(ADDRESS_WORD) ?? [];
	for (let end = 1; end < words.length; end++) {
		if (!STREET_ENDINGS.has(words[end] ?? '')) continue;
		let first = end;
		while (first > 0 && end - first < 3) {
			const word = words[first - 1] ?? '';
			if (NOT_A_STREET_NAME.has(word) || /\d/u.test(word)) break;
			first--;
		}
		if (first === end) continue;
		const street = words.slice(first, end + 1).join(' ');
		if (FAMOUS_STREETS.some((famous) => street.endsWith(famous))) continue;
		// After a number, one or two name words: "mario kart 8 shortcuts rainbow road" is no address.
		if (end - first <= 2 && HOUSE_NUMBER.test(words[first - 1] ?? '')) return true;
		const before = words.slice(Math.max(0, first - WHERE_SOMEONE_LIVES_REACH), first).join(' ');
		if (WHERE_SOMEONE_LIVES.test(before)) return true;
	}
	return false;
}

const DETECTORS: Readonly<Record<PersonalInfoPattern, (normalised: string) => boolean>> = {
	'email-address': hasEmailAddress,
	'uk-phone-number': hasUkPhoneNumber,
	'uk-postcode': (text) => POSTCODE.test(text),
	'payment-card-number': hasPaymentCardNumber,
	'home-address': hasHomeAddress
};

export function hasPersonalInfo(pattern: PersonalInfoPattern, normalised: string): boolean {
	return DETECTORS[pattern](normalised);
}
