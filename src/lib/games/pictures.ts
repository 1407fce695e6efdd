/**
 * URLs of the cast pictures the games show. Each is a file of its own in the build (never
 * inlined), so the service worker precaches it with the app and games draw offline.
 */
import type { CastPicture } from './types';

const files = import.meta.glob<string>(
	[
		'../../../lessons/cast/things/*.svg',
		'../../../lessons/cast/people/{sam,priya,alfie}-*.svg',
		'../../../lessons/cast/places/{living-room,classroom,playground}.svg'
	],
	{ query: '?url&no-inline', import: 'default', eager: true }
);

const byName = new Map(
	Object.entries(files).map(([path, url]) => [path.replace(/^.*\/cast\//u, '').replace(/\.svg$/u, ''), url])
);

export function castUrl(picture: CastPicture): string {
	const url = byName.get(picture);
	if (!url) throw new Error(`No cast picture ${picture}`);
	return url;
}
