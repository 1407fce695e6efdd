/**
 * Harbour's one logger: JSON lines on stdout (pino) at LOG_LEVEL (default `info`; `silent` turns
 * it off). What goes in is chosen by the caller, never dumped: no cookies, authorisation headers,
 * passwords, search queries, query strings, a child's words or any pupil content. Request lines
 * carry the request id, route id (a pattern such as `/api/events`, never the URL), status and
 * time; see `requestLine`.
 */
import pino from 'pino';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LEVELS)[number];

/** LOG_LEVEL if it is one pino knows; otherwise `info` (a typo never silences the log). */
export function logLevelFrom(value: string | undefined): LogLevel {
	const v = (value ?? '').trim().toLowerCase();
	return (LEVELS as readonly string[]).includes(v) ? (v as LogLevel) : 'info';
}

/** A logger writing to `destination` (stdout by default); tests pass their own stream. */
export function createLogger(
	level: LogLevel = logLevelFrom(process.env.LOG_LEVEL),
	destination?: pino.DestinationStream
): pino.Logger {
	return pino(
		{
			level,
			base: { service: 'harbour' },
			timestamp: pino.stdTimeFunctions.isoTime,
			formatters: { level: (label) => ({ level: label }) },
			// A last line of defence: should a caller ever pass these, they are not written.
			redact: {
				paths: ['password', 'cookie', 'authorization', 'headers', 'query', 'payload', '*.password'],
				remove: true
			}
		},
		destination ?? pino.destination({ dest: 1, sync: true })
	);
}

export let log: pino.Logger = createLogger();

/** Replaces the shared logger (tests capture lines this way). */
export function setLogger(logger: pino.Logger): void {
	log = logger;
}

/** What one finished request is logged as: its id, route pattern, method, status and time. */
export interface RequestLine {
	requestId: string;
	method: string;
	/** The SvelteKit route id (e.g. `/api/classes/[classId]/now`), or null for no route. */
	route: string | null;
	status: number;
	ms: number;
}

export function logRequest(line: RequestLine): void {
	const level = line.status >= 500 ? 'error' : 'info';
	log[level](line, 'request');
}
