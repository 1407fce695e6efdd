/**
 * The yearly review: the DSL (or an admin) reads the whole list and marks it reviewed. When the
 * last review is more than a year old, or there has never been one, staff screens remind them.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log';
import { newId } from '../auth/tokens';
import type { StaffPrincipal } from '../auth/sessions';
import type { Database } from '../db/schema';
import { canDecide, type Outcome } from './proposals';

export const REVIEW_EVERY_DAYS = 365;

export interface ReviewStatus {
	readonly lastReviewedAt: string | null;
	readonly lastReviewedBy: string | null;
	readonly due: boolean;
}

export async function reviewStatus(db: Kysely<Database>, now = new Date()): Promise<ReviewStatus> {
	const last = await db
		.selectFrom('search_list_reviews as r')
		.innerJoin('staff as s', 's.id', 'r.reviewed_by')
		.select(['r.reviewed_at', 's.display_name'])
		.orderBy('r.reviewed_at', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (!last) return { lastReviewedAt: null, lastReviewedBy: null, due: true };
	const age = now.getTime() - new Date(last.reviewed_at).getTime();
	return {
		lastReviewedAt: last.reviewed_at,
		lastReviewedBy: last.display_name,
		due: age > REVIEW_EVERY_DAYS * 86_400_000
	};
}

export async function markReviewed(
	db: Kysely<Database>,
	staff: StaffPrincipal,
	now = new Date()
): Promise<Outcome<object>> {
	if (!canDecide(staff)) {
		return {
			ok: false,
			message: 'Only the designated safeguarding lead or an admin can mark the list as reviewed.'
		};
	}
	const id = newId();
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('search_list_reviews')
			.values({ id, reviewed_by: staff.id, reviewed_at: now.toISOString() })
			.execute();
		await appendAudit(
			trx,
			{ actor: `staff:${staff.id}`, action: 'search-list.reviewed', target: `search-review:${id}` },
			now
		);
	});
	return { ok: true };
}
