import * as v from 'valibot';
import { readJson } from '$lib/server/http/read-json';
import { SMALL_BODY_BYTES } from '$lib/server/http/bounded-body';
import { launchContext } from '$lib/server/classroom/lesson-source';
import { answerOrRefuse } from '$lib/server/classroom/launches';
import { reportTablet } from '$lib/server/classroom/tablets';
import type { RequestHandler } from './$types';

const Body = v.object({
	launchId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
	step: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(200)),
	finished: v.boolean()
});

/** A class tablet says which step of its class's running lesson it is on (each page, and a heartbeat). */
export const POST: RequestHandler = async ({ request, locals }) => {
	const body = await readJson(request, Body, SMALL_BODY_BYTES);
	if (!body.ok) return body.response;
	return answerOrRefuse(() => reportTablet(launchContext(), locals.who.device!, body.data));
};
