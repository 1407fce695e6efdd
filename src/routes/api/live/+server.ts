import { json } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { STAFF_COOKIE, staffFromToken, type StaffPrincipal } from '$lib/server/auth/sessions';
import { canSeeIncidentsOf } from '$lib/server/incidents/visibility';
import type { LiveEvent } from '$lib/server/live/live-hub';
import { eventStream } from '$lib/server/live/event-stream';
import { holdStream } from '$lib/server/live/stream-limit';
import type { RequestHandler } from './$types';

/** A stream re-reads its session at least this often, even when nothing is sent. */
const RECHECK_MS = 5_000;
/** Streams one account may hold open on this server; a new one closes the oldest. */
const MAX_STREAMS_PER_ACCOUNT = 5;

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
	return eventStream(request, (sink) => {
		let staff: StaffPrincipal = first;
		const recheck = async (): Promise<boolean> => {
			const now = await current().catch(() => null);
			if (!now || now.role === 'governor') {
				sink.send('session.ended', {});
				sink.close();
				return false;
			}
			staff = now;
			return true;
		};
		// Alerts go out in order, each after its own check.
		let queue = Promise.resolve();
		const unsubscribe = app().live.subscribe((event: LiveEvent) => {
			queue = queue.then(async () => {
				if (sink.closed || !(await recheck())) return;
				if (event.exceptStaffId !== staff.id && canSeeIncidentsOf(staff, event.incident.classId)) {
					sink.send(event.type, event.incident);
				}
			});
		});
		// The server's own listener was away: the page re-reads the reports still waiting.
		const unresync = app().live.onResync(() => sink.send('resync', {}));
		const sweep = setInterval(() => void recheck(), RECHECK_MS);
		const release = holdStream(`staff:${first.id}`, () => sink.close(), MAX_STREAMS_PER_ACCOUNT);
		return () => {
			clearInterval(sweep);
			unsubscribe();
			unresync();
			release();
		};
	});
};
