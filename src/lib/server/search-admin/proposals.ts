/**
 * Changes to the safe-search lists are "checked and assessed prior to being released": a
 * teacher, the DSL or an admin proposes one with a reason; the DSL or an admin who did NOT
 * propose it approves or rejects it with a reason. Approval publishes a new list version that
 * tablets fetch on their next sync. Every step is in the audit log.
 */
import type { Kysely } from 'kysely';
import type { SafeSearchLists } from '$lib/search';
import type { ListChange } from '$lib/search/list-changes';
import { appendAudit } from '../audit/audit-log';
import { newId } from '../auth/tokens';
import type { StaffPrincipal } from '../auth/sessions';
import type { Database, SearchProposalTable } from '../db/schema';
import { parseChange, publishChange } from './list-versions';
import { schoolLists } from './school-lists';
import { validateSchoolChange } from './validate-change';

export type Outcome<T> = ({ ok: true } & T) | { ok: false; message: string };

export const MAX_REASON = 500;

/** Who may decide: the DSL and admins (never governors, never teachers). */
export function canDecide(staff: Pick<StaffPrincipal, 'role'>): boolean {
	return staff.role === 'dsl' || staff.role === 'admin';
}

export function canPropose(staff: Pick<StaffPrincipal, 'role'>): boolean {
	return staff.role !== 'governor';
}

export function checkReason(reason: string, what: string): string | null {
	const trimmed = reason.trim();
	if (trimmed === '') return `Say ${what}: the next person to check the list will want to know.`;
	if (trimmed.length > MAX_REASON) return `Keep the reason to ${MAX_REASON} characters.`;
	return null;
}

export async function propose(
	db: Kysely<Database>,
	shipped: SafeSearchLists,
	staff: StaffPrincipal,
	input: { change: ListChange; reason: string },
	now = new Date()
): Promise<Outcome<{ id: string }>> {
	if (!canPropose(staff)) return { ok: false, message: 'Governors cannot propose changes to the list.' };
	const reasonProblem = checkReason(input.reason, 'why the list should change');
	if (reasonProblem !== null) return { ok: false, message: reasonProblem };
	const checked = await checkForSchool(db, shipped, input.change);
	if (!checked.ok) return checked;
	const change = JSON.stringify(checked.value);
	const waiting = await db
		.selectFrom('search_proposals')
		.select('id')
		.where('status', '=', 'pending')
		.where('change', '=', change)
		.executeTakeFirst();
	if (waiting) return { ok: false, message: 'The same change is already waiting for a decision.' };
	const id = newId();
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('search_proposals')
			.values({
				id,
				kind: checked.value.kind,
				change,
				reason: input.reason.trim(),
				proposed_by: staff.id,
				proposed_at: now.toISOString(),
				status: 'pending',
				decided_by: null,
				decided_at: null,
				decision_reason: null
			})
			.execute();
		await appendAudit(
			trx,
			{
				actor: `staff:${staff.id}`,
				action: 'search-list.proposed',
				target: `search-proposal:${id}`,
				detail: { change: checked.value, reason: input.reason.trim() }
			},
			now
		);
	});
	return { ok: true, id };
}

/** The change checked against the school's lists as they stand (its trust's words included). */
async function checkForSchool(db: Kysely<Database>, shipped: SafeSearchLists, change: ListChange) {
	const { lists, trust } = await schoolLists(db, shipped);
	return validateSchoolChange(
		lists,
		trust.map((t) => t.change),
		change
	);
}

export interface DecisionInput {
	proposalId: string;
	approve: boolean;
	reason: string;
}

