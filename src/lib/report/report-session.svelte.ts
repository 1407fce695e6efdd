/**
 * One press of "Tell a grown-up", from the press to the cover closing. The cover opens in the
 * same frame as the press (state first, storage after); the press is then written to the tablet's
 * outbox before the child is told anything was sent, and the answers follow as they are given.
 */
import { outboxSync } from '../local-db/sync.svelte';
import { speaker } from '../classroom/speech.svelte';
import { reportContext } from './report-context.svelte';
import type { FlowContext, FlowEvent, FlowSnapshot, FlowStep, startFlow } from './report-flow';
import { REPORT_EVENT, type ReportAttachment, type ReportOpened } from './report-events';

class ReportSession {
	open = $state(false);
	step = $state<FlowStep>('thanks');
	flow = $state.raw<FlowContext>({ practice: false });
	/** Every write so far is durable on the tablet (or, with a full disk, with the server). */
	saved = $state(false);
	/** For the benchmark: when the press happened (event time, ms). */
	pressedAt = 0;

	#actor: ReturnType<typeof startFlow> | null = null;
	/** Steps tapped before the flow's code has loaded (it loads at the press, from the cache). */
	#queued: FlowEvent[] = [];
	#session = 0;
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
		if (this.#actor) this.#actor.send(event);
		else this.#queued.push(event);
	}

	attach(kind: ReportAttachment['kind'], mime: ReportAttachment['mime'], dataBase64: string): void {
		this.#write(REPORT_EVENT.attachment, { reportId: this.#reportId, kind, mime, dataBase64 });
	}

	close(): void {
		this.#actor?.stop();
		this.#actor = null;
		this.#queued = [];
		this.#session += 1;
		this.open = false;
		this.step = 'thanks';
		speaker.stop();
	}

	#start(practice: boolean): void {
		this.#actor?.stop();
		this.#actor = null;
		this.#queued = [];
		this.step = 'thanks';
		this.flow = { practice };
		const session = ++this.#session;
		// The first screen needs no code beyond this file; the step machine (XState) loads now,
		// so the class home stays small.
		void import('./report-flow').then(({ startFlow }) => {
			if (session !== this.#session) return; // closed before it loaded
			this.#actor = startFlow(practice, (snapshot) => this.#onStep(snapshot, practice));
			for (const event of this.#queued.splice(0)) this.#actor.send(event);
		});
	}

	#onStep(snapshot: FlowSnapshot, practice: boolean): void {
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
