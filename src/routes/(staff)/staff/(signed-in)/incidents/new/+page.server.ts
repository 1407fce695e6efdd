import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import { IncidentProblem, recordIncidentByHand } from '$lib/server/incidents/incident-log';
import { publishIncidentChanges } from '$lib/server/incidents/publish';
import { canSeeIncidentsOf } from '$lib/server/incidents/visibility';
import { CATEGORY_IDS, type CategoryId } from '$lib/incidents/categories';
import { readFormBounded } from '$lib/server/http/bounded-body';
import type { Actions } from './$types';

const NewIncident = v.object({
	classId: v.pipe(v.string(), v.minLength(1, 'Choose the class.')),
	facts: v.pipe(
		v.string(),
		v.trim(),
		v.minLength(1, 'Write what happened: the facts, as you know them.'),
		v.maxLength(5000)
	),
	childsWords: v.pipe(v.string(), v.trim(), v.maxLength(5000))
});

export const actions = {
	default: async ({ request, locals }) => {
		const staff = locals.who.staff!;
		const read = await readFormBounded(request);
		if (!read.ok) return fail(read.status, { message: read.message });
		const form = read.form;
		const parsed = v.safeParse(NewIncident, {
			classId: String(form.get('classId') ?? ''),
			facts: String(form.get('facts') ?? ''),
			childsWords: String(form.get('childsWords') ?? '')
		});
		if (!parsed.success) return fail(400, { message: parsed.issues[0].message });
		if (!canSeeIncidentsOf(staff, parsed.output.classId))
			return fail(403, { message: 'You can record concerns for your own class.' });
		const categories = form
			.getAll('categories')
			.map(String)
			.filter((c): c is CategoryId => (CATEGORY_IDS as string[]).includes(c));
		let id: string;
		try {
			id = await recordIncidentByHand(app().db, staff, { ...parsed.output, categories });
			// Every new concern alerts the DSL (and the class teacher, when the DSL raised it).
			await publishIncidentChanges([{ type: 'incident.new', incidentId: id, exceptStaffId: staff.id }]);
		} catch (e) {
			if (e instanceof IncidentProblem) return fail(400, { message: e.message });
			throw e;
		}
		redirect(303, `/staff/incidents/${id}`);
	}
} satisfies Actions;
