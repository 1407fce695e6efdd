/**
 * The escalation chain: who is told of a new concern, and when, while nobody has acknowledged
 * it. Data in the school's settings; a school saved before the chain existed gets one made from
 * its `alertEscalationMinutes` (class teacher and DSL at once, the deputy DSL after that many
 * minutes, the head after three times as long), so old settings keep their meaning.
 *
 * Who is who: the class teacher is the teacher account of the incident's class; the DSL is every
 * account with the DSL role not marked deputy; the deputy DSL and the head are accounts marked so
 * on the Staff screen (`staff.chain_role`); admins are accounts with the admin role.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { ChainStep, SchoolSettings } from '../school/settings';
import type { ChainRole } from '../../staff/chain-roles';

export const MAX_STEP_MINUTES = 240;

/** The chain a school saved before chains existed, from its old single escalation time. */
export function defaultChain(escalationMinutes: number): ChainStep[] {
	return [
		{ role: 'teacher', afterMinutes: 0 },
		{ role: 'dsl', afterMinutes: 0 },
		{ role: 'deputy-dsl', afterMinutes: escalationMinutes },
		{ role: 'head', afterMinutes: Math.min(MAX_STEP_MINUTES, escalationMinutes * 3) }
	];
}

/** The school's chain, in time order. */
export function chainOf(settings: SchoolSettings): ChainStep[] {
	const chain = settings.alertChain ?? defaultChain(settings.alertEscalationMinutes);
	return [...chain].sort((a, b) => a.afterMinutes - b.afterMinutes);
}

/**
 * When an unacknowledged report is raised as urgent (to the DSL and admins on screen): at the
 * chain's first later step, or after `alertEscalationMinutes` when every step is immediate.
 */
export function urgentAfterMinutes(settings: SchoolSettings): number {
	const later = chainOf(settings).find((s) => s.afterMinutes > 0);
	return later ? later.afterMinutes : settings.alertEscalationMinutes;
}

/** A step's name in the record of steps taken: `dsl@0`, `head@15`. */
export const stepKey = (step: ChainStep): string => `${step.role}@${step.afterMinutes}`;

export interface Recipient {
	id: string;
	email: string;
	displayName: string;
}

/** The active accounts a step names, for an incident in this class. */
export async function recipientsFor(
	db: Kysely<Database>,
	role: ChainRole,
	classId: string
): Promise<Recipient[]> {
	let q = db
		.selectFrom('staff')
		.select(['id', 'email', 'display_name'])
		.where('disabled', '=', 0)
		.orderBy('display_name');
	if (role === 'teacher') q = q.where('role', '=', 'teacher').where('class_id', '=', classId);
	else if (role === 'dsl')
		q = q
			.where('role', '=', 'dsl')
			.where((eb) => eb.or([eb('chain_role', 'is', null), eb('chain_role', '!=', 'deputy-dsl')]));
	else if (role === 'admin') q = q.where('role', '=', 'admin');
	else q = q.where('chain_role', '=', role);
	const rows = await q.execute();
	return rows.map((r) => ({ id: r.id, email: r.email, displayName: r.display_name }));
}
