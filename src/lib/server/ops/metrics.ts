/**
 * Harbour's Prometheus metrics (prom-client), one registry per process, read at `/metrics` with
 * `Authorization: Bearer $METRICS_TOKEN`. Labels are route ids, event kinds, channels and duty
 * names: a closed, small set, never a URL, a person or anything a child wrote.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import client from 'prom-client';

export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: 'harbour_' });

export const requestSeconds = new client.Histogram({
	name: 'harbour_http_request_duration_seconds',
	help: 'Time to answer a request, by route id, method and status.',
	labelNames: ['route', 'method', 'status'] as const,
	buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
	registers: [registry]
});

export const eventsIngested = new client.Counter({
	name: 'harbour_events_ingested_total',
	help: 'Pupil events newly stored (a resend is not counted again), by kind.',
	labelNames: ['kind'] as const,
	registers: [registry]
});

export const eventsRejected = new client.Counter({
	name: 'harbour_events_rejected_total',
	help: 'Pupil events refused (the tablet sets them aside).',
	registers: [registry]
});

export const outboxLagSeconds = new client.Histogram({
	name: 'harbour_outbox_lag_seconds',
	help: "From an event's time on the tablet to its being stored (tablets offline for days land in the top buckets).",
	buckets: [0.1, 0.5, 1, 2, 5, 15, 60, 300, 3600, 86_400, 604_800],
	registers: [registry]
});

export const alertDeliveredSeconds = new client.Histogram({
	name: 'harbour_alert_delivered_seconds',
	help: 'From a report being stored to its alert reaching staff: banner (sent on a live stream), email or push (handed to the mail or push service).',
	labelNames: ['channel'] as const,
	buckets: [0.1, 0.25, 0.5, 1, 2, 5, 15, 30, 60, 300, 900, 3600],
	registers: [registry]
});

export const liveConnections = new client.Gauge({
	name: 'harbour_live_connections',
	help: 'Live streams (staff alerts and class tablets) open on this server.',
	registers: [registry]
});

export const dutyRuns = new client.Counter({
	name: 'harbour_duty_runs_total',
	help: 'Background duty runs, by duty.',
	labelNames: ['duty'] as const,
	registers: [registry]
});

export const dutyFailures = new client.Counter({
	name: 'harbour_duty_failures_total',
	help: 'Background duty runs that failed, by duty.',
	labelNames: ['duty'] as const,
	registers: [registry]
});

/** Seconds from an ISO time to `now`, never negative (tablet clocks run fast too). */
export function secondsSince(iso: string, now = Date.now()): number | null {
	const t = Date.parse(iso);
	return Number.isFinite(t) ? Math.max(0, (now - t) / 1000) : null;
}

/** Observes the time from a report being stored to its alert reaching staff on `channel`. */
export function alertDelivered(channel: 'banner' | 'email' | 'push', storedAt: string): void {
	const s = secondsSince(storedAt);
	if (s !== null) alertDeliveredSeconds.observe({ channel }, s);
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Whether an Authorization header carries the metrics token, compared in constant time (both
 * sides hashed first, so the comparison does not even leak the token's length). No token
 * configured means nobody may read metrics.
 */
export function metricsAllowed(authorization: string | null, token: string | undefined): boolean {
	if (!token) return false;
	const m = /^Bearer (.+)$/.exec(authorization ?? '');
	return timingSafeEqual(digest(m?.[1] ?? ''), digest(token)) && Boolean(m);
}
