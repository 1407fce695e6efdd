/**
 * Who may see which incident: a teacher their own class's, the DSL and admins every one,
 * governors none (they see aggregate reports only). One rule for lists, pages and live alerts.
 */
import type { StaffPrincipal } from '../auth/sessions';

export function canSeeIncidentsOf(staff: StaffPrincipal, classId: string): boolean {
	if (staff.role === 'dsl' || staff.role === 'admin') return true;
	return staff.role === 'teacher' && staff.classId === classId;
}

/** The classes whose incidents this person may list: null means every class. */
export function incidentScope(staff: StaffPrincipal): string[] | null {
	if (staff.role === 'dsl' || staff.role === 'admin') return null;
	return staff.role === 'teacher' && staff.classId ? [staff.classId] : [];
}
