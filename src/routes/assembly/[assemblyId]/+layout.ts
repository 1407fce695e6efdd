import { error } from '@sveltejs/kit';
import { assemblies, media } from 'virtual:harbour-assemblies';
import type { LayoutLoad } from './$types';

// No server load: the deck comes from the precached build, so it opens offline.
export const load = (({ params }) => {
	const assembly = assemblies.find((a) => a.id === params.assemblyId);
	if (!assembly) error(404, 'There is no assembly with that name. Choose one from the list of assemblies.');
	return { assembly, media };
}) satisfies LayoutLoad;
