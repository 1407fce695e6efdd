import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { app, appStatus } from '$lib/server/app';
import { pendingMigrations } from '$lib/server/db/migrations/index';
import { isDraining } from '$lib/server/ops/lifecycle';
import type { Kysely } from 'kysely';
import type { RequestHandler } from './$types';

const notReady = (reason: string) =>
	json({ ready: false, reason }, { status: 503, headers: { 'cache-control': 'no-store' } });

/**
 * Readiness, for load balancers: 200 when this server should be sent work (its database answers,
 * every migration has run, and on PostgreSQL its live channel is listening), else 503 with the
 * reason in a few words. Not ready while it is shutting down. Nothing more is said: no host,
 * version or database name.
 */
export const GET: RequestHandler = async () => {
	if (isDraining()) return notReady('shutting down');
	const status = appStatus();
	if (!status.started) return notReady('starting');
	try {
		await sql`select 1`.execute(app().db);
		if ((await pendingMigrations(app().db as Kysely<unknown>)).length) return notReady('migrations pending');
	} catch {
		return notReady('database unreachable');
	}
	if (!status.liveConnected) return notReady('live channel disconnected');
	return json({ ready: true }, { headers: { 'cache-control': 'no-store' } });
};
