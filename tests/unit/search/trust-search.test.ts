/**
 * A trust-wide safe-search list that schools extend (issue 16), on PostgreSQL with three schools:
 * Oak and Ash in one trust, Elm in another. The trust's admin publishes; both of the trust's
 * schools (their staff lists and their tablets) take the change, Elm does not; each school adds to
 * it and may drop a trust site for itself, but cannot let a trust word through; every publish is in
 * each of the trust's schools' audit chains. A school in no trust (SQLite) behaves as before.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSafeSearchLists } from '../../../scripts/lib/safe-search-lists';
import { compileClassifier, type SafeSearchLists } from '../../../src/lib/search';
import { applyChanges, type ListChange } from '../../../src/lib/search/list-changes';
import { verifyAuditChain } from '../../../src/lib/server/audit/audit-log';
import type { StaffPrincipal } from '../../../src/lib/server/auth/sessions';
import type { DatabaseHandle } from '../../../src/lib/server/db/connect';
import { createClass } from '../../../src/lib/server/school/classes';
import { currentListRows } from '../../../src/lib/server/search-admin/current-list';
import { decide, propose } from '../../../src/lib/server/search-admin/proposals';
import { currentLists, listUpdates } from '../../../src/lib/server/search-admin/school-lists';
import { publishTrustChange } from '../../../src/lib/server/search-admin/trust-publish';
import { FIRST_SCHOOL_ID, withSchool } from '../../../src/lib/server/tenancy/context';
import { addSchool, addTrust } from '../../../src/lib/server/tenancy/schools';
import { freshDatabase } from '../helpers/databases';
import { testStaff } from '../helpers/staff';

let shipped: SafeSearchLists;
beforeAll(() => {
	shipped = loadSafeSearchLists();
});

const OWLS = 'https://owl-club.example/kids/';
const owlSite = (title = 'Owl Club'): ListChange => ({
	kind: 'add-site',
	site: {
		url: OWLS,
		title,
		description: 'Pictures and songs about owls.',
		keywords: ['owlets', 'barn owls'],
		ages: ['4-7'],
		subjects: ['animals'],
		embeddable: false,
		reviewed_by: 'Trust Admin',
		reviewed_on: '2026-11-22'
	}
});
const TRUST_WORD = 'zorbleflap';
const blockWord: ListChange = { kind: 'add-term', category: 'gambling', term: TRUST_WORD };

/** A tablet as list-updates.ts keeps one: the newest version it has, the changes in arrival order. */
class Tablet {
	since = 0;
	changes: ListChange[] = [];
	constructor(
		private readonly h: DatabaseHandle,
		private readonly school: string
	) {}
	async sync(): Promise<void> {
		const { latest, changes } = await withSchool(this.school, () => listUpdates(this.h.db, this.since));
		if (latest < this.since) {
			this.since = 0;
			this.changes = [];
			return this.sync();
		}
		const fresh = changes.filter((c) => c.version > this.since);
		expect(fresh).toEqual(changes); // every change it is sent is newer than what it has
		this.changes.push(...fresh.map((c) => c.change));
		this.since = Math.max(latest, ...fresh.map((c) => c.version));
	}
	lists(): SafeSearchLists {
		return applyChanges(shipped, this.changes);
	}
}

const siteUrls = (lists: SafeSearchLists) => lists.sites.map((s) => s.url).sort();
const verdict = (lists: SafeSearchLists, query: string) => compileClassifier(lists)(query).verdict;

