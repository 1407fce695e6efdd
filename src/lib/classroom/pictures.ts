/**
 * The pictures pupils sign in with. Shared by the server (to generate passwords) and the
 * tablet (to draw the tiles): names only, the art lives in static/pictures/<name>.svg.
 */
export const PASSWORD_TILES = [
	'apple',
	'boat',
	'cat',
	'drum',
	'star',
	'tree',
	'sun',
	'fish',
	'house'
] as const;
export type PasswordTile = (typeof PASSWORD_TILES)[number];

/** Tiles in a picture password. 9·8·7 = 504 orders: enough on an enrolled tablet with slow-down. */
export const PASSWORD_LENGTH = 3;

export const CLASS_PICTURES = [
	'ladybird',
	'robin',
	'owl',
	'hedgehog',
	'fox',
	'squirrel',
	'butterfly',
	'frog'
] as const;
export type ClassPicture = (typeof CLASS_PICTURES)[number];

/** Friendly spoken names of the tiles, for the voice and for the printed class card. */
export const TILE_NAMES: Record<PasswordTile, string> = {
	apple: 'apple',
	boat: 'boat',
	cat: 'cat',
	drum: 'drum',
	star: 'star',
	tree: 'tree',
	sun: 'sun',
	fish: 'fish',
	house: 'house'
};

export function pictureUrl(name: string): string {
	return `/pictures/${name}.svg`;
}
