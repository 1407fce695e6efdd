/**
 * "This should have been caught" and the training export (issue 12, item 6), on SQLite and
 * PostgreSQL: only the DSL and admins mark an allowed search, the mark is audited without the
 * child's words, listed, exported in the training corpus's format with the approved exceptions,
 * and goes with its search at the end of the retention period.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSafeSearchLists } from '../../../scripts/lib/safe-search-lists';
import { parseCorpusFile } from '../../../src/lib/search/model/corpus';
import type { SafeSearchLists } from '../../../src/lib/search';
import { verifyAuditChain } from '../../../src/lib/server/audit/audit-log';
import { enrolDevice } from '../../../src/lib/server/auth/devices';
import type { StaffPrincipal } from '../../../src/lib/server/auth/sessions';
import type { DatabaseHandle } from '../../../src/lib/server/db/connect';
import { ingestEvents } from '../../../src/lib/server/events/ingest';
import { createClass } from '../../../src/lib/server/school/classes';
import {
	listMissed,
	markMissed,
	markedSearchIds,
	trainingExport,
	trainingLine
} from '../../../src/lib/server/search-admin/missed';
import { decide, propose } from '../../../src/lib/server/search-admin/proposals';
import { purgeSearchLog } from '../../../src/lib/server/search-admin/retention';
import { ENGINES, freshDatabase } from '../helpers/databases';
import { testStaff } from '../helpers/staff';

let shipped: SafeSearchLists;
beforeAll(() => {
	shipped = loadSafeSearchLists();
});

describe('a query as a training line', () => {
	it('cannot become a template, a comment or two lines', () => {
		expect(trainingLine('  Where  to get {weed|x} #now\nplease ')).toBe('where to get weed x now please');
		expect(trainingLine('a\u202Eb\u0000c')).toBe('a b c');
	});
});

describe.each(ENGINES)('should have been caught on %s', (engine) => {
	let h: DatabaseHandle;
	let teacher: StaffPrincipal;
	let dsl: StaffPrincipal;
	let admin: StaffPrincipal;
	let classId: string;
	const ids: Record<string, string> = {};

	const person = (role: StaffPrincipal['role'], name: string) => testStaff(h.db, role, name, classId);

	beforeEach(async () => {
		h = await freshDatabase(engine);
		classId = (await createClass(h.db, { name: 'Robins', yearGroup: 'Year 1', picture: 'robin' })).id;
		teacher = await person('teacher', 'Teacher');
		dsl = await person('dsl', 'Dsl');
		admin = await person('admin', 'Admin');
		const { device } = await enrolDevice(h.db, classId, 'staff:x');
		const events = [
			['where 2 get a henny {cheap}', 'allow'],
			['nobody picks me up', 'allow'],
			['bet365', 'block'],
			['dinosaurs', 'allow']
		].map(([query, verdict]) => ({
			id: crypto.randomUUID(),
			kind: 'search.logged',
			clientTime: new Date().toISOString(),
			payload: { query, verdict, category: verdict === 'block' ? 'gambling' : null, resultCount: 0 }
		}));
		for (const e of events) ids[e.payload.query as string] = e.id;
		await ingestEvents(h.db, device, { events });
	});
	afterEach(async () => {
		await h.close();
	});

	it('lets the DSL and admins mark an allowed search once, audited without the words', async () => {
		const henny = ids['where 2 get a henny {cheap}'] as string;
		const nobody = ids['nobody picks me up'] as string;
		expect(
			await markMissed(h.db, shipped, teacher, { searchId: henny, category: 'drugs-and-substance-abuse' })
		).toEqual({ ok: false, message: expect.stringMatching(/safeguarding lead or an admin/u) });
		expect(await markMissed(h.db, shipped, dsl, { searchId: henny, category: 'homework' })).toEqual({
			ok: false,
			message: expect.stringMatching(/Choose the category/u)
		});
		expect(
			await markMissed(h.db, shipped, dsl, { searchId: ids['bet365'] as string, category: 'gambling' })
		).toEqual({ ok: false, message: expect.stringMatching(/already stopped/u) });
		expect(
			await markMissed(h.db, shipped, dsl, { searchId: 'no-such-search', category: 'gambling' })
		).toEqual({ ok: false, message: expect.stringMatching(/no longer in the log/u) });

		expect(
			await markMissed(h.db, shipped, dsl, { searchId: henny, category: 'drugs-and-substance-abuse' })
		).toEqual({ ok: true });
		expect(await markMissed(h.db, shipped, admin, { searchId: nobody, category: 'disclosure' })).toEqual({
			ok: true
		});
		expect(await markMissed(h.db, shipped, admin, { searchId: henny, category: 'scams' })).toEqual({
			ok: false,
			message: expect.stringMatching(/already marked/u)
		});

		const listed = await listMissed(h.db);
		expect(listed.map((m) => [m.query, m.label, m.markedBy])).toEqual(
			expect.arrayContaining([
				['where 2 get a henny {cheap}', 'block-drugs-and-substance-abuse', 'Dsl'],
				['nobody picks me up', 'alert-disclosure', 'Admin']
			])
		);
		expect(listed).toHaveLength(2);
		expect(await markedSearchIds(h.db, [henny, ids['dinosaurs'] as string])).toEqual(new Set([henny]));

		const audit = await h.db.selectFrom('audit_log').select(['action', 'target', 'detail']).execute();
		expect(audit.map((a) => a.action)).toEqual([
			'search-log.should-have-been-caught',
			'search-log.should-have-been-caught'
		]);
		expect(audit[0]?.target).toBe(`search:${henny}`);
		expect(audit.map((a) => a.detail).join(' ')).not.toMatch(/henny|picks me up/u);
		expect(await verifyAuditChain(h.db)).toEqual({ ok: true, rows: 2 });
	});

	it('exports the marks and the approved exceptions as training sections, and purges marks with their search', async () => {
		const henny = ids['where 2 get a henny {cheap}'] as string;
		await markMissed(h.db, shipped, dsl, { searchId: henny, category: 'drugs-and-substance-abuse' });
		await markMissed(h.db, shipped, dsl, {
			searchId: ids['nobody picks me up'] as string,
			category: 'disclosure'
		});
		const proposed = await propose(h.db, shipped, teacher, {
			change: { kind: 'add-exception', entry: 'butterscotch' },
			reason: 'Wrongly blocked: Robins searched for butterscotch.'
		});
		if (!proposed.ok) throw new Error(proposed.message);
		const pending = await propose(h.db, shipped, teacher, {
			change: { kind: 'add-exception', entry: 'scratchcard art' },
			reason: 'Art lesson'
		});
		expect(pending.ok).toBe(true);
		expect(
			await decide(h.db, shipped, dsl, { proposalId: proposed.id, approve: true, reason: 'Innocent' })
		).toEqual({ ok: true, version: 1 });

		const text = await trainingExport(h.db);
		const sections = new Map<string, string[]>();
		let label = '';
		for (const line of text.split('\n')) {
			const heading = /^# ([a-z-]+)$/u.exec(line);
			if (heading) label = heading[1] ?? '';
			else if (line !== '' && !line.startsWith('#'))
				sections.set(label, [...(sections.get(label) ?? []), line]);
		}
		expect(Object.fromEntries(sections)).toEqual({
			'alert-disclosure': ['nobody picks me up'],
			'allow-traps': ['butterscotch'],
			'block-drugs-and-substance-abuse': ['where 2 get a henny cheap']
		});
		// Each line reads back as itself in the corpus format (no template, no comment).
		expect(parseCorpusFile(text, true).map((l) => l.query)).toEqual([
			'nobody picks me up',
			'butterscotch',
			'where 2 get a henny cheap'
		]);

		await purgeSearchLog(h.db, 90, new Date(Date.now() + 100 * 86_400_000));
		expect(await listMissed(h.db)).toEqual([]);
		expect(await trainingExport(h.db)).not.toMatch(/henny|picks me up/u);
	});
});
