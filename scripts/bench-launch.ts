// Launch to the class (issue 13), measured against the running bench server:
// - launch → the command received by 30 class tablets' live streams (SSE clients in this process);
// - launch → the lesson's first page shown on a real class tablet page in Chromium;
// - one server holding 1,000 open class streams: its memory per connection, and launch p95 to all.
// Tablets are enrolled and signed in straight in the server's database (as the enrol and sign-in
// screens would leave them), so a thousand of them take seconds, not a thousand browser walks.
import { readFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { openDatabase } from '../src/lib/server/db/connect';
import { enrolDevice } from '../src/lib/server/auth/devices';
import {
	CLASS_COOKIE,
	DEVICE_COOKIE,
	STAFF_COOKIE,
	createClassSession,
	createStaffSession
} from '../src/lib/server/auth/sessions';
import { compileLessons } from '../tooling/compile-lessons';
import { classTablet } from '../tests/e2e/helpers';
import { percentile, type BenchRow } from './lib/bench-row';

const TIMEOUTS = { staffIdleMinutes: 60, staffMaxHours: 8, classSessionDays: 1 };
const CLASS_NAME = 'Robins';
const TEACHER = 'robins.teacher@demo.harbour';

interface Setup {
	base: string;
	classId: string;
	staffCookie: string;
	lessonId: string;
	/** Cookies of `n` newly enrolled, signed-in tablets of the class. */
	tablets(n: number): Promise<string[]>;
	close(): Promise<void>;
}

async function setUp(base: string, dbPath: string): Promise<Setup> {
	const h = await openDatabase({ engine: 'sqlite', path: dbPath });
	const cls = await h.db
		.selectFrom('classes')
		.select('id')
		.where('name', '=', CLASS_NAME)
		.executeTakeFirstOrThrow();
	const teacher = await h.db
		.selectFrom('staff')
		.select('id')
		.where('email', '=', TEACHER)
		.executeTakeFirstOrThrow();
	const staff = await createStaffSession(h.db, teacher.id, TIMEOUTS);
	const lesson = compileLessons(process.cwd()).lessons.find((l) => l.year === 'year-1');
	if (!lesson) throw new Error('No Year 1 lesson to launch.');
	return {
		base,
		classId: cls.id,
		staffCookie: `${STAFF_COOKIE}=${staff.token}`,
		lessonId: lesson.id,
		async tablets(n) {
			const cookies: string[] = [];
			for (let i = 0; i < n; i++) {
				const { token, device } = await enrolDevice(h.db, cls.id, teacher.id);
				const session = await createClassSession(h.db, cls.id, device.id, TIMEOUTS);
				cookies.push(`${DEVICE_COOKIE}=${token}; ${CLASS_COOKIE}=${session.token}`);
			}
			return cookies;
		},
		close: () => h.close()
	};
}

/** A class tablet's live stream, read as text: tells when a given launch's command arrives. */
class TabletStream {
	#waiting = new Map<string, (at: number) => void>();
	#seen = new Map<string, number>();
	#abort = new AbortController();
	ready: Promise<void>;

	constructor(base: string, cookie: string) {
		this.ready = this.#read(base, cookie);
	}

	async #read(base: string, cookie: string): Promise<void> {
		const res = await fetch(`${base}/api/class/now/stream`, {
			headers: { cookie, accept: 'text/event-stream' },
			signal: this.#abort.signal
		});
		if (!res.ok || !res.body) throw new Error(`A tablet stream was refused (${res.status}).`);
		const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
		let buffer = '';
		let connected: () => void = () => {};
		const first = new Promise<void>((r) => (connected = r));
		void (async () => {
			try {
				for (;;) {
					const { value, done } = await reader.read();
					if (done) return;
					buffer += value;
					if (buffer.includes(': connected')) connected();
					let end: number;
					while ((end = buffer.indexOf('\n\n')) >= 0) {
						const frame = buffer.slice(0, end);
						buffer = buffer.slice(end + 2);
						const data = frame.split('\n').find((l) => l.startsWith('data: '));
						if (!frame.includes('event: class.now') || !data) continue;
						const launchId = (JSON.parse(data.slice(6)) as { launchId: string }).launchId;
						const at = performance.now();
						if (!this.#seen.has(launchId)) this.#seen.set(launchId, at);
						this.#waiting.get(launchId)?.(at);
					}
				}
			} catch {
				// closed by close()
			}
		})();
		await first;
	}

	/** When the command of `launchId` arrived (now or later). */
	arrival(launchId: string): Promise<number> {
		const seen = this.#seen.get(launchId);
		if (seen !== undefined) return Promise.resolve(seen);
		return new Promise((resolve) => this.#waiting.set(launchId, resolve));
	}

	close(): void {
		this.#abort.abort();
	}
}

async function command(s: Setup, body: object): Promise<{ launchId: string }> {
	const res = await fetch(`${s.base}/api/classes/${s.classId}/now`, {
		method: 'POST',
		headers: { cookie: s.staffCookie, origin: s.base, 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	if (!res.ok) throw new Error(`The teacher's command failed (${res.status}): ${await res.text()}`);
	return ((await res.json()) as { state: { launchId: string } }).state;
}

/** Launches `rounds` times; returns every tablet's launch → command received time, in ms. */
async function launchTimes(s: Setup, streams: TabletStream[], rounds: number): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < rounds; i++) {
		const start = performance.now();
		const { launchId } = await command(s, { action: 'launch', lessonId: s.lessonId, mode: 'tablets' });
		const arrived = await Promise.all(streams.map((t) => t.arrival(launchId)));
		times.push(...arrived.map((at) => at - start));
		await command(s, { action: 'end' });
	}
	return times;
}

function rssKiB(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export async function launchBenchRows(
	browser: Browser,
	base: string,
	dbPath: string,
	serverPid: number
): Promise<BenchRow[]> {
	const rows: BenchRow[] = [];
	const s = await setUp(base, dbPath);
	try {
		// 30 tablets' live streams.
		const thirty = (await s.tablets(30)).map((c) => new TabletStream(base, c));
		await Promise.all(thirty.map((t) => t.ready));
		await launchTimes(s, thirty, 2); // warm-up
		const sse = await launchTimes(s, thirty, 20);
		thirty.forEach((t) => t.close());
		rows.push({
			name: 'Launch → command received on 30 class tablets (SSE), p95',
			value: round1(percentile(sse, 95)),
			unit: 'ms',
			budget: '≤ 200 ms',
			pass: percentile(sse, 95) <= 200,
			detail: `${sse.length} deliveries, 20 launches`
		});

		// A real tablet page in Chromium: launch → the lesson's first page on screen.
		const { context, page } = await classTablet(browser, CLASS_NAME);
		const shown: number[] = [];
		for (let i = 0; i < 12; i++) {
			const start = performance.now();
			await command(s, { action: 'launch', lessonId: s.lessonId, mode: 'tablets' });
			await page.locator(`section.stage[data-playing=yes][data-step]`).waitFor({ timeout: 30_000 });
			if (i >= 2) shown.push(performance.now() - start); // two warm-ups
			await command(s, { action: 'end' });
			await page.waitForURL(/\/class$/, { timeout: 30_000 });
			await page.locator('[data-ready=yes]').waitFor();
		}
		await context.close();
		rows.push({
			name: 'Launch → lesson’s first page shown on a tablet page (Chromium), p95',
			value: Math.round(percentile(shown, 95)),
			unit: 'ms',
			budget: '≤ 1000 ms',
			pass: percentile(shown, 95) <= 1000,
			detail: `${shown.length} launches`
		});

		// One server holding 1,000 open live connections.
		const cookies = await s.tablets(1000);
		await new Promise((r) => setTimeout(r, 1000));
		const before = rssKiB(serverPid);
		const thousand: TabletStream[] = [];
		for (let i = 0; i < cookies.length; i += 50) {
			const batch = cookies.slice(i, i + 50).map((c) => new TabletStream(base, c));
			await Promise.all(batch.map((t) => t.ready));
			thousand.push(...batch);
		}
		await new Promise((r) => setTimeout(r, 2000));
		const after = rssKiB(serverPid);
		const wide = await launchTimes(s, thousand, 5);
		thousand.forEach((t) => t.close());
		rows.push({
			name: 'Server memory per open live connection (1,000 class streams)',
			value: round1((after - before) / thousand.length),
			unit: 'KiB',
			detail: `RSS ${Math.round(before / 1024)} → ${Math.round(after / 1024)} MiB`
		});
		rows.push({
			name: 'Launch → command received on all 1,000 streams, p95',
			value: Math.round(percentile(wide, 95)),
			unit: 'ms',
			detail: `${wide.length} deliveries, 5 launches; one class of 1,000 tablets`
		});
	} finally {
		await s.close();
	}
	return rows;
}
