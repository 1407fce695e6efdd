/**
 * The class's "lesson now" on SQLite and PostgreSQL: launch, lead from the board, pause, resume
 * and end, each audited and published on the class's own topic; tablets report their step and
 * vote only in their own class's running launch. On PostgreSQL, two LiveHubs stand for two app
 * servers: a launch made on one reaches a tablet's subscription on the other.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { compileLessons } from '../../../tooling/compile-lessons';
import { createClass } from '../../../src/lib/server/school/classes';
import { enrolDevice } from '../../../src/lib/server/auth/devices';
import type { DatabaseHandle } from '../../../src/lib/server/db/connect';
import { classTopic, LiveHub } from '../../../src/lib/server/live/live-hub';
import {
	classNow,
	endLesson,
	LaunchError,
	launchLesson,
	moveBoard,
	pauseLesson,
	resumeLesson,
	type LaunchContext
} from '../../../src/lib/server/classroom/launches';
import { castVote, reportTablet, tabletsOn, voteSplit } from '../../../src/lib/server/classroom/tablets';
import { launchView } from '../../../src/lib/server/classroom/launch-view';
import type { ClassNowEvent } from '../../../src/lib/classroom/class-now';
import { classCoverage, coverageCsv, taughtSince } from '../../../src/lib/server/classroom/coverage';
import { summaryOf } from '../../../tooling/compile-lessons';
import { ENGINES, freshDatabase, until } from '../helpers/databases';

const programme = compileLessons(process.cwd());
const lessons = async (id: string) => programme.lessons.find((l) => l.id === id) ?? null;
const LESSON = 'asking-before-we-tap';

const refused = async (p: Promise<unknown>, status: number) => {
	const e = await p.then(
		() => null,
		(x: unknown) => x
	);
	expect(e).toBeInstanceOf(LaunchError);
	expect((e as LaunchError).status).toBe(status);
};

describe.each(ENGINES)('class launches on %s', (engine) => {
	let h: DatabaseHandle;
	let live: LiveHub;
	let ctx: LaunchContext;
	beforeEach(async () => {
		h = await freshDatabase(engine);
		live = new LiveHub();
		ctx = { db: h.db, live, lessons };
	});
	afterEach(async () => {
		await live.close();
		await h.close();
	});

	it('launches, leads from the board, pauses, resumes and ends: audited, versioned, published to the class only', async () => {
		const robins = await createClass(h.db, { name: 'Robins', yearGroup: 'Reception', picture: 'robin' });
		const owls = await createClass(h.db, { name: 'Owls', yearGroup: 'Reception', picture: 'owl' });
		const heard: ClassNowEvent[] = [];
		const heardByOwls: ClassNowEvent[] = [];
		live.subscribeTo<ClassNowEvent>(classTopic(robins.id), (e) => heard.push(e));
		live.subscribeTo<ClassNowEvent>(classTopic(owls.id), (e) => heardByOwls.push(e));
		const staffAlerts: unknown[] = [];
		live.subscribe((e) => staffAlerts.push(e));

		await refused(
			launchLesson(ctx, { classId: robins.id, lessonId: 'no-such-lesson', mode: 'tablets', staffId: 't1' }),
			404
		);
		const launched = await launchLesson(ctx, {
			classId: robins.id,
			lessonId: LESSON,
			mode: 'board',
			staffId: 't1'
		});
		expect(launched).toMatchObject({
			lessonId: LESSON,
			mode: 'board',
			paused: false,
			ended: false,
			version: 1
		});
		expect(launched.position).toEqual({ step: 0, scenes: [], finished: false });
		expect(heard.at(-1)?.state.launchId).toBe(launched.launchId);

		// The board moves to the scenario: its start scene is filled in.
		const moved = await moveBoard(ctx, {
			classId: robins.id,
			staffId: 't1',
			launchId: launched.launchId,
			position: { step: 2, scenes: [], finished: false }
		});
		expect(moved.position).toEqual({ step: 2, scenes: ['next-video'], finished: false });
		expect(moved.version).toBe(2);
		// Not a real step, not a real scene, not this launch: refused, nothing changes.
		await refused(
			moveBoard(ctx, {
				classId: robins.id,
				staffId: 't1',
				launchId: launched.launchId,
				position: { step: 99, scenes: [], finished: false }
			}),
			400
		);
		await refused(
			moveBoard(ctx, {
				classId: robins.id,
				staffId: 't1',
				launchId: launched.launchId,
				position: { step: 2, scenes: ['next-video', 'nowhere'], finished: false }
			}),
			400
		);
		await refused(
			moveBoard(ctx, {
				classId: robins.id,
				staffId: 't1',
				launchId: 'old',
				position: { step: 1, scenes: [], finished: false }
			}),
			409
		);
		expect((await classNow(h.db, robins.id))?.version).toBe(2);

		expect((await pauseLesson(ctx, robins.id, 't1')).paused).toBe(true);
		expect((await resumeLesson(ctx, robins.id, 't1')).paused).toBe(false);
		const ended = await endLesson(ctx, robins.id, 't1');
		expect(ended).toMatchObject({ ended: true, version: 5 });
		await refused(pauseLesson(ctx, robins.id, 't1'), 409);

		await until(() => heard.length === 5);
		expect(heard.map((e) => e.state.version)).toEqual([1, 2, 3, 4, 5]);
		expect(heardByOwls).toEqual([]);
		expect(staffAlerts).toEqual([]);

		const audit = await h.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
		expect(audit.map((r) => r.action)).toEqual([
			'lesson.launched',
			'lesson.moved',
			'lesson.paused',
			'lesson.resumed',
			'lesson.ended'
		]);
		expect(audit[0]).toMatchObject({ actor: 'staff:t1', target: `class:${robins.id}` });
		expect(JSON.parse(audit[0]!.detail!)).toEqual({
			launch: launched.launchId,
			lesson: LESSON,
			mode: 'board'
		});
		const history = await h.db.selectFrom('class_launches').selectAll().execute();
		expect(history).toHaveLength(1);
		expect(history[0]).toMatchObject({ lesson_id: LESSON, mode: 'board', launched_by: 't1', ended_by: 't1' });
	});

	it('counts tablets per step and splits the votes, for the class’s own running launch only', async () => {
		const robins = await createClass(h.db, { name: 'Robins', yearGroup: 'Reception', picture: 'robin' });
		const owls = await createClass(h.db, { name: 'Owls', yearGroup: 'Reception', picture: 'owl' });
		const a = (await enrolDevice(h.db, robins.id, 'staff:x')).device;
		const b = (await enrolDevice(h.db, robins.id, 'staff:x')).device;
		const stranger = (await enrolDevice(h.db, owls.id, 'staff:x')).device;
		const first = await launchLesson(ctx, {
			classId: robins.id,
			lessonId: LESSON,
			mode: 'board',
			staffId: 't1'
		});
		await moveBoard(ctx, {
			classId: robins.id,
			staffId: 't1',
			launchId: first.launchId,
			position: { step: 2, scenes: ['next-video'], finished: false }
		});

		await reportTablet(ctx, a, { launchId: first.launchId, step: 2, finished: false });
		await reportTablet(ctx, b, { launchId: first.launchId, step: 1, finished: false });
		await refused(reportTablet(ctx, stranger, { launchId: first.launchId, step: 2, finished: false }), 409);
		await refused(reportTablet(ctx, a, { launchId: first.launchId, step: 50, finished: false }), 400);
		const on = await tabletsOn(h.db, first.launchId, 8);
		expect(on.total).toBe(2);
		expect(on.byStep.slice(0, 3)).toEqual([0, 1, 1]);

		const vote = { launchId: first.launchId, step: 2, scene: 'next-video' };
		await castVote(ctx, a, { ...vote, choice: 0 });
		await castVote(ctx, b, { ...vote, choice: 2 });
		await castVote(ctx, b, { ...vote, choice: 0 }); // changed their mind: still one vote
		await refused(castVote(ctx, stranger, { ...vote, choice: 1 }), 409);
		await refused(castVote(ctx, a, { ...vote, choice: 7 }), 400);
		await refused(castVote(ctx, a, { ...vote, scene: 'asks-nana', choice: 0 }), 409);
		expect(await voteSplit(h.db, first.launchId, '2:next-video', 3)).toEqual([2, 0, 0]);
		const view = await launchView(ctx, robins.id);
		expect(view.split).toMatchObject({
			key: '2:next-video',
			counts: [2, 0, 0],
			labels: ['Ask Nana', 'Keep watching', 'Play with Biscuit']
		});

		// A new launch replaces the old: the old one's reports are refused and it is ended in the history.
		const second = await launchLesson(ctx, {
			classId: robins.id,
			lessonId: LESSON,
			mode: 'tablets',
			staffId: 't2'
		});
		await refused(reportTablet(ctx, a, { launchId: first.launchId, step: 2, finished: false }), 409);
		await refused(castVote(ctx, a, { launchId: second.launchId, step: 0, scene: 'x', choice: 0 }), 409);
		const old = await h.db
			.selectFrom('class_launches')
			.selectAll()
			.where('id', '=', first.launchId)
			.executeTakeFirstOrThrow();
		expect(old.ended_by).toBe('t2');
		expect((await classNow(h.db, robins.id))?.version).toBe(3);
	});
});

describe.each(ENGINES)('coverage on %s', (engine) => {
	let h: DatabaseHandle;
	let live: LiveHub;
	beforeEach(async () => {
		h = await freshDatabase(engine);
		live = new LiveHub();
	});
	afterEach(async () => {
		await live.close();
		await h.close();
	});

	it('counts a lesson taught once most of the tablets that joined finished it, and marks strands not yet met', async () => {
		const ctx = { db: h.db, live, lessons };
		const robins = await createClass(h.db, { name: 'Robins', yearGroup: 'Reception', picture: 'robin' });
		const [a, b, c] = await Promise.all(
			[1, 2, 3].map(async () => (await enrolDevice(h.db, robins.id, 'staff:x')).device)
		);
		const since = new Date(Date.now() - 86_400_000);
		const catalogue = programme.lessons.map(summaryOf);
		const lesson = programme.lessons.find((l) => l.id === LESSON)!;

		const first = await launchLesson(ctx, {
			classId: robins.id,
			lessonId: LESSON,
			mode: 'tablets',
			staffId: 't1'
		});
		await reportTablet(ctx, a!, { launchId: first.launchId, step: 1, finished: true });
		await reportTablet(ctx, b!, { launchId: first.launchId, step: 1, finished: false });
		await endLesson(ctx, robins.id, 't1');
		// One of two finished: not "most", so not taught yet.
		expect((await taughtSince(h.db, since)).size).toBe(0);

		const second = await launchLesson(ctx, {
			classId: robins.id,
			lessonId: LESSON,
			mode: 'tablets',
			staffId: 't1'
		});
		for (const d of [a!, b!])
			await reportTablet(ctx, d, { launchId: second.launchId, step: 1, finished: true });
		await reportTablet(ctx, c!, { launchId: second.launchId, step: 1, finished: false });
		await endLesson(ctx, robins.id, 't1');
		const taught = await taughtSince(h.db, since);
		expect([...taught.keys()]).toEqual([`${robins.id} ${LESSON}`]);

		const [cov] = classCoverage([robins], programme.curriculum, catalogue, taught);
		for (const s of cov!.strands) {
			const taughtHere = s.lessons.some((l) => l.id === LESSON);
			expect(s.met, s.id).toBe(taughtHere && lesson.strands.includes(s.id));
		}
		expect(cov!.strands.some((s) => !s.met)).toBe(true);
		expect(coverageCsv([cov!])).toContain(lesson.title);
		// Launches before the school year began do not count.
		expect((await taughtSince(h.db, new Date(Date.now() + 60_000))).size).toBe(0);
	});
});

describe('a launch across two app servers (PostgreSQL LISTEN/NOTIFY)', () => {
	let h: DatabaseHandle;
	const hubs: LiveHub[] = [];
	afterEach(async () => {
		await Promise.all(hubs.splice(0).map((x) => x.close()));
		await h.close();
	});

	it('a launch made on server A reaches a tablet connected to server B, on its class topic only', async () => {
		h = await freshDatabase('postgres');
		const url = inject('postgresUrl');
		const a = new LiveHub();
		const b = new LiveHub();
		hubs.push(a, b);
		await a.bridgeToPostgres(url);
		await b.bridgeToPostgres(url);
		const robins = await createClass(h.db, { name: 'Robins', yearGroup: 'Reception', picture: 'robin' });
		const owls = await createClass(h.db, { name: 'Owls', yearGroup: 'Reception', picture: 'owl' });
		const onB: ClassNowEvent[] = [];
		const owlsOnB: ClassNowEvent[] = [];
		const staffOnB: unknown[] = [];
		b.subscribeTo<ClassNowEvent>(classTopic(robins.id), (e) => onB.push(e));
		b.subscribeTo<ClassNowEvent>(classTopic(owls.id), (e) => owlsOnB.push(e));
		b.subscribe((e) => staffOnB.push(e));

		const state = await launchLesson(
			{ db: h.db, live: a, lessons },
			{ classId: robins.id, lessonId: LESSON, mode: 'tablets', staffId: 't1' }
		);
		await until(() => onB.length > 0);
		expect(onB[0]).toEqual({ type: 'class.now', state });
		// Staff alerts still flow on their own topic, through the same channel.
		await a.publish({ type: 'incident.new', incident: { id: 'i1' } as never });
		await until(() => staffOnB.length > 0);
		expect(owlsOnB).toEqual([]);
		expect(onB).toHaveLength(1);
	});
});
