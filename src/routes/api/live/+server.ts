import { json } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { STAFF_COOKIE, staffFromToken, type StaffPrincipal } from '$lib/server/auth/sessions';
import { canSeeIncidentsOf } from '$lib/server/incidents/visibility';
import type { LiveEvent } from '$lib/server/live/live-hub';
import type { RequestHandler } from './$types';

const HEARTBEAT_MS = 20_000;
/** A stream re-reads its session at least this often, even when nothing is sent. */
const RECHECK_MS = 5_000;
/** Streams one account may hold open on this server; a new one closes the oldest. */
const MAX_STREAMS_PER_ACCOUNT = 5;

const open = new Map<string, (() => void)[]>();

/**
 * Server-Sent Events for staff screens: new reports, changes, and reports raised as urgent, for
 * the incidents this person may see. Urgent ones also reach every DSL and admin.
 *
 * The right to see lasts only as long as the session: before each alert is sent, and every few
 * seconds, the stream reads its session again (not extending it) and closes when the person
 * has signed out, been disabled or lost their role, and follows a change of class at once.
 */
export const GET: RequestHandler = ({ locals, request, cookies }) => {
	const first = locals.who.staff!;
	const token = cookies.get(STAFF_COOKIE);
	if (!token) return json({ message: 'Please sign in first.' }, { status: 401 });
	const { db, config } = app();
	const current = () => staffFromToken(db, token, config, new Date(), false);
	const encoder = new TextEncoder();
	let stop = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			let closed = false;
			const close = () => {
				if (closed) return;
				closed = true;
				stop();
				try {
					controller.close();
				} catch {
					// already closed
				}
			};
			const send = (text: string) => {
				if (closed) return;
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					close();
				}
			};
			let staff: StaffPrincipal = first;
			const recheck = async (): Promise<boolean> => {
				const now = await current().catch(() => null);
				if (!now || now.role === 'governor') {
					send('event: session.ended\ndata: {}\n\n');
					close();
					return false;
				}
				staff = now;
				return true;
			};
			// Alerts go out in order, each after its own check.
			let queue = Promise.resolve();
			const unsubscribe = app().live.subscribe((event: LiveEvent) => {
				queue = queue.then(async () => {
					if (closed || !(await recheck())) return;
					if (event.exceptStaffId !== staff.id && canSeeIncidentsOf(staff, event.incident.classId)) {
						send(`event: ${event.type}\ndata: ${JSON.stringify(event.incident)}\n\n`);
					}
				});
			});
			// The server's own listener was away: the page re-reads the reports still waiting.
			const unresync = app().live.onResync(() => send('event: resync\ndata: {}\n\n'));
			const heartbeat = setInterval(() => send(': still here\n\n'), HEARTBEAT_MS);
			const sweep = setInterval(() => void recheck(), RECHECK_MS);
			const mine = open.get(first.id) ?? [];
			mine.push(close);
			open.set(first.id, mine);
			if (mine.length > MAX_STREAMS_PER_ACCOUNT) mine[0]!();
			stop = () => {
				clearInterval(heartbeat);
				clearInterval(sweep);
				unsubscribe();
				unresync();
				const left = (open.get(first.id) ?? []).filter((c) => c !== close);
				if (left.length) open.set(first.id, left);
				else open.delete(first.id);
			};
			request.signal.addEventListener('abort', close);
			send('retry: 3000\n: connected\n\n');
		},
		cancel() {
			stop();
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
};