/** The second person's decision. The proposer can never decide their own proposal. */
export async function decide(
	db: Kysely<Database>,
	shipped: SafeSearchLists,
	staff: StaffPrincipal,
	input: DecisionInput,
	now = new Date()
): Promise<Outcome<{ version: number | null }>> {
	if (!canDecide(staff)) {
		return {
			ok: false,
			message: 'Only the designated safeguarding lead or an admin can approve or reject changes.'
		};
	}
	const proposal = await db
		.selectFrom('search_proposals')
		.selectAll()
		.where('id', '=', input.proposalId)
		.executeTakeFirst();
	if (!proposal) return { ok: false, message: 'That proposal no longer exists.' };
	if (proposal.proposed_by === staff.id) {
		return {
			ok: false,
			message: 'You proposed this change, so someone else must check it: ask the DSL or another admin.'
		};
	}
	if (proposal.status !== 'pending') return { ok: false, message: 'This proposal has already been decided.' };
	const reasonProblem = checkReason(
		input.reason,
		input.approve ? 'why it is safe to approve' : 'why it is rejected'
	);
	if (reasonProblem !== null) return { ok: false, message: reasonProblem };

	let change = parseChange(proposal.change);
	if (input.approve) {
		const checked = await checkForSchool(db, shipped, change);
		if (!checked.ok) return { ok: false, message: `This change no longer fits the list: ${checked.message}` };
		change = stampReview(checked.value, staff, now);
	}
	return db.transaction().execute(async (trx) => {
		const updated = await trx
			.updateTable('search_proposals')
			.set({
				status: input.approve ? 'approved' : 'rejected',
				decided_by: staff.id,
				decided_at: now.toISOString(),
				decision_reason: input.reason.trim(),
				change: JSON.stringify(change)
			})
			.where('id', '=', proposal.id)
			.where('status', '=', 'pending')
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) !== 1) {
			return { ok: false as const, message: 'This proposal has already been decided.' };
		}
		const actor = `staff:${staff.id}`;
		const target = `search-proposal:${proposal.id}`;
		const detail = { reason: input.reason.trim(), proposedBy: `staff:${proposal.proposed_by}` };
		if (!input.approve) {
			await appendAudit(trx, { actor, action: 'search-list.rejected', target, detail }, now);
			return { ok: true as const, version: null };
		}
		await appendAudit(trx, { actor, action: 'search-list.approved', target, detail }, now);
		const version = await publishChange(trx, { proposalId: proposal.id, change, staffId: staff.id, now });
		await appendAudit(
			trx,
			{ actor, action: 'search-list.published', target: `search-list:${version}`, detail: { change } },
			now
		);
		return { ok: true as const, version };
	});
}

/** An approved site records who checked it and when, as the shipped sites do. */
export function stampReview(
	change: ListChange,
	staff: Pick<StaffPrincipal, 'displayName'>,
	now: Date
): ListChange {
	if (change.kind !== 'add-site') return change;
	return {
		...change,
		site: { ...change.site, reviewed_by: staff.displayName, reviewed_on: now.toISOString().slice(0, 10) }
	};
}

export interface ProposalView {
	readonly id: string;
	readonly change: ListChange;
	readonly reason: string;
	readonly proposedBy: string;
	readonly proposedById: string;
	readonly proposedAt: string;
	readonly status: SearchProposalTable['status'];
	readonly decidedBy: string | null;
	readonly decidedAt: string | null;
	readonly decisionReason: string | null;
}

/** Waiting proposals first (oldest first), then the most recent decisions. */
export async function listProposals(db: Kysely<Database>, decidedLimit = 30): Promise<ProposalView[]> {
	const base = db
		.selectFrom('search_proposals as p')
		.innerJoin('staff as proposer', 'proposer.id', 'p.proposed_by')
		.leftJoin('staff as decider', 'decider.id', 'p.decided_by')
		.select([
			'p.id',
			'p.change',
			'p.reason',
			'p.proposed_by',
			'p.proposed_at',
			'p.status',
			'p.decided_at',
			'p.decision_reason',
			'proposer.display_name as proposer',
			'decider.display_name as decider'
		]);
	const waiting = await base.where('p.status', '=', 'pending').orderBy('p.proposed_at').execute();
	const decided = await base
		.where('p.status', '!=', 'pending')
		.orderBy('p.decided_at', 'desc')
		.limit(decidedLimit)
		.execute();
	return [...waiting, ...decided].map((row) => ({
		id: row.id,
		change: parseChange(row.change),
		reason: row.reason,
		proposedBy: row.proposer,
		proposedById: row.proposed_by,
		proposedAt: row.proposed_at,
		status: row.status,
		decidedBy: row.decider,
		decidedAt: row.decided_at,
		decisionReason: row.decision_reason
	}));
}
