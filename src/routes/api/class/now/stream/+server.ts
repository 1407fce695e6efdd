import { json } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { CLASS_COOKIE, DEVICE_COOKIE, classFromToken } from '$lib/server/auth/sessions';
import { deviceFromToken } from '$lib/server/auth/devices';
import { classNow } from '$lib/server/classroom/launches';
import { classTopic } from '$lib/server/live/live-hub';
import { eventStream } from '$lib/server/live/event-stream';
import { holdStream } from '$lib/server/live/stream-limit';
import type { ClassNowEvent } from '$lib/classroom/class-now';
import type { RequestHandler } from './$types';

/** A tablet's stream re-reads its enrolment and class sign-in at least this often. */
const RECHECK_MS = 10_000;
/** Streams one tablet may hold open on this server; a new one closes the oldest. */
const MAX_STREAMS_PER_TABLET = 3;

/**
 * Server-Sent Events for the signed-in class tablet: its own class's commands only (topic
 * `class:<id>` of the device's class). The current state is sent at once on connecting (the
 * catch-up after a drop), then every change; after the server's own listener reconnects, the
 * state is read and sent again. Each event's id is the state's version.
 *
 * The stream lasts only as long as the tablet's right to it: every few seconds it reads the
 * device's enrolment and the class sign-in again, and closes once the tablet has been removed
 * or signed out of the class.
 */
export const GET: RequestHandler = ({ locals, request, cookies }) => {
	const device = locals.who.device!;
	const classId = device.classId;
	const deviceToken = cookies.get(DEVICE_COOKIE);
	const classToken = cookies.get(CLASS_COOKIE);
	if (!deviceToken || !classToken) return json({ message: 'Please sign in first.' }, { status: 401 });
	const { db, live } = app();
	const stillAllowed = async (): Promise<boolean> => {
		const now = await deviceFromToken(db, deviceToken).catch(() => null);
		if (!now || now.id !== device.id || now.classId !== classId) return false;
		return (await classFromToken(db, classToken, device.id).catch(() => null)) === classId;
	};
	return eventStream(request, (sink) => {
		const sendCurrent = async () => {
			const state = await classNow(db, classId).catch(() => null);
			if (state) sink.send('class.now', state, state.version);
		};
		const unsubscribe = live.subscribeTo<ClassNowEvent>(classTopic(classId), (e) => {
			if (e.type === 'class.now') sink.send('class.now', e.state, e.state.version);
		});
		const unresync = live.onResync(() => void sendCurrent());
		const sweep = setInterval(async () => {
			if (sink.closed || (await stillAllowed())) return;
			sink.send('session.ended', {});
			sink.close();
		}, RECHECK_MS);
		const release = holdStream(`device:${device.id}`, () => sink.close(), MAX_STREAMS_PER_TABLET);
		void sendCurrent();
		return () => {
			clearInterval(sweep);
			unsubscribe();
			unresync();
			release();
		};
	});
};
