/**
 * One press of "Tell a grown-up", from the press to the cover closing. The cover opens in the
 * same frame as the press (state first, storage after); the press is then written to the tablet's
 * outbox before the child is told anything was sent, and the answers follow as they are given.
 */
import { createActor, type Actor } from 'xstate';
import { outboxSync } from '../local-db/sync.svelte';
import { speaker } from '../classroom/speech.svelte';
import { reportContext } from './report-context.svelte';
import { reportFlow, type FlowContext, type FlowEvent, type FlowStep } from './report-flow';
import { REPORT_EVENT, type ReportAttachment, type ReportOpened } from './report-events';

class ReportSession {
	open = $state(false);
	step = $state<FlowStep>('thanks');
	flow = $state.raw<FlowContext>({ practice: false });
	/** Every write so far is durable on the tablet (or, with a full disk, with the server). */
	saved = $state(false);
	/** For the benchmark: when the press happened (event time, ms). */
	pressedAt = 0;

	#actor: Actor<typeof reportFlow> | null = null;
	#reportId = '';
	#pending = 0;
	#completedWritten = false;

	/** The press. Synchronous up to the cover being shown; everything slow happens after. */
	press(screen: string, eventTime = performance.now()): void {
		if (this.open) return;
		this.pressedAt = eventTime;
		const practice = reportContext.practice;
		reportContext.practice = false;
		this.open = true;
		this.saved = false;
		this.#completedWritten = false;
		this.#reportId = crypto.randomUUID();
		this.#start(practice);
		const opened: ReportOpened = {
			reportId: this.#reportId,
			practice,
			source: 'button',
			context: { screen, ...reportContext.extra }
		};
		this.#write(REPORT_EVENT.opened, opened, 'harbour:report-durable');
		// Sound comes just after the cover is painted: the picture first, then the voice.
		requestAnimationFrame(() =>
			setTimeout(() => {
				for (const media of document.querySelectorAll<HTMLMediaElement>('audio, video')) media.pause();
				speaker.say(
					practice
						? 'Well done! That is how you tell a grown-up. This time it was practice.'
						: 'Thank you for telling. You did the right thing.'
				);
			})
		);
	}

	send(event: FlowEvent): void {
		this.#actor?.send(event);
	}

	attach(kind: ReportAttachment['kind'], mime: ReportAttachment['mime'], dataBase64: string): void {
		this.#write(REPORT_EVENT.attachment, { reportId: this.#reportId, kind, mime, dataBase64 });
	}

	close(): void {
		this.#actor?.stop();
		this.#actor = null;
		this.open = false;
		this.step = 'thanks';
		speaker.stop();
	}

	#start(practice: boolean): void {
		this.#actor?.stop();
		const actor = createActor(reportFlow, { input: { practice } });
		actor.subscribe((snapshot) => {
			this.step = snapshot.value as FlowStep;
			this.flow = snapshot.context;
			// The answers are final once the child moves past them.
			if (['extra', 'drawing', 'voice', 'done'].includes(this.step) && !this.#completedWritten && !practice) {
				this.#completedWritten = true;
				this.#write(REPORT_EVENT.completed, {
					reportId: this.#reportId,
					practice,
					feeling: snapshot.context.feeling,
					what: snapshot.context.what
				});
			}
		});
		actor.start();
		this.#actor = actor;
	}

	/** `mark` names a performance mark set once the write is durable (read by `npm run bench`). */
	#write(kind: string, payload: object, mark?: string): void {
		this.#pending += 1;
		this.saved = false;
		void outboxSync
			.record(kind, payload as Record<string, unknown>)
			.then(() => {
				if (mark) performance.mark(mark);
			})
			.catch(() => outboxSync.keepInMemory(kind, payload as Record<string, unknown>))
			.finally(() => {
				this.#pending -= 1;
				this.saved = this.#pending === 0;
			});
	}
}

export const reportSession = new ReportSession();
