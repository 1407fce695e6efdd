import { json } from '@sveltejs/kit';
import { readJson } from '$lib/server/http/read-json';
import { SMALL_BODY_BYTES } from '$lib/server/http/bounded-body';
import { launchContext } from '$lib/server/classroom/lesson-source';
import { launchView } from '$lib/server/classroom/launch-view';
import { CommandSchema, runCommand } from '$lib/server/classroom/commands';
import type { RequestHandler } from './$types';

/**
 * The class's running lesson for its teacher (and the DSL and admins): GET what is happening
 * (polled by the class page and the board), POST a command (launch, move, pause, resume, end).
 */
export const GET: RequestHandler = async ({ params }) => {
	return json(await launchView(launchContext(), params.classId), {
		headers: { 'cache-control': 'no-store' }
	});
};

export const POST: RequestHandler = async ({ params, request, locals }) => {
	const body = await readJson(request, CommandSchema, SMALL_BODY_BYTES);
	if (!body.ok) return body.response;
	const result = await runCommand(launchContext(), locals.who.staff!.id, params.classId, body.data);
	if (!result.ok) return json({ message: result.message }, { status: result.status });
	return json({ state: result.state });
};
