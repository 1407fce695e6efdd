/**
 * The cast drawings the agreement uses, as built asset URLs keyed `people/<name>` and
 * `things/<name>`. Listed one by one (a glob of the whole cast would ship every drawing);
 * the unit test checks every promise in agreement.ts finds its two pictures here.
 */
const files = import.meta.glob<string>(
	[
		'/lessons/cast/people/sam-thinking.svg',
		'/lessons/cast/people/sam-worried.svg',
		'/lessons/cast/people/priya-happy.svg',
		'/lessons/cast/people/priya-thinking.svg',
		'/lessons/cast/people/alfie-thinking.svg',
		'/lessons/cast/people/zara-happy.svg',
		'/lessons/cast/things/hand-up.svg',
		'/lessons/cast/things/tablet-game.svg',
		'/lessons/cast/things/padlock.svg',
		'/lessons/cast/things/speech-kind.svg',
		'/lessons/cast/things/tell-button.svg',
		'/lessons/cast/things/sleeping-tablet.svg'
	],
	{ eager: true, query: '?no-inline', import: 'default' }
);

export const AGREEMENT_PICTURES: Record<string, string> = Object.fromEntries(
	Object.entries(files).map(([path, url]) => [path.replace(/^\/lessons\/cast\/|\.svg$/g, ''), url])
);
