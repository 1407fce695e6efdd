/**
 * Who may use which route: one declared matrix, enforced for every request in hooks.server.ts
 * (pages, form actions and endpoints alike). A route missing here is refused, and the
 * access-matrix test fails until it is declared.
 */
import type { DevicePrincipal } from './devices';
import type { StaffPrincipal } from './sessions';

export interface Principal {
	staff: StaffPrincipal | null;
	device: DevicePrincipal | null;
	/** The class signed in on this device (only ever the device's own class). */
	classId: string | null;
}

export type Rule =
	/** Anyone, signed in or not. */
	| 'public'
	/** An enrolled tablet, whether or not a class has signed in on it. */
	| 'device'
	/** A class signed in on its enrolled tablet. */
	| 'class'
	/** Any staff member. */
	| 'staff'
	/** Any staff member, or any enrolled tablet of the school (nothing about pupils in it). */
	| 'staff-or-device'
	/** Teachers, the DSL and admins: not governors (no pupil-level detail for them). */
	| 'staff-not-governor'
	/** The DSL and admins: safeguarding data such as the safe-search training export. */
	| 'safeguarding'
	/** The DSL, admins and governors: whole-school figures for oversight. */
	| 'oversight'
	/** The teacher of the class in the route's `classId`, the DSL, or an admin. */
	| 'class-staff'
	| 'admin'
	/** Anyone with a trust role (trust DSL, trust admin, trust governor): the trust's figures. */
	| 'trust'
	/** The trust's safeguarding lead: every school's concerns, read across the trust. */
	| 'trust-safeguarding'
	/** The trust's admin: adds schools, publishes the trust-wide safe-search list. */
	| 'trust-admin';

export const ACCESS: Record<string, Rule> = {
	'/': 'public',
	'/setup': 'public',
	'/enrol': 'public',
	'/(pupil)/class/sign-in': 'device',
	// Anything else under /class: the pupil 404 (with Home and "Tell a grown-up").
	'/(pupil)/class/[...missing]': 'device',
	'/(pupil)/class/(signed-in)': 'class',
	'/(pupil)/class/(signed-in)/charter': 'class',
	'/(pupil)/class/(signed-in)/games': 'class',
	'/(pupil)/class/(signed-in)/games/[game]': 'class',
	'/(pupil)/class/(signed-in)/grown-ups': 'class',
	'/(pupil)/class/(signed-in)/search': 'class',
	'/(pupil)/class/(signed-in)/search/view': 'class',
	'/(pupil)/class/(signed-in)/lessons': 'class',
	'/(pupil)/class/(signed-in)/lessons/[lessonId]': 'class',
	'/(staff)/staff/sign-in': 'public',
	'/(staff)/staff/sign-out': 'staff',
	'/(staff)/staff/(signed-in)': 'staff',
	'/(staff)/staff/(signed-in)/account': 'staff',
	'/(staff)/staff/(signed-in)/search': 'staff-not-governor',
	'/(staff)/staff/(signed-in)/search/proposals': 'staff-not-governor',
	'/(staff)/staff/(signed-in)/search/list': 'staff-not-governor',
	'/(staff)/staff/(signed-in)/search/list.csv': 'staff-not-governor',
	'/(staff)/staff/(signed-in)/search/training-export.txt': 'safeguarding',
	'/(staff)/staff/(signed-in)/classes/[classId]': 'class-staff',
	// Launching, leading, pausing and ending a lesson: the class's own teacher, the DSL, an admin.
	'/(staff)/staff/(signed-in)/classes/[classId]/board': 'class-staff',
	'/api/classes/[classId]/now': 'class-staff',
	// The programme and its coverage are for every member of staff; plans and previews are for
	// those who teach (governors see the programme and coverage only).
	'/(staff)/staff/(signed-in)/lessons': 'staff',
	// Coverage: a teacher sees their own class, the DSL, admins and governors every class.
	'/(staff)/staff/(signed-in)/coverage': 'staff',
	'/(staff)/staff/(signed-in)/coverage/csv': 'staff',
	'/(staff)/staff/(signed-in)/lessons/[lessonId]': 'staff-not-governor',
	'/(staff)/staff/(signed-in)/lessons/[lessonId]/preview': 'staff-not-governor',
	'/(staff)/staff/(signed-in)/lessons/[lessonId]/talk-at-home': 'staff-not-governor',
	'/(staff)/staff/(signed-in)/lessons/talk-at-home/[halfTerm]': 'staff-not-governor',
	// Things to print (charter poster, acceptable use agreement): for those who teach, not governors.
	'/(staff)/staff/(signed-in)/print': 'staff-not-governor',
	'/(staff)/staff/(signed-in)/print/charter/[paper]': 'staff-not-governor',
	'/(staff)/staff/(signed-in)/print/agreement': 'staff-not-governor',
	'/(staff)/staff/(signed-in)/admin/staff': 'admin',
	'/(staff)/staff/(signed-in)/admin/classes': 'admin',
	'/(staff)/staff/(signed-in)/admin/classes/[classId]/card': 'admin',
	'/(staff)/staff/(signed-in)/admin/devices': 'admin',
	'/(staff)/staff/(signed-in)/admin/settings': 'admin',
	// Assemblies in the hall: the teacher's laptop or any of the school's tablets; no pupil data.
	'/assembly': 'staff-or-device',
	'/assembly/[assemblyId]': 'staff-or-device',
	'/assembly/[assemblyId]/presenter': 'staff-or-device',
	'/api/health': 'public',
	'/api/ready': 'public',
	// Public to the guard: the route itself asks for the METRICS_TOKEN bearer token.
	'/metrics': 'public',
	'/api/events': 'device',
	'/api/device/status': 'device',
	'/api/kiosk/unlock': 'device',
	'/api/safe-search/lists': 'device',
	'/api/live': 'staff-not-governor',
	// A class tablet hears, and reports on, its own class's lesson only.
	'/api/class/now': 'class',
	'/api/class/now/stream': 'class',
	'/api/class/now/tablet': 'class',
	'/api/class/now/vote': 'class',
	'/api/incidents/[incidentId]/acknowledge': 'staff-not-governor',
	// Push alerts on a staff device: only those who receive alerts (not governors).
	'/api/push/subscription': 'staff-not-governor',
	'/(staff)/staff/(signed-in)/incidents': 'staff-not-governor',
	'/(staff)/staff/(signed-in)/incidents/new': 'staff-not-governor',
	'/(staff)/staff/(signed-in)/incidents/[incidentId]': 'staff-not-governor',
	'/(staff)/staff/(signed-in)/incidents/[incidentId]/attachments/[attachmentId]': 'staff-not-governor',
	// The trust's pages: figures for every trust role; concerns for the trust DSL (read-only);
	// adding schools for the trust admin. Each school's rows are read inside that school.
	'/(staff)/staff/(signed-in)/trust': 'trust',
	'/(staff)/staff/(signed-in)/trust/schools': 'trust-admin',
	'/(staff)/staff/(signed-in)/trust/schools/[schoolId]': 'trust-safeguarding',
	'/(staff)/staff/(signed-in)/trust/schools/[schoolId]/incidents/[incidentId]': 'trust-safeguarding',
	'/(staff)/staff/(signed-in)/reports': 'oversight',
	'/(staff)/staff/(signed-in)/reports/csv': 'oversight'
};

