import { error } from '@sveltejs/kit';
import { isGameId, levelForYearGroup } from '$lib/games/types';
import type { PageLoad } from './$types';

// Phaser needs a browser: game screens render on the tablet only.
export const ssr = false;

/** The game from the address; the class's year group picks its level. */
export const load = (async ({ params, parent }) => {
	if (!isGameId(params.game)) error(404, 'There is no game with that name.');
	const { info } = await parent();
	return { game: params.game, level: levelForYearGroup(info.yearGroup) };
}) satisfies PageLoad;
