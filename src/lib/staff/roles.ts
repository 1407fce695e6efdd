/** Role names as staff read them. Browser-safe (the server keeps its own copy of the type). */
export type StaffRole = 'teacher' | 'dsl' | 'admin' | 'governor';

export const ROLE_LABELS: Record<StaffRole, string> = {
	teacher: 'Teacher',
	dsl: 'Designated safeguarding lead',
	admin: 'Admin',
	governor: 'Governor'
};
