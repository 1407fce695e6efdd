import { app } from '$lib/server/app';
import { metricsAllowed, registry } from '$lib/server/ops/metrics';
import type { RequestHandler } from './$types';

/**
 * Prometheus metrics for this server, only with `Authorization: Bearer $METRICS_TOKEN` (compared
 * in constant time). Without METRICS_TOKEN set, nobody may read them.
 */
export const GET: RequestHandler = async ({ request }) => {
	const token = app().config.metricsToken ?? undefined;
	if (!metricsAllowed(request.headers.get('authorization'), token)) {
		return new Response(
			token ? 'A valid metrics token is needed.' : 'Metrics are off (METRICS_TOKEN is not set).',
			{
				status: 401,
				headers: { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer' }
			}
		);
	}
	return new Response(await registry.metrics(), {
		headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' }
	});
};
