/**
 * Leetspeak decoding: "p0rn", "$h!t", "k1ll", "f*ck".
 *
 * Works on normalised text (see normalise.ts). Returns one or more "readings" of the text:
 * where a character is ambiguous ("1" may be i or l; "*" may hide any vowel), every reading
 * makes a different choice, and the classifier checks them all.
 *
 * Browser-safe: no Node-only imports.
 */

interface LeetRule {
	/** Letters the character may stand for; reading n uses choice n (or the last one). */
	choices: readonly string[];
	/**
	 * Decode only between two word characters. For symbols that are ordinary punctuation at
	 * the edge of a word ("help!", "|name|", "c++") but stand for a letter inside one ("sh!t").
	 */
	insideOnly: boolean;
}

const rule = (insideOnly: boolean, ...choices: string[]): LeetRule => ({ choices, insideOnly });

const LEET: Readonly<Record<string, LeetRule>> = {
	'0': rule(false, 'o'),
	'1': rule(false, 'i', 'l'),
	'3': rule(false, 'e'),
	'4': rule(false, 'a'),
	'5': rule(false, 's'),
	'7': rule(false, 't'),
	'8': rule(false, 'b'),
	'9': rule(false, 'g'),
	'@': rule(false, 'a'),
	$: rule(false, 's'),
	'€': rule(false, 'e'),
	'¢': rule(false, 'c'),
	'!': rule(true, 'i'),
	'+': rule(true, 't'),
	'|': rule(true, 'l', 'i'),
	// A star inside a word usually hides a vowel ("f*ck", "p*rn", "sh*t").
	'*': rule(true, 'a', 'e', 'i', 'o', 'u')
};

/** The most choices any rule has: the number of readings needed to try them all. */
const MOST_CHOICES = Math.max(...Object.values(LEET).map((r) => r.choices.length));

const LETTER = /\p{L}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Is position i between two characters that belong to the same word? */
function isInsideWord(chars: readonly string[], i: number): boolean {
	const partOfWord = (c: string | undefined): boolean => c !== undefined && (WORD_CHAR.test(c) || c in LEET);
	return partOfWord(chars[i - 1]) && partOfWord(chars[i + 1]);
}

function decodeChunk(chunk: string, reading: number): string {
	const chars = Array.from(chunk);
	return chars
		.map((char, i) => {
			const leet = LEET[char];
			if (leet === undefined || (leet.insideOnly && !isInsideWord(chars, i))) return char;
			return leet.choices[Math.min(reading, leet.choices.length - 1)] ?? char;
		})
		.join('');
}

const isSingleLetter = (chunk: string | undefined): boolean =>
	chunk !== undefined && chunk.length === 1 && LETTER.test(chunk);

/**
 * Which whitespace-separated chunks are words to decode. A chunk without a letter is a number
 * ("1000", "7-11") or a symbol and is left alone, unless it is a single character next to a
 * spelled-out letter ("p 0 r n").
 */
function decodable(chunks: readonly string[]): boolean[] {
	return chunks.map((chunk, i) => {
		if (LETTER.test(chunk)) return true;
		const spelledOut = isSingleLetter(chunks[i - 1]) || isSingleLetter(chunks[i + 1]);
		return chunk.length === 1 && chunk in LEET && spelledOut;
	});
}

const WHITESPACE = /\s+/u;

/**
 * Every reading of the text worth checking. Reading 0 takes each character's first choice;
 * reading n its n-th. Ordinary text yields a single reading, so most queries cost one pass.
 * (All ambiguous characters in one query move together: "k1ll he11" is read as "kill heii"
 * and "klll hell", and each word is caught in one of them.)
 */
export function leetReadings(normalised: string): string[] {
	const chunks = normalised.split(WHITESPACE).filter((chunk) => chunk !== '');
	const decode = decodable(chunks);
	const readings = new Set<string>();
	for (let reading = 0; reading < MOST_CHOICES; reading++) {
		const decoded = chunks.map((chunk, i) => (decode[i] ? decodeChunk(chunk, reading) : chunk)).join(' ');
		// Later readings only differ when the text holds a character with several choices.
		if (readings.has(decoded) && reading > 0) break;
		readings.add(decoded);
	}
	return [...readings];
}
