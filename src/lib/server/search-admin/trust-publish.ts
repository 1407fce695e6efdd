/**
 * A trust's admin publishes a change to the trust's safe-search list: checked against the trust's
 * list as it stands (shipped lists plus the trust's changes), stored as the trust's next version
 * with who, when and why, and appended to the audit chain of EVERY school of the trust in the
 * same transaction, since each school's chain must show what changed its children's search.
 * Tablets pick the change up with their school's own changes (school-lists.ts).
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { SafeSearchLists } from '$lib/search';
import { applyChanges } from '$lib/search/list-changes';
import { appendAudit } from '../audit/audit-log';
import type { StaffPrincipal } from '../auth/sessions';
import type { Database } from '../db/schema';
import { currentSchool } from '../tenancy/context';
import { asSchoolWithin } from '../tenancy/in-transaction';
import { trustOfSchool, type Trust } from '../tenancy/trust';
import type { ProposalInput } from './proposal-forms';
import { checkReason, stampReview, type Outcome } from './proposals';
import { trustEntries, type TrustEntry } from './trust-list';
import { validateChange } from './validate-change';

/** The trust of the school in scope, its list and its history, for the trust's list screen. */
export interface TrustList {
	readonly trust: Trust;
	readonly lists: SafeSearchLists;
	/** Every published version, oldest first. */
	readonly entries: readonly TrustEntry[];
}

export async function trustList(db: Kysely<Database>, shipped: SafeSearchLists): Promise<TrustList | null> {
	const trust = await trustOfSchool(db, currentSchool());
	if (trust === null) return null;
	const entries = await trustEntries(db, trust.id);
	return {
		trust,
		entries,
		lists: applyChanges(
			shipped,
			entries.map((e) => e.change)
		)
	};
}

export async function publishTrustChange(
	db: Kysely<Database>,
	shipped: SafeSearchLists,
	staff: StaffPrincipal,
	input: ProposalInput,
	now = new Date()
): Promise<Outcome<{ version: number; schools: number }>> {
	if (staff.trustRole !== 'admin')
		return { ok: false, message: 'Only the trust’s admin can change the trust’s safe-search list.' };
	const current = await trustList(db, shipped);
	if (current === null)
		return { ok: false, message: 'This school is not in a trust, so there is no trust list to change.' };
	const reasonProblem = checkReason(input.reason, 'why every school’s list should change');
	if (reasonProblem !== null) return { ok: false, message: reasonProblem };
	const checked = validateChange(current.lists, input.change);
	if (!checked.ok) return checked;
	const change = stampReview(checked.value, staff, now);
	const reason = input.reason.trim();
	const { trust } = current;

	const version = await db.transaction().execute(async (trx) => {
		// Several app servers may publish for the same trust at once: they take turns.
		if (trx.getExecutor().adapter instanceof PostgresAdapter)
			await sql`select pg_advisory_xact_lock(4242016, hashtext(${trust.id}))`.execute(trx);
		const latest = await trx
			.selectFrom('trust_search_versions')
			.select((eb) => eb.fn.max('version').as('latest'))
			.where('trust_id', '=', trust.id)
			.executeTakeFirst();
		const version = Number(latest?.latest ?? 0) + 1;
		await trx
			.insertInto('trust_search_versions')
			.values({
				trust_id: trust.id,
				version,
				change: JSON.stringify(change),
				reason,
				published_by: staff.id,
				published_by_name: staff.displayName,
				published_from: currentSchool(),
				published_at: now.toISOString()
			})
			.execute();
		const entry = {
			actor: `staff:${staff.id}`,
			action: 'search-list.trust-published',
			target: `trust-search-list:${trust.id}:${version}`,
			detail: {
				change,
				reason,
				trust: trust.name,
				publishedBy: staff.displayName,
				publishedFrom: currentSchool()
			}
		};
		for (const school of trust.schools)
			await asSchoolWithin(trx, school.id, () => appendAudit(trx, entry, now));
		return version;
	});
	return { ok: true, version, schools: trust.schools.length };
}
