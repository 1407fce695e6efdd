import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../src/lib/server/http/csv';

describe('CSV for the list download', () => {
	it('leaves plain fields alone', () => {
		expect(csvField('CBeebies')).toBe('CBeebies');
		expect(csvField('https://www.bbc.co.uk/cbeebies/')).toBe('https://www.bbc.co.uk/cbeebies/');
		expect(csvField('')).toBe('');
	});

	it('quotes fields with commas, quotes, line breaks or edge spaces, doubling inner quotes', () => {
		expect(csvField('games, songs')).toBe('"games, songs"');
		expect(csvField('the "best" site')).toBe('"the ""best"" site"');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('cr\rhere')).toBe('"cr\rhere"');
		expect(csvField(' padded ')).toBe('" padded "');
		expect(csvField('"')).toBe('""""');
	});

	it('stops a spreadsheet reading a field as a formula', () => {
		expect(csvField('=HYPERLINK("https://evil.example")')).toBe('"\'=HYPERLINK(""https://evil.example"")"');
		expect(csvField('+44 20 7946 0000')).toBe("'+44 20 7946 0000");
		expect(csvField('-1')).toBe("'-1");
		expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
	});

	it('writes a UTF-8 byte-order mark, a header and CRLF line ends', () => {
		expect(
			toCsv(
				['a', 'b'],
				[
					['1', 'x,y'],
					['café', '']
				]
			)
		).toBe('\uFEFFa,b\r\n1,"x,y"\r\ncafé,\r\n');
	});
});
