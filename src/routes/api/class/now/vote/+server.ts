import * as v from 'valibot';
import { readJson } from '$lib/server/http/read-json';
import { SMALL_BODY_BYTES } from '$lib/server/http/bounded-body';
import { launchContext } from '$lib/server/classroom/lesson-source';
import { answerOrRefuse } from '$lib/server/classroom/launches';
import { castVote } from '$lib/server/classroom/tablets';
import type { RequestHandler } from './$types';

const Body = v.object({
	launchId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
	step: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(200)),
	scene: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
	choice: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9))
});

/** A class tablet's choice in the scene its class's board is on (one per tablet per scene). */
export const POST: RequestHandler = async ({ request, locals }) => {
	const body = await readJson(request, Body, SMALL_BODY_BYTES);
	if (!body.ok) return body.response;
	return answerOrRefuse(() => castVote(launchContext(), locals.who.device!, body.data));
};
