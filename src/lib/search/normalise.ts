/**
 * Text normalisation for safe-search matching.
 *
 * `normaliseText` turns whatever a child (or a determined older sibling) typed into plain
 * lower-case Latin text, so that disguised words compare equal to the words in the lists:
 * fullwidth and "fancy font" letters, accents, invisible characters and look-alike letters
 * from other scripts are all folded away. Word separators are kept; digits and symbols are
 * kept too, because leetspeak decoding (see leetspeak.ts) needs to see them.
 *
 * Browser-safe: no Node-only imports. Runs in pages and in the service worker.
 */

/**
 * Invisible characters that can be slipped inside a word to break matching:
 * every Unicode "format" character (zero-width space/joiners U+200B-U+200D, marks
 * U+200E/U+200F, soft hyphen U+00AD, word joiner U+2060, BOM U+FEFF, bidi embeddings and
 * isolates U+202A-U+202E and U+2066-U+2069, tag characters...) plus the Hangul fillers,
 * which are letters by category but render as blank space.
 */
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0]/gu;

/** Combining marks (accents, zalgo stacks, variation selectors) left over after decomposition. */
const COMBINING_MARKS = /\p{M}/gu;

/**
 * Letters that look like Latin letters but are not folded by Unicode normalisation.
 * Upper-case forms are listed too because the mapping runs before lower-casing:
 * Greek capital eta (Η) looks like H, but its lower case (η) looks like n.
 */
const LOOKALIKES: Readonly<Record<string, string>> = {
	// Cyrillic capitals
	А: 'a',
	В: 'b',
	Е: 'e',
	Ѕ: 's',
	І: 'i',
	Ј: 'j',
	К: 'k',
	М: 'm',
	Н: 'h',
	О: 'o',
	Р: 'p',
	С: 'c',
	Т: 't',
	У: 'y',
	Х: 'x',
	Ү: 'y',
	Һ: 'h',
	Ԁ: 'd',
	Ԛ: 'q',
	Ԝ: 'w',
	// Cyrillic small letters
	а: 'a',
	в: 'b',
	е: 'e',
	ѕ: 's',
	і: 'i',
	ј: 'j',
	к: 'k',
	м: 'm',
	н: 'h',
	о: 'o',
	р: 'p',
	с: 'c',
	т: 't',
	у: 'y',
	х: 'x',
	ү: 'y',
	һ: 'h',
	ԁ: 'd',
	ԛ: 'q',
	ԝ: 'w',
	ӏ: 'l',
	ѵ: 'v',
	// Greek capitals
	Α: 'a',
	Β: 'b',
	Ε: 'e',
	Ζ: 'z',
	Η: 'h',
	Ι: 'i',
	Κ: 'k',
	Μ: 'm',
	Ν: 'n',
	Ο: 'o',
	Ρ: 'p',
	Τ: 't',
	Υ: 'y',
	Χ: 'x',
	// Greek small letters
	α: 'a',
	β: 'b',
	γ: 'y',
	ε: 'e',
	η: 'n',
	ι: 'i',
	κ: 'k',
	ν: 'v',
	ο: 'o',
	ρ: 'p',
	τ: 't',
	υ: 'u',
	χ: 'x',
	ω: 'w',
	ϲ: 'c',
	// Latin letters without a decomposition
	ß: 'ss',
	ẞ: 'ss',
	æ: 'ae',
	Æ: 'ae',
	œ: 'oe',
	Œ: 'oe',
	ø: 'o',
	Ø: 'o',
	ł: 'l',
	Ł: 'l',
	đ: 'd',
	Đ: 'd',
	ħ: 'h',
	Ħ: 'h',
	ŧ: 't',
	Ŧ: 't',
	ı: 'i',
	ȷ: 'j',
	ɑ: 'a',
	ɡ: 'g',
	ŀ: 'l',
	// Small capitals, a favourite "font generator" trick
	ᴀ: 'a',
	ʙ: 'b',
	ᴄ: 'c',
	ᴅ: 'd',
	ᴇ: 'e',
	ꜰ: 'f',
	ɢ: 'g',
	ʜ: 'h',
	ɪ: 'i',
	ᴊ: 'j',
	ᴋ: 'k',
	ʟ: 'l',
	ᴍ: 'm',
	ɴ: 'n',
	ᴏ: 'o',
	ᴘ: 'p',
	ǫ: 'q',
	ʀ: 'r',
	ꜱ: 's',
	ᴛ: 't',
	ᴜ: 'u',
	ᴠ: 'v',
	ᴡ: 'w',
	ʏ: 'y',
	ᴢ: 'z'
};

/**
 * Blocks of "emoji letters" (🅐 🅰 🇦) that compatibility normalisation leaves alone:
 * negative circled, negative squared and regional-indicator capitals A-Z.
 */
const EMOJI_LETTER_BLOCKS: readonly number[] = [0x1f150, 0x1f170, 0x1f1e6];

function foldCharacter(char: string): string {
	const mapped = LOOKALIKES[char];
	if (mapped !== undefined) return mapped;
	const codePoint = char.codePointAt(0) ?? 0;
	for (const blockStart of EMOJI_LETTER_BLOCKS) {
		if (codePoint >= blockStart && codePoint < blockStart + 26) {
			return String.fromCharCode(0x61 + codePoint - blockStart);
		}
	}
	return char;
}

/** Anything outside printable ASCII may need folding. */
const FOLDABLE = /[^ -~]/gu;

/**
 * Normalise text for matching. Steps, in order:
 * 1. NFKD: compatibility decomposition (fullwidth ｐ, maths 𝐩, circled ⓟ, ligatures, superscripts
 *    become plain letters; accented letters split into letter + combining mark).
 * 2. Remove invisible characters (zero-width, bidi controls, soft hyphen, ...).
 * 3. Remove combining marks, so "pôrń" and zalgo text become plain letters.
 * 4. Fold look-alike letters from Cyrillic, Greek and other sets to Latin.
 * 5. Lower-case, then remove any marks lower-casing introduced (İ → i̇).
 */
export function normaliseText(input: string): string {
	return input
		.normalize('NFKD')
		.replace(INVISIBLE, '')
		.replace(COMBINING_MARKS, '')
		.replace(FOLDABLE, foldCharacter)
		.toLowerCase()
		.replace(COMBINING_MARKS, '');
}
