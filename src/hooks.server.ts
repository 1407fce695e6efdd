import { error, json, redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { app, startApp } from '$lib/server/app';
import { log } from '$lib/server/logger';
import { withRequestLog } from '$lib/server/ops/request-log';
import { installShutdown } from '$lib/server/ops/shutdown';
import { ACCESS, decide, signInPathFor, type Principal } from '$lib/server/auth/access';
import {
	CLASS_COOKIE,
	DEVICE_COOKIE,
	STAFF_COOKIE,
	classFromToken,
	staffFromToken
} from '$lib/server/auth/sessions';
import { deviceFromToken } from '$lib/server/auth/devices';
import { bodyLimitFor } from '$lib/server/http/body-limits';
import { tooLargeMessage } from '$lib/server/http/bounded-body';
import { withSchool } from '$lib/server/tenancy/context';
import { CHOOSE_PATH, SCHOOL_COOKIE } from '$lib/server/tenancy/directory';

export const init: ServerInit = async () => {
	try {
		await startApp();
	} catch (e) {
		// One clear sentence, then stop: a half-started safeguarding app is worse than none. It
		// goes to stderr as plain text for the person starting it (the JSON log is on stdout).
		console.error(`Harbour could not start: ${(e as Error).message}`);
		process.exit(1);
	}
	// `vite dev` has no adapter-node shutdown: Ctrl-C there stays Vite's.
	if (!dev) installShutdown(app().config.shutdownTimeoutSeconds);
	log.info({ pid: process.pid }, 'Harbour started.');
};

async function whoIsThis(cookies: Parameters<Handle>[0]['event']['cookies']): Promise<Principal> {
	const { db, config } = app();
	const who: Principal = { staff: null, device: null, classId: null };
	const staffToken = cookies.get(STAFF_COOKIE);
	if (staffToken) who.staff = await staffFromToken(db, staffToken, config);
	const deviceToken = cookies.get(DEVICE_COOKIE);
	if (deviceToken) who.device = await deviceFromToken(db, deviceToken);
	const classToken = cookies.get(CLASS_COOKIE);
	if (classToken && who.device) who.classId = await classFromToken(db, classToken, who.device.id);
	return who;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function refuse(isApi: boolean, status: number, message: string): Response {
	const response = isApi
		? json({ message }, { status })
		: new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	for (const [k, v] of Object.entries(SECURITY_HEADERS)) response.headers.set(k, v);
	return response;
}

const SECURITY_HEADERS: Record<string, string> = {
	'X-Content-Type-Options': 'nosniff',
	// same-origin, not no-referrer: with no-referrer, browsers send "Origin: null" on plain form posts.
	'Referrer-Policy': 'same-origin',
	'X-Frame-Options': 'DENY',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Permissions-Policy': 'camera=(), geolocation=(), payment=(), usb=(), microphone=(self)'
};

/** Routes about the server itself, answered on any address (load balancers ask by IP). */
const SERVER_ROUTES = new Set(['/api/health', '/api/ready', '/metrics']);

export const handle: Handle = withRequestLog(async ({ event, resolve }) => {
	const { url, route, request } = event;
	// By the matched route, never by the raw path: /%61pi/… is still an API route.
	const isApi = route.id?.startsWith('/api/') ?? url.pathname.startsWith('/api/');
	if (route.id && SERVER_ROUTES.has(route.id)) return guarded({ event, resolve }, isApi);
	// One shared host for many schools: /s/<slug> chooses the school for this browser or tablet.
	const choose = CHOOSE_PATH.exec(url.pathname);
	if (choose && request.method === 'GET') {
		let slug = '';
		try {
			slug = decodeURIComponent(choose[1]!).toLowerCase();
		} catch {
			// A broken escape names no school.
		}
		const chosen = await app().schools.forSlug(slug);
		if (!chosen) return refuse(false, 404, 'There is no Harbour school with that name.');
		event.cookies.set(SCHOOL_COOKIE, chosen.slug, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: 400 * 24 * 3600
		});
		redirect(303, '/');
	}
	// Which school: from the address, before anything else. Everything after runs for it, so on
	// PostgreSQL the database itself shows and accepts only this school's rows.
	const school = await app().schools.forHost(url.host, event.cookies.get(SCHOOL_COOKIE));
	if (!school) return refuse(isApi, 404, 'There is no Harbour school at this address.');
	event.locals.school = school;
	return withSchool(school.id, () => guarded({ event, resolve }, isApi));
});

/** The security headers every answer carries, refusals included. */
function withHeaders(response: Response, url: URL): Response {
	for (const [k, v] of Object.entries(SECURITY_HEADERS)) response.headers.set(k, v);
	if (url.protocol === 'https:') response.headers.set('Strict-Transport-Security', 'max-age=31536000');
	return response;
}

/** Same-origin writes, bounded bodies, the access matrix; then the route, with the house headers. */
async function guarded({ event, resolve }: Parameters<Handle>[0], isApi: boolean): Promise<Response> {
	const { url, request, route } = event;

	// Every state-changing request must come from Harbour's own pages, whatever its content type
	// (Kit's own check covers only form content types) and whatever spelling its path has.
	if (!SAFE_METHODS.has(request.method) && request.headers.get('origin') !== url.origin) {
		return refuse(isApi, 403, 'Cross-site requests are not allowed.');
	}
	// Bodies are bounded by route before anything reads them (the readers re-check as they read).
	const declared = Number(request.headers.get('content-length') ?? '0');
	const limit = bodyLimitFor(route.id);
	if (declared > limit) return refuse(isApi, 413, tooLargeMessage(limit));

	event.locals.who = await whoIsThis(event.cookies);
	if (route.id) {
		const rule = ACCESS[route.id];
		const decision = decide(rule, event.locals.who, event.params as Record<string, string>);
		if (decision !== 'allow') {
			if (isApi) {
				const status = decision === 'sign-in' ? 401 : 403;
				return json(
					{ message: status === 401 ? 'Please sign in first.' : 'You do not have access to this.' },
					{ status }
				);
			}
			if (decision === 'sign-in' && request.method === 'GET') {
				redirect(303, `${signInPathFor(rule)}?next=${encodeURIComponent(url.pathname)}`);
			}
			error(
				decision === 'sign-in' ? 401 : 403,
				decision === 'sign-in' ? 'Please sign in first.' : 'You do not have access to this page.'
			);
		}
	}

	const response = withHeaders(await resolve(event), url);
	// Pages with school data are not kept by shared caches; the service worker decides for pupils.
	if (!response.headers.has('cache-control')) response.headers.set('Cache-Control', 'private, no-store');
	return response;
}

export const handleError: HandleServerError = ({ error: e, status }) => {
	if (status >= 500) log.error({ err: e instanceof Error ? e.message : 'unknown' }, 'Unexpected error');
	return { message: status === 404 ? 'There is nothing here.' : 'Something went wrong. Please try again.' };
};
