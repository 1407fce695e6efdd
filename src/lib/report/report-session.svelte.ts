/**
 * One press of "Tell a grown-up", from the press to the cover closing. The cover opens in the
 * same frame as the press; the press is written to the tablet's outbox before the child is told
 * anything was sent; everything else waits until the cover is painted.
 */
import { outboxSync } from '../local-db/sync.svelte';
import { speaker } from '../classroom/speech.svelte';
import { reportContext } from './report-context.svelte';
import { thanksWords } from './cover-words';
import type { FlowContext, FlowEvent, FlowSnapshot, FlowStep, startFlow } from './report-flow';
import { REPORT_EVENT, type ReportAttachment, type ReportOpened } from './report-events';
import type { EventKind, EventPayload } from '../events/catalogue';

/** Runs `work` once the next frame has been painted (a task after the frame, not before it). */
function afterNextPaint(work: () => void): void {
	requestAnimationFrame(() => setTimeout(work, 0));
}

class ReportSession {
	open = $state(false);
	step = $state<FlowStep>('thanks');
	flow = $state.raw<FlowContext>({ practice: false });
	/** Every write so far is durable on the tablet (or, with a full disk, with the server). */
	saved = $state(false);
	/** The cover has been painted; the page behind it is now inert. */
	settled = $state(false);
	/** For the benchmark: when the press happened (event time, ms). */
	pressedAt = 0;

	#actor: ReturnType<typeof startFlow> | null = null;
	/** Steps tapped before the flow's code has loaded (it loads at the press, from the cache). */
	#queued: FlowEvent[] = [];
	#session = 0;
	#reportId = '';
	#pending = 0;
	/** The answers last written (feeling|what), or null before the first. */
	#answersWritten: string | null = null;

	/** The press. Only what the first frame shows happens before it is painted. */
	press(screen: string, eventTime = performance.now()): void {
		if (this.open) return;
		this.pressedAt = eventTime;
		// Practice only where it was armed, and only while it lasts: anywhere else it is real.
		const practice = reportContext.takePractice(screen);
		const session = this.#begin(practice);
		// The cover is already in the page, hidden: showing it is one attribute, painted this frame.
		this.open = true;
		// The press is written now (IndexedDB works off the main thread), before anything says it was sent.
		this.#write(
			REPORT_EVENT.opened,
			{
				reportId: this.#reportId,
				practice,
				source: 'button',
				context: { screen, ...reportContext.extra }
			} satisfies ReportOpened,
			'harbour:report-durable'
		);
		// The rest waits for the painted cover: the page behind goes inert, the step machine loads,
		// anything playing stops, and the voice speaks.
		afterNextPaint(() => {
			if (session !== this.#session) return;
			this.settled = true;
			this.#loadFlow(practice, session);
			for (const media of document.querySelectorAll<HTMLMediaElement>('audio, video')) media.pause();
			speaker.say(thanksWords(practice));
		});
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
		this.settled = false;
		this.step = 'thanks';
		speaker.stop();
	}

	/** A fresh report: new id, first step, nothing written yet. Returns the session number. */
	#begin(practice: boolean): number {
		this.#actor?.stop();
		this.#actor = null;
		this.#queued = [];
		this.step = 'thanks';
		this.flow = { practice };
		this.saved = false;
		this.settled = false;
		this.#answersWritten = null;
		this.#reportId = crypto.randomUUID();
		return ++this.#session;
	}

	/** The step machine (XState) loads after the first frame, so the class home stays small. */
	#loadFlow(practice: boolean, session: number): void {
		void import('./report-flow').then(({ startFlow }) => {
			if (session !== this.#session) return; // closed before it loaded
			this.#actor = startFlow(practice, (snapshot) => this.#onStep(snapshot, practice));
			for (const event of this.#queued.splice(0)) this.#actor.send(event);
		});
	}

	#onStep(snapshot: FlowSnapshot, practice: boolean): void {
		this.step = snapshot.value as FlowStep;
		this.flow = snapshot.context;
		// The answers are sent once the child moves past them, and again only if the child went
		// back and changed them (the server keeps the latest).
		const { feeling, what } = snapshot.context;
		const answers = `${feeling ?? ''}|${what ?? ''}`;
		if (
			['extra', 'drawing', 'voice', 'done'].includes(this.step) &&
			this.#answersWritten !== answers &&
			!practice
		) {
			this.#answersWritten = answers;
			this.#write(REPORT_EVENT.completed, { reportId: this.#reportId, practice, feeling, what });
		}
	}

	/** `mark` names a performance mark set once the write is durable (read by `npm run bench`). */
	#write<K extends EventKind>(kind: K, payload: EventPayload<K>, mark?: string): void {
		this.#pending += 1;
		this.saved = false;
		void outboxSync
			.record(kind, payload)
			.then(() => {
				if (mark) performance.mark(mark);
			})
			.catch(() => outboxSync.keepInMemory(kind, payload))
			.finally(() => {
				this.#pending -= 1;
				this.saved = this.#pending === 0;
			});
	}
}

export const reportSession = new ReportSession();
