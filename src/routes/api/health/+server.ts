import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * Liveness, for load balancers and supervisors: 200 whenever this process answers. Whether it
 * should be sent work is `/api/ready`'s question.
 */
export const GET: RequestHandler = () => json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
