/** Staff accounts: individual, with one role each; teachers belong to one class. */
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema';
import type { TrustRole } from '../../staff/roles';
import { hashSecret } from '../auth/passwords';
import { newId } from '../auth/tokens';

export const ROLES: Role[] = ['teacher', 'dsl', 'admin', 'governor'];

export interface StaffSummary {
	id: string;
	email: string;
	displayName: string;
	role: Role;
	classId: string | null;
	disabled: boolean;
	hasPin: boolean;
	/** 'deputy-dsl', 'head' or null: their place in the alert chain beyond their role. */
	chainRole: string | null;
}

export async function listStaff(db: Kysely<Database>): Promise<StaffSummary[]> {
	const rows = await db.selectFrom('staff').selectAll().orderBy('display_name').execute();
	return rows.map((r) => ({
		id: r.id,
		email: r.email,
		displayName: r.display_name,
		role: r.role,
		classId: r.class_id,
		disabled: Boolean(r.disabled),
		hasPin: r.pin_hash !== null,
		chainRole: r.chain_role
	}));
}

/**
 * Who may be marked deputy DSL or head in the alert chain: the deputy DSL must hold the DSL role
 * and the head the DSL or admin role, so the incident an alert links to opens for them.
 * Returns the problem in words, or null.
 */
export function chainRoleProblem(role: Role, chainRole: string | null): string | null {
	if (chainRole === 'deputy-dsl' && role !== 'dsl')
		return 'A deputy DSL needs the DSL role, so they can open the incidents they are alerted to.';
	if (chainRole === 'head' && role !== 'dsl' && role !== 'admin')
		return 'The head needs the DSL or admin role, so they can open the incidents they are alerted to.';
	return null;
}

export async function countStaff(db: Kysely<Database>): Promise<number> {
	const r = await db
		.selectFrom('staff')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

export async function createStaff(
	db: Kysely<Database>,
	input: {
		email: string;
		displayName: string;
		role: Role;
		classId: string | null;
		password: string;
		pin?: string;
		/** A role across the school's trust (trust DSL, admin or governor), on top of the school role. */
		trustRole?: TrustRole | null;
	},
	now = new Date()
): Promise<string> {
	const id = newId();
	await db
		.insertInto('staff')
		.values({
			id,
			email: input.email.trim().toLowerCase(),
			display_name: input.displayName,
			role: input.role,
			class_id: input.role === 'teacher' ? input.classId : null,
			password_hash: await hashSecret(input.password),
			pin_hash: input.pin ? await hashSecret(input.pin) : null,
			disabled: 0,
			created_at: now.toISOString(),
			trust_role: input.trustRole ?? null
		})
		.execute();
	return id;
}

export async function emailTaken(db: Kysely<Database>, email: string): Promise<boolean> {
	const r = await db
		.selectFrom('staff')
		.select('id')
		.where('email', '=', email.trim().toLowerCase())
		.executeTakeFirst();
	return Boolean(r);
}
