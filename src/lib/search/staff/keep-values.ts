import type { SubmitFunction } from '@sveltejs/kit';

/** For `use:enhance`: a form that needs fixing keeps what was typed; a sent one is cleared. */
export const keepValues: SubmitFunction =
	() =>
	({ result, update }) =>
		update({ reset: result.type === 'success' });
