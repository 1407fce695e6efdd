/** Who is asking, on the staff safe-search screens, and which classes' searches they may see. */
import { error } from '@sveltejs/kit';
import type { Principal } from '../auth/access';
import type { StaffPrincipal } from '../auth/sessions';
import type { ClassScope } from './search-log';

export function signedInStaff(who: Principal): StaffPrincipal {
	if (!who.staff) error(401, 'Please sign in first.');
	return who.staff;
}

/** Teachers see their own class's searches; the DSL and admins every class; governors none. */
export function searchLogScope(staff: StaffPrincipal): ClassScope {
	if (staff.role === 'governor') error(403, 'Governors see whole-school figures, not the search log.');
	if (staff.role === 'teacher') return { classId: staff.classId ?? 'no class' };
	return { classId: null };
}
