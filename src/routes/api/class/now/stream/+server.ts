import { app } from '$lib/server/app';
import { classNow } from '$lib/server/classroom/launches';
import { classTopic } from '$lib/server/live/live-hub';
import { eventStream } from '$lib/server/live/event-stream';
import type { ClassNowEvent } from '$lib/classroom/class-now';
import type { RequestHandler } from './$types';

/**
 * Server-Sent Events for the signed-in class tablet: its own class's commands only (topic
 * `class:<id>` of the device's class). The current state is sent at once on connecting (the
 * catch-up after a drop), then every change; after the server's own listener reconnects, the
 * state is read and sent again. Each event's id is the state's version.
 */
export const GET: RequestHandler = ({ locals, request }) => {
	const classId = locals.who.device!.classId;
	const { db, live } = app();
	return eventStream(request, (sink) => {
		const sendCurrent = async () => {
			const state = await classNow(db, classId).catch(() => null);
			if (state) sink.send('class.now', state, state.version);
		};
		const unsubscribe = live.subscribeTo<ClassNowEvent>(classTopic(classId), (e) => {
			if (e.type === 'class.now') sink.send('class.now', e.state, e.state.version);
		});
		const unresync = live.onResync(() => void sendCurrent());
		void sendCurrent();
		return () => {
			unsubscribe();
			unresync();
		};
	});
};
