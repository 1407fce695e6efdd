/**
 * The largest body each route accepts, by route id: small for forms and JSON, large only where
 * a drawing, a voice message or a screenshot travels. Checked in the hook from Content-Length
 * and again by the bounded readers as the bytes arrive.
 */
import { SMALL_BODY_BYTES } from './bounded-body';
import { MAX_BATCH_BYTES } from '../events/ingest';
import { MAX_SCREENSHOT_BYTES } from '../incidents/incident-log';

const LARGE: Record<string, number> = {
	'/api/events': MAX_BATCH_BYTES,
	'/(staff)/staff/(signed-in)/incidents/[incidentId]': MAX_SCREENSHOT_BYTES + SMALL_BODY_BYTES
};

export function bodyLimitFor(routeId: string | null): number {
	return (routeId && LARGE[routeId]) || SMALL_BODY_BYTES;
}
