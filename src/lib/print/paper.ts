/**
 * The paper sizes Harbour's posters print on. Portrait only: a poster on a classroom wall, a
 * letter in a book bag. Sizes in millimetres, as the printer sees them.
 */
export const PAPERS = ['a4', 'a3'] as const;
export type Paper = (typeof PAPERS)[number];

export const PAPER_NAMES: Record<Paper, string> = { a4: 'A4', a3: 'A3' };

/** Width and height of the sheet, in millimetres. */
export const PAPER_MM: Record<Paper, { width: number; height: number }> = {
	a4: { width: 210, height: 297 },
	a3: { width: 297, height: 420 }
};

/** The margin every printable keeps clear (home and school printers cannot print to the edge). */
export const MARGIN_MM = 10;
