/**
 * Changes to the safe-search lists: the two-person rule, validation, published versions, what a
 * tablet fetches, the yearly review and the search-log retention — on SQLite and PostgreSQL.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { AddExceptionForm, AddTermForm } from '../../../src/lib/server/search-admin/proposal-forms';
import { loadSafeSearchLists } from '../../../scripts/lib/safe-search-lists';
import { compileClassifier, type SafeSearchLists } from '../../../src/lib/search';
import { applyChanges, type ListChange } from '../../../src/lib/search/list-changes';
import { verifyAuditChain } from '../../../src/lib/server/audit/audit-log';
import { enrolDevice } from '../../../src/lib/server/auth/devices';
import type { StaffPrincipal } from '../../../src/lib/server/auth/sessions';
import type { DatabaseHandle } from '../../../src/lib/server/db/connect';
import { ingestEvents } from '../../../src/lib/server/events/ingest';
import { createClass } from '../../../src/lib/server/school/classes';
import { currentListRows, listCsv } from '../../../src/lib/server/search-admin/current-list';
import { changesSince, latestVersion } from '../../../src/lib/server/search-admin/list-versions';
import { currentLists } from '../../../src/lib/server/search-admin/school-lists';
import { decide, listProposals, propose } from '../../../src/lib/server/search-admin/proposals';
import { purgeSearchLog } from '../../../src/lib/server/search-admin/retention';
import { markReviewed, reviewStatus } from '../../../src/lib/server/search-admin/review';
import { searchLog, searchLogEntry } from '../../../src/lib/server/search-admin/search-log';
import { plainSiteUrl } from '../../../src/lib/server/search-admin/validate-change';
import { ENGINES, freshDatabase } from '../helpers/databases';
import { testStaff } from '../helpers/staff';

let shipped: SafeSearchLists;
beforeAll(() => {
	shipped = loadSafeSearchLists();
});

const site = (url: string, title = 'Owl Facts'): ListChange => ({
	kind: 'add-site',
	site: {
		url,
		title,
		description: 'Facts about owls for young children.',
		keywords: ['owls', 'birds'],
		ages: ['4-7'],
		subjects: ['animals'],
		embeddable: false,
		reviewed_by: 'Proposer',
		reviewed_on: '2026-11-22'
	}
});

describe('site addresses as staff type them', () => {
	it('become the plain path prefix the list stores', () => {
		expect(plainSiteUrl('www.owl-facts.example/kids')).toEqual({
			ok: true,
			value: 'https://www.owl-facts.example/kids/'
		});
		expect(plainSiteUrl('https://WWW.Owl-Facts.example')).toEqual({
			ok: true,
			value: 'https://www.owl-facts.example/'
		});
	});

	it('are refused with a message saying what to fix', () => {
		const message = (raw: string) => {
			const result = plainSiteUrl(raw);
			return result.ok ? null : result.message;
		};
		expect(message('')).toMatch(/Type the site’s address/u);
		expect(message('http://owl-facts.example/')).toMatch(/must start with https:\/\//u);
		expect(message('https://owl-facts.example/?q=owls')).toMatch(/Leave out the part/u);
		expect(message('https://user@owl-facts.example/')).toMatch(/username/u);
		expect(message('https://192.168.0.1/')).toMatch(/numeric IP/u);
		expect(message('https://owl-facts.example:8080/')).toMatch(/port/u);
		expect(message('https://owl-facts.example/a%2Fb/')).toMatch(/encoded slashes/u);
		expect(message('https://exa mple')).toMatch(/not a web address/u);
	});
});

describe('proposal forms', () => {
	it('refuse words with hidden characters: NUL, bidirectional overrides, zero-width spaces', () => {
		const term = (t: string) => {
			const r = v.safeParse(AddTermForm, { category: 'gambling', term: t, reason: 'seen in class' });
			return r.success ? 'accepted' : r.issues[0].message;
		};
		expect(term('scratch cards')).toBe('accepted');
		for (const hidden of ['\u0000', '\u202e', '\u2066', '\u200b', '\ufeff'])
			expect(term(`scratch${hidden}cards`)).toMatch(/hidden characters/u);
		const reason = v.safeParse(AddExceptionForm, { entry: 'butterscotch', reason: 'ok\u200d' });
		expect(reason.success).toBe(false);
	});
});

describe('laying changes over the lists', () => {
	it('adds and removes sites, terms, phrases and exceptions, leaving the shipped lists alone', () => {
		const before = JSON.stringify(shipped);
		const after = applyChanges(shipped, [
			site('https://owls.example/'),
			{ kind: 'remove-site', url: 'https://www.bbc.co.uk/cbeebies/' },
			{ kind: 'add-term', category: 'gambling', term: 'scratchcard' },
			{ kind: 'add-term', category: 'gambling', term: 'lucky spin wheel' },
			{ kind: 'add-exception', entry: 'scratchcard art' }
		]);
		expect(JSON.stringify(shipped)).toBe(before);
		expect(after.sites.some((s) => s.url === 'https://owls.example/')).toBe(true);
		expect(after.sites.some((s) => s.url === 'https://www.bbc.co.uk/cbeebies/')).toBe(false);
		const gambling = after.terms.categories.find((c) => c.id === 'gambling');
		expect(gambling?.terms).toContain('scratchcard');
		expect(gambling?.phrases).toContain('lucky spin wheel');
		expect(after.exceptions.phrases).toContain('scratchcard art');
		const classify = compileClassifier(after);
		expect(classify('scratchcard').verdict).toBe('block');
		expect(classify('scratchcard art').verdict).toBe('allow');
	});
});

describe.each(ENGINES)('proposals and list versions on %s', (engine) => {
	let h: DatabaseHandle;
	let teacher: StaffPrincipal;
	let dsl: StaffPrincipal;
	let admin: StaffPrincipal;
	let governor: StaffPrincipal;
	let classId: string;

	const person = (role: StaffPrincipal['role'], name: string) => testStaff(h.db, role, name, classId);

	beforeEach(async () => {
		h = await freshDatabase(engine);
		classId = (await createClass(h.db, { name: 'Robins', yearGroup: 'Year 1', picture: 'robin' })).id;
		teacher = await person('teacher', 'Teacher');
		dsl = await person('dsl', 'Dsl');
		admin = await person('admin', 'Admin');
		governor = await person('governor', 'Governor');
	});
	afterEach(async () => {
		await h.close();
	});

	const proposeSite = async (by: StaffPrincipal, url = 'owls.example/kids') => {
		const result = await propose(h.db, shipped, by, { change: site(url), reason: 'Year 1 owl topic' });
		if (!result.ok) throw new Error(result.message);
		return result.id;
	};

	it('never lets the proposer approve their own change; another DSL or admin can', async () => {
		const id = await proposeSite(dsl);
		const own = await decide(h.db, shipped, dsl, { proposalId: id, approve: true, reason: 'fine' });
		expect(own).toEqual({ ok: false, message: expect.stringMatching(/someone else must check it/u) });
		const byTeacher = await decide(h.db, shipped, teacher, { proposalId: id, approve: true, reason: 'ok' });
		expect(byTeacher.ok).toBe(false);
		expect(await latestVersion(h.db)).toBe(0);

		const byAdmin = await decide(h.db, shipped, admin, {
			proposalId: id,
			approve: true,
			reason: 'Checked it'
		});
		expect(byAdmin).toEqual({ ok: true, version: 1 });
		const again = await decide(h.db, shipped, teacher, { proposalId: id, approve: false, reason: 'late' });
		expect(again.ok).toBe(false);
		const twice = await decide(h.db, shipped, dsl, { proposalId: id, approve: false, reason: 'late' });
		expect(twice).toEqual({
			ok: false,
			message: expect.stringMatching(/someone else|already been decided/u)
		});
	});

	it('needs a reason from both people, and keeps governors out', async () => {
		const noReason = await propose(h.db, shipped, teacher, { change: site('owls.example'), reason: '  ' });
		expect(noReason).toEqual({ ok: false, message: expect.stringMatching(/^Say why/u) });
		expect((await propose(h.db, shipped, governor, { change: site('owls.example'), reason: 'x' })).ok).toBe(
			false
		);
		const id = await proposeSite(teacher);
		const silent = await decide(h.db, shipped, dsl, { proposalId: id, approve: true, reason: '' });
		expect(silent.ok).toBe(false);
	});

	it('publishes each approval as the next version, which tablets fetch since their own', async () => {
		const first = await proposeSite(teacher);
		await decide(h.db, shipped, dsl, { proposalId: first, approve: true, reason: 'Good site' });
		const term = await propose(h.db, shipped, teacher, {
			change: { kind: 'add-term', category: 'gambling', term: 'scratchcard' },
			reason: 'Children saw adverts'
		});
		if (!term.ok) throw new Error(term.message);
		const rejected = await proposeSite(teacher, 'owls2.example');
		expect(
			await decide(h.db, shipped, dsl, { proposalId: rejected, approve: false, reason: 'Adverts' })
		).toEqual({
			ok: true,
			version: null
		});
		expect(
			await decide(h.db, shipped, admin, { proposalId: term.id, approve: true, reason: 'Agreed' })
		).toEqual({
			ok: true,
			version: 2
		});

		expect(await latestVersion(h.db)).toBe(2);
		const all = await changesSince(h.db, 0);
		expect(all.map((c) => [c.version, c.change.kind])).toEqual([
			[1, 'add-site'],
			[2, 'add-term']
		]);
		expect((await changesSince(h.db, 1)).map((c) => c.version)).toEqual([2]);
		expect(await changesSince(h.db, 2)).toEqual([]);
		// The approved site records who checked it; the url is in its plain form.
		const added = all[0]?.change;
		expect(added?.kind === 'add-site' && added.site).toMatchObject({
			url: 'https://owls.example/kids/',
			reviewed_by: 'Dsl'
		});
		const lists = await currentLists(h.db, shipped);
		expect(compileClassifier(lists)('scratchcard').verdict).toBe('block');

		const proposals = await listProposals(h.db);
		expect(proposals.map((p) => p.status).sort()).toEqual(['approved', 'approved', 'rejected']);
		expect((await verifyAuditChain(h.db)).ok).toBe(true);
		const actions = await h.db.selectFrom('audit_log').select('action').orderBy('seq').execute();
		expect(actions.map((a) => a.action)).toEqual([
			'search-list.proposed',
			'search-list.approved',
			'search-list.published',
			'search-list.proposed',
			'search-list.proposed',
			'search-list.rejected',
			'search-list.approved',
			'search-list.published'
		]);
	});

	it('validates proposals with messages a person can act on', async () => {
		const message = async (change: ListChange) => {
			const result = await propose(h.db, shipped, teacher, { change, reason: 'because' });
			return result.ok ? 'accepted' : result.message;
		};
		expect(await message(site('https://www.bbc.co.uk/cbeebies/'))).toMatch(/already on the list/u);
		expect(await message(site('https://www.bbc.co.uk/cbeebies/games/'))).toMatch(
			/already allowed by “CBeebies”/u
		);
		expect(
			await message({ kind: 'add-site', site: { ...siteOf(site('owls.example')), title: 'free robux' } })
		).toMatch(/safe search blocks it/u);
		expect(await message({ kind: 'remove-site', url: 'https://not-listed.example/' })).toMatch(
			/not on the list/u
		);
		expect(await message({ kind: 'add-term', category: 'no-such', term: 'x' })).toMatch(
			/Choose one of the categories/u
		);
		expect(await message({ kind: 'add-term', category: 'gambling', term: '!!!' })).toMatch(
			/letters or digits/u
		);
		expect(await message({ kind: 'add-term', category: 'gambling', term: '{who} bets' })).toMatch(
			/without \{ \} braces/u
		);
		expect(await message({ kind: 'add-term', category: 'gambling', term: 'bet365' })).toMatch(
			/already in the category/u
		);
		expect(await message({ kind: 'add-term', category: 'violence', term: 'dinosaurs' })).toMatch(
			/would block the “Dinosaurs” picture button/u
		);
		expect(await message({ kind: 'add-exception', entry: 'a b' })).toMatch(/too short/u);
		expect(await message({ kind: 'add-exception', entry: 'butterscotch' })).toBe('accepted');
		expect(await message({ kind: 'add-exception', entry: 'butterscotch' })).toMatch(/already waiting/u);
	});

	it('re-checks a change when it is approved, since the list may have moved on', async () => {
		const a = await proposeSite(teacher, 'owls.example');
		const b = await proposeSite(dsl, 'owls.example/kids');
		expect((await decide(h.db, shipped, admin, { proposalId: a, approve: true, reason: 'ok' })).ok).toBe(
			true
		);
		const late = await decide(h.db, shipped, admin, { proposalId: b, approve: true, reason: 'ok' });
		expect(late).toEqual({
			ok: false,
			message: expect.stringMatching(/^This change no longer fits the list/u)
		});
	});

	it('lists every entry with who approved it and why, shipped entries as the starter list', async () => {
		const id = await proposeSite(teacher);
		await decide(h.db, shipped, dsl, { proposalId: id, approve: true, reason: 'Checked, no adverts' });
		const rows = await currentListRows(h.db, shipped);
		const owl = rows.find((r) => r.where === 'https://owls.example/kids/');
		expect(owl).toMatchObject({ list: 'Site', approvedBy: 'Dsl (proposed by Teacher)' });
		expect(owl?.why).toBe('Year 1 owl topic — Checked, no adverts');
		expect(rows.find((r) => r.entry === 'CBeebies')?.approvedBy).toBe('Harbour starter list');
		expect(rows.some((r) => r.list === 'Alert word' && r.approvedBy === 'Harbour starter list')).toBe(true);
		const csv = listCsv(rows);
		expect(
			csv.startsWith('\uFEFFList,Category or address,Entry,Details,Approved by,Approved on,Why\r\n')
		).toBe(true);
	});

	it('reminds staff to review the list yearly, and records the review', async () => {
		expect(await reviewStatus(h.db)).toEqual({ lastReviewedAt: null, lastReviewedBy: null, due: true });
		expect((await markReviewed(h.db, teacher)).ok).toBe(false);
		const then = new Date('2026-01-10T09:00:00Z');
		expect((await markReviewed(h.db, dsl, then)).ok).toBe(true);
		expect((await reviewStatus(h.db, new Date('2026-06-01T00:00:00Z'))).due).toBe(false);
		expect(await reviewStatus(h.db, new Date('2027-01-11T00:00:00Z'))).toMatchObject({
			due: true,
			lastReviewedBy: 'Dsl'
		});
		const audit = await h.db.selectFrom('audit_log').select('action').execute();
		expect(audit.map((a) => a.action)).toEqual(['search-list.reviewed']);
	});

	it('shows each member of staff the search log they may see, filtered and paged, and purges old searches', async () => {
		const { device } = await enrolDevice(h.db, classId, 'staff:x');
		const owls = await createClass(h.db, { name: 'Owls', yearGroup: 'Year 2', picture: 'owl' });
		const { device: owlsTablet } = await enrolDevice(h.db, owls.id, 'staff:x');
		const event = (query: string, verdict: string, category: string | null, minutesAgo: number) => ({
			id: crypto.randomUUID(),
			kind: 'search.logged',
			clientTime: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
			payload: { query, verdict, category, resultCount: verdict === 'allow' ? 3 : 0 }
		});
		const tricky = event('"verdict":"block"', 'allow', null, 1);
		await ingestEvents(h.db, device, {
			events: [
				event('dinosaurs', 'allow', null, 5),
				event('bet365', 'block', 'gambling', 4),
				event('free robux', 'block', 'scams', 3),
				tricky
			]
		});
		await ingestEvents(h.db, owlsTablet, { events: [event('space', 'allow', null, 2)] });
		const all = { verdict: null, category: null, page: 1 } as const;

		const everything = await searchLog(h.db, { classId: null }, all);
		// By the server's clock (Owls' tablet sent last), then the tablet's within one delivery.
		expect(everything.rows.map((r) => r.query)).toEqual([
			'space',
			'"verdict":"block"',
			'free robux',
			'bet365',
			'dinosaurs'
		]);
		const robins = await searchLog(h.db, { classId }, all);
		expect(robins.rows.every((r) => r.className === 'Robins')).toBe(true);
		const blocked = await searchLog(h.db, { classId }, { ...all, verdict: 'block' });
		expect(blocked.rows.map((r) => r.query)).toEqual(['free robux', 'bet365']);
		const gambling = await searchLog(h.db, { classId: null }, { ...all, category: 'gambling' });
		expect(gambling.rows.map((r) => r.query)).toEqual(['bet365']);
		expect((await searchLog(h.db, { classId: null }, { ...all, page: 2 })).rows).toEqual([]);
		expect(await searchLogEntry(h.db, { classId: owls.id }, tricky.id)).toBeNull();
		expect((await searchLogEntry(h.db, { classId }, tricky.id))?.verdict).toBe('allow');

		// Nothing is old yet; 100 days on, every search is past a 90-day retention.
		expect(await purgeSearchLog(h.db, 90)).toBe(0);
		const later = new Date(Date.now() + 100 * 86_400_000);
		expect(await purgeSearchLog(h.db, 90, later)).toBe(5);
		expect((await searchLog(h.db, { classId: null }, all)).rows).toEqual([]);
		const audit = await h.db.selectFrom('audit_log').select(['action', 'detail']).execute();
		expect(audit).toEqual([{ action: 'search-log.purged', detail: expect.stringContaining('"count":5') }]);
	});
});

function siteOf(change: ListChange) {
	if (change.kind !== 'add-site') throw new Error('not a site');
	return change.site;
}
