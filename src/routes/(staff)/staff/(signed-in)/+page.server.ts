import { app } from '$lib/server/app';
import { schoolAtAGlance } from '$lib/server/school/at-a-glance';
import { openIncidentCounts } from '$lib/server/incidents/open-counts';
import { incidentScope } from '$lib/server/incidents/visibility';
import { canDecide } from '$lib/server/search-admin/proposals';
import { reviewStatus } from '$lib/server/search-admin/review';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const { db } = app();
	const staff = locals.who.staff;
	return {
		glance: await schoolAtAGlance(db),
		/** Open and unacknowledged incidents lead the page for everyone who handles them (not governors). */
		incidents: staff && staff.role !== 'governor' ? await openIncidentCounts(db, incidentScope(staff)) : null,
		/** The DSL (and admins) are reminded when the safe-search list is due its yearly review. */
		listReview: staff && canDecide(staff) ? await reviewStatus(db) : null
	};
}) satisfies PageServerLoad;
