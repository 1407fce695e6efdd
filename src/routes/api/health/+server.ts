import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { app } from '$lib/server/app';
import type { RequestHandler } from './$types';

/** For load balancers: 200 when this server can reach its database. */
export const GET: RequestHandler = async () => {
	try {
		await sql`select 1`.execute(app().db);
		return json({ ok: true });
	} catch {
		return json({ ok: false, message: 'The database cannot be reached.' }, { status: 503 });
	}
};