export type Decision = 'allow' | 'sign-in' | 'forbidden';

export function decide(rule: Rule | undefined, who: Principal, params: Record<string, string>): Decision {
	const staff = who.staff;
	switch (rule) {
		case 'public':
			return 'allow';
		case 'device':
			return who.device ? 'allow' : 'sign-in';
		case 'class':
			if (who.device && who.classId === who.device.classId) return 'allow';
			return 'sign-in';
		case 'staff':
			return staff ? 'allow' : 'sign-in';
		case 'staff-or-device':
			return staff || who.device ? 'allow' : 'sign-in';
		case 'staff-not-governor':
			if (!staff) return 'sign-in';
			return staff.role === 'governor' ? 'forbidden' : 'allow';
		case 'safeguarding':
			if (!staff) return 'sign-in';
			return staff.role === 'dsl' || staff.role === 'admin' ? 'allow' : 'forbidden';
		case 'oversight':
			if (!staff) return 'sign-in';
			return staff.role === 'teacher' ? 'forbidden' : 'allow';
		case 'class-staff':
			if (!staff) return 'sign-in';
			if (staff.role === 'dsl' || staff.role === 'admin') return 'allow';
			return staff.role === 'teacher' && staff.classId !== null && staff.classId === params.classId
				? 'allow'
				: 'forbidden';
		case 'admin':
			if (!staff) return 'sign-in';
			return staff.role === 'admin' ? 'allow' : 'forbidden';
		case 'trust':
			if (!staff) return 'sign-in';
			return staff.trustRole ? 'allow' : 'forbidden';
		case 'trust-safeguarding':
			if (!staff) return 'sign-in';
			return staff.trustRole === 'dsl' ? 'allow' : 'forbidden';
		case 'trust-admin':
			if (!staff) return 'sign-in';
			return staff.trustRole === 'admin' ? 'allow' : 'forbidden';
		default:
			// Undeclared routes (and unknown URLs, which have no route id) are refused.
			return 'forbidden';
	}
}

/** Where a refused visitor should go to sign in, by the kind of route. */
export function signInPathFor(rule: Rule | undefined): string {
	return rule === 'device' || rule === 'class' ? '/' : '/staff/sign-in';
}
