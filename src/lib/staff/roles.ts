/** Role names as staff read them. Browser-safe (the server keeps its own copy of the type). */
export type StaffRole = 'teacher' | 'dsl' | 'admin' | 'governor';

export const ROLE_LABELS: Record<StaffRole, string> = {
	teacher: 'Teacher',
	dsl: 'Designated safeguarding lead',
	admin: 'Admin',
	governor: 'Governor'
};

/** A role across a trust's schools, on top of the school role (migration 0013). */
export type TrustRole = 'dsl' | 'admin' | 'governor';

export const TRUST_ROLES: TrustRole[] = ['dsl', 'admin', 'governor'];

export const TRUST_ROLE_LABELS: Record<TrustRole, string> = {
	dsl: 'Trust safeguarding lead',
	admin: 'Trust admin',
	governor: 'Trust governor'
};