describe('a trust-wide safe-search list on postgres', () => {
	let h: DatabaseHandle;
	const OAK = FIRST_SCHOOL_ID;
	let ash: string;
	let elm: string;
	let trustAdmin: StaffPrincipal;
	const ashStaff: Record<'teacher' | 'dsl', StaffPrincipal> = {} as never;

	const schoolLists = (school: string) => withSchool(school, () => currentLists(h.db, shipped));
	const publish = (change: ListChange, reason = 'Agreed at the trust’s safeguarding meeting') =>
		withSchool(OAK, () => publishTrustChange(h.db, shipped, trustAdmin, { change, reason }));
	/** A change at Ash by its own two-person rule: the teacher proposes, the DSL approves. */
	const ashChange = (change: ListChange) =>
		withSchool(ash, async () => {
			const proposed = await propose(h.db, shipped, ashStaff.teacher, { change, reason: 'For our class' });
			if (!proposed.ok) return proposed;
			return decide(h.db, shipped, ashStaff.dsl, {
				proposalId: proposed.id,
				approve: true,
				reason: 'Checked'
			});
		});

	beforeEach(async () => {
		h = await freshDatabase('postgres');
		const trust = await addTrust(h.db, 'Riverside Learning Trust');
		const other = await addTrust(h.db, 'Hilltop Trust');
		await h.db.updateTable('schools').set({ trust_id: trust }).where('id', '=', OAK).execute();
		ash = (await addSchool(h.db, 'postgres', { slug: 'ash', name: 'Ash Primary', trustId: trust })).id;
		elm = (await addSchool(h.db, 'postgres', { slug: 'elm', name: 'Elm Primary', trustId: other })).id;
		trustAdmin = await withSchool(OAK, async () => {
			const classId = (await createClass(h.db, { name: 'Robins', yearGroup: 'Year 1', picture: 'robin' })).id;
			const staff = await testStaff(h.db, 'governor', 'Trust Admin', classId);
			await h.db.updateTable('staff').set({ trust_role: 'admin' }).where('id', '=', staff.id).execute();
			return { ...staff, trustRole: 'admin' as const };
		});
		await withSchool(ash, async () => {
			const classId = (await createClass(h.db, { name: 'Owls', yearGroup: 'Year 2', picture: 'owl' })).id;
			ashStaff.teacher = await testStaff(h.db, 'teacher', 'Ash Teacher', classId);
			ashStaff.dsl = await testStaff(h.db, 'dsl', 'Ash Dsl', classId);
		});
	});
	afterEach(async () => {
		await h.close();
	});

	it("reaches both of the trust's schools, their staff lists and their tablets, and not another trust's school", async () => {
		// A tablet at Ash that already has Ash's own version 1 (from before the trust published).
		expect(await ashChange({ kind: 'add-term', category: 'gambling', term: 'spinnywheel' })).toMatchObject({
			ok: true,
			version: 1
		});
		const ashTablet = new Tablet(h, ash);
		await ashTablet.sync();
		expect(ashTablet.since).toBe(1); // no trust list yet: the cursor is the school's version, as before

		expect(await publish(blockWord)).toEqual({ ok: true, version: 1, schools: 2 });
		expect(await publish(owlSite())).toEqual({ ok: true, version: 2, schools: 2 });

		for (const school of [OAK, ash]) {
			const lists = await schoolLists(school);
			expect(verdict(lists, TRUST_WORD), school).toBe('block');
			expect(siteUrls(lists), school).toContain(OWLS);
		}
		const elmLists = await schoolLists(elm);
		expect(verdict(elmLists, TRUST_WORD)).toBe('allow');
		expect(siteUrls(elmLists)).not.toContain(OWLS);

		// The tablet that had school version 1 gets the trust's changes on its next sync.
		await ashTablet.sync();
		expect(verdict(ashTablet.lists(), TRUST_WORD)).toBe('block');
		expect(verdict(ashTablet.lists(), 'spinnywheel')).toBe('block');
		expect(siteUrls(ashTablet.lists())).toEqual(siteUrls(await schoolLists(ash)));
		const elmTablet = new Tablet(h, elm);
		await elmTablet.sync();
		expect(elmTablet.changes).toEqual([]);

		// Ash's staff see the trust's entries as the trust's, approved by the trust admin.
		const rows = await withSchool(ash, () => currentListRows(h.db, shipped));
		expect(rows.find((r) => r.entry === TRUST_WORD)).toMatchObject({
			list: 'Blocked word',
			source: 'trust',
			approvedBy: expect.stringMatching(/^Trust list \(approved by Trust Admin/u),
			why: 'Agreed at the trust’s safeguarding meeting'
		});
		expect(rows.find((r) => r.entry === 'spinnywheel')).toMatchObject({ source: 'school' });
		expect(rows.find((r) => r.entry === 'Owl Club')).toMatchObject({ source: 'trust' });
	});

	it('lets a school add its own and drop a trust site for itself, but never let a trust word through', async () => {
		await publish(blockWord);
		await publish(owlSite());
		const ashTablet = new Tablet(h, ash);
		await ashTablet.sync();
		expect(siteUrls(ashTablet.lists())).toContain(OWLS);

		// A school's own word on top of the trust's list.
		expect((await ashChange({ kind: 'add-term', category: 'gambling', term: 'wobblebet' })).ok).toBe(true);
		// A school removes the trust's site for itself: gone at Ash, still at Oak.
		expect((await ashChange({ kind: 'remove-site', url: OWLS })).ok).toBe(true);
		// And cannot excuse the trust's word, not even by the two-person rule.
		const excuse = await ashChange({ kind: 'add-exception', entry: TRUST_WORD });
		expect(excuse).toEqual({
			ok: false,
			message: expect.stringMatching(/trust’s list of words .* Ask the trust’s admin/u)
		});
		// An exception for a longer innocent word that merely contains it is the school's to make.
		expect((await ashChange({ kind: 'add-exception', entry: `${TRUST_WORD}berries` })).ok).toBe(true);

		await ashTablet.sync();
		expect(siteUrls(ashTablet.lists())).not.toContain(OWLS);

		// Later the trust re-describes its site: Ash decided about that address itself, so it stays
		// off, on the server and on the tablet that already laid Ash's removal over the trust's site.
		await publish({ kind: 'remove-site', url: OWLS });
		await publish(owlSite('Owl Club for everyone'));

		const ash1 = await schoolLists(ash);
		expect(verdict(ash1, TRUST_WORD)).toBe('block');
		expect(verdict(ash1, 'wobblebet')).toBe('block');
		expect(verdict(ash1, `${TRUST_WORD}berries`)).toBe('allow');
		expect(siteUrls(ash1)).not.toContain(OWLS);
		const oak = await schoolLists(OAK);
		expect(oak.sites.find((s) => s.url === OWLS)?.title).toBe('Owl Club for everyone');
		expect(verdict(oak, 'wobblebet')).toBe('allow');

		// The tablet, which got the trust's site before Ash removed it, ends with the server's list.
		await ashTablet.sync();
		expect(siteUrls(ashTablet.lists())).toEqual(siteUrls(ash1));
		expect(verdict(ashTablet.lists(), TRUST_WORD)).toBe('block');
		// A new tablet from nothing, too.
		const fresh = new Tablet(h, ash);
		await fresh.sync();
		expect(siteUrls(fresh.lists())).toEqual(siteUrls(ash1));
	});

	it("writes every publish into each of the trust's schools' audit chains, and none into another trust's", async () => {
		await withSchool(ash, () => ashChange({ kind: 'add-term', category: 'gambling', term: 'spinnywheel' }));
		await publish(blockWord, 'Seen in two schools this week');
		for (const school of [OAK, ash]) {
			const rows = await withSchool(school, () =>
				h.db.selectFrom('audit_log').selectAll().where('action', '=', 'search-list.trust-published').execute()
			);
			expect(rows, school).toHaveLength(1);
			expect(JSON.parse(rows[0]!.detail)).toMatchObject({
				change: blockWord,
				reason: 'Seen in two schools this week',
				trust: 'Riverside Learning Trust',
				publishedBy: 'Trust Admin'
			});
			expect(await withSchool(school, () => verifyAuditChain(h.db))).toMatchObject({ ok: true });
		}
		const elmRows = await withSchool(elm, () => h.db.selectFrom('audit_log').select('seq').execute());
		expect(elmRows).toEqual([]);
	});

	it('refuses anyone but the trust admin, a missing reason and a change that does not fit the list', async () => {
		const notAdmin = { ...trustAdmin, trustRole: 'dsl' as const };
		expect(
			await withSchool(OAK, () =>
				publishTrustChange(h.db, shipped, notAdmin, { change: blockWord, reason: 'x' })
			)
		).toEqual({ ok: false, message: expect.stringMatching(/Only the trust’s admin/u) });
		expect(await publish(blockWord, '  ')).toEqual({
			ok: false,
			message: expect.stringMatching(/^Say why/u)
		});
		await publish(blockWord);
		expect(await publish(blockWord)).toEqual({
			ok: false,
			message: expect.stringMatching(/already in the category/u)
		});
		expect(await publish({ kind: 'remove-site', url: 'https://nowhere.example/' })).toMatchObject({
			ok: false
		});
		const noTrust = await withSchool(elm, async () => {
			await h.db.updateTable('schools').set({ trust_id: null }).where('id', '=', elm).execute();
			return publishTrustChange(h.db, shipped, trustAdmin, { change: blockWord, reason: 'x' });
		});
		expect(noTrust).toEqual({ ok: false, message: expect.stringMatching(/not in a trust/u) });
	});

	it('tells a tablet whose version is ahead of the server to start again', async () => {
		await publish(blockWord);
		const tablet = new Tablet(h, ash);
		await tablet.sync();
		tablet.since += 5; // a restored database: the tablet has versions the server does not
		const answer = await withSchool(ash, () => listUpdates(h.db, tablet.since));
		expect(answer.latest).toBeLessThan(tablet.since);
		await tablet.sync();
		expect(verdict(tablet.lists(), TRUST_WORD)).toBe('block');
		expect(tablet.changes).toHaveLength(1);
	});
});

describe('a school in no trust, on sqlite', () => {
	it('gets exactly its own list versions, as before trusts', async () => {
		const h = await freshDatabase('sqlite');
		try {
			const classId = (await createClass(h.db, { name: 'Robins', yearGroup: 'Year 1', picture: 'robin' })).id;
			const teacher = await testStaff(h.db, 'teacher', 'Teacher', classId);
			const dsl = await testStaff(h.db, 'dsl', 'Dsl', classId);
			const proposed = await propose(h.db, shipped, teacher, { change: blockWord, reason: 'seen' });
			if (!proposed.ok) throw new Error(proposed.message);
			await decide(h.db, shipped, dsl, { proposalId: proposed.id, approve: true, reason: 'ok' });
			expect(await listUpdates(h.db, 0)).toEqual({ latest: 1, changes: [{ version: 1, change: blockWord }] });
			expect(await listUpdates(h.db, 1)).toEqual({ latest: 1, changes: [] });
			expect(await listUpdates(h.db, 7)).toEqual({ latest: 1, changes: [] });
			const admin = { ...dsl, trustRole: 'admin' as const };
			expect(
				await publishTrustChange(h.db, shipped, admin, { change: blockWord, reason: 'x' })
			).toMatchObject({
				ok: false,
				message: expect.stringMatching(/not in a trust/u)
			});
		} finally {
			await h.close();
		}
	});
});
