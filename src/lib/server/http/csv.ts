/**
 * CSV as spreadsheets read it (RFC 4180): fields with a comma, quote or line break are quoted,
 * quotes inside are doubled, lines end with CRLF. A field that starts like a formula (=, +, -,
 * @, tab or carriage return) gets a leading apostrophe so a spreadsheet shows it as text rather
 * than running it. A byte-order mark tells Excel the file is UTF-8.
 */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/u;
const FORMULA_START = /^[=+\-@\t\r]/u;

export function csvField(value: string): string {
	const safe = FORMULA_START.test(value) ? `'${value}` : value;
	return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
	return '\uFEFF' + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
