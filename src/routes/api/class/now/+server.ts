import { json } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { classNow } from '$lib/server/classroom/launches';
import type { RequestHandler } from './$types';

/** The signed-in class's "lesson now" (its own class only): read at start, on `online` and when shown. */
export const GET: RequestHandler = async ({ locals }) => {
	const state = await classNow(app().db, locals.who.device!.classId);
	return json({ state }, { headers: { 'cache-control': 'no-store' } });
};
