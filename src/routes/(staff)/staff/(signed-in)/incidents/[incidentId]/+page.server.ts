import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { app } from '$lib/server/app';
import {
	addStaffEntry,
	attachScreenshot,
	auditView,
	getIncident,
	IncidentProblem,
	CloseProposed,
	needsDslToClose,
	MAX_SCREENSHOT_BYTES,
	moveIncident,
	setCategories
} from '$lib/server/incidents/incident-log';
import { canSeeIncidentsOf } from '$lib/server/incidents/visibility';
import { publishIncidentChanges } from '$lib/server/incidents/publish';
import { getSettings } from '$lib/server/school/settings';
import { parseForm } from '$lib/server/forms/parse-form';
import { readFormBounded } from '$lib/server/http/bounded-body';
import { CATEGORY_IDS, ENTRY_KINDS, INFORMED, type CategoryId } from '$lib/incidents/categories';
import { allowedMoves, type IncidentEventType } from '$lib/incidents/incident-machine';
import type { StaffPrincipal } from '$lib/server/auth/sessions';
import type { Actions, PageServerLoad } from './$types';

/** A screenshot form: the picture plus the multipart wrapping around it. */
const MAX_ATTACHMENT_FORM_BYTES = MAX_SCREENSHOT_BYTES + 64 * 1024;

/** The incident, if this person may see it; otherwise the same refusal as for a missing one. */
async function visibleIncident(staff: StaffPrincipal, id: string) {
	const incident = await getIncident(app().db, id);
	if (!incident || !canSeeIncidentsOf(staff, incident.classId))
		error(403, 'You do not have access to this incident.');
	return incident;
}

export const load = (async ({ params, locals }) => {
	const staff = locals.who.staff!;
	const incident = await visibleIncident(staff, params.incidentId);
	await auditView(app().db, staff, incident.id);
	return {
		incident,
		moves: allowedMoves(incident.status as Parameters<typeof allowedMoves>[0]),
		// A teacher's "Close" of a serious incident is a proposal the DSL acts on.
		closeIsProposal:
			staff.role === 'teacher' &&
			needsDslToClose({ urgent: incident.urgent ? 1 : 0, categories: JSON.stringify(incident.categories) }),
		contacts: (await getSettings(app().db)).contacts,
		isDsl: staff.role === 'dsl'
	};
}) satisfies PageServerLoad;

const MoveForm = v.object({
	move: v.picklist(
		['ACKNOWLEDGE', 'START', 'ESCALATE', 'CLOSE', 'REOPEN'] as IncidentEventType[],
		'Unknown step.'
	),
	note: v.optional(v.pipe(v.string(), v.maxLength(5000)), '')
});
const EntryForm = v.object({
	kind: v.picklist(
		ENTRY_KINDS.map((k) => k.id),
		'Choose what kind of entry this is.'
	),
	text: v.pipe(v.string(), v.trim(), v.minLength(1, 'Write the entry.'), v.maxLength(5000)),
	informed: v.optional(v.string(), '')
});

async function guarded<T>(work: () => Promise<T>) {
	try {
		return await work();
	} catch (e) {
		if (e instanceof CloseProposed) return { ok: e.message };
		if (e instanceof IncidentProblem) return fail(400, { message: e.message });
		throw e;
	}
}

export const actions = {
	move: async ({ request, params, locals }) => {
		const staff = locals.who.staff!;
		await visibleIncident(staff, params.incidentId);
		const form = await parseForm(request, MoveForm);
		if (!form.ok) return fail(form.status, { message: form.message });
		return guarded(async () => {
			await moveIncident(app().db, staff, params.incidentId, form.data.move, form.data.note);
			await publishIncidentChanges([{ type: 'incident.updated', incidentId: params.incidentId }]);
			return { ok: 'Saved.' };
		});
	},
	entry: async ({ request, params, locals }) => {
		const staff = locals.who.staff!;
		await visibleIncident(staff, params.incidentId);
		const form = await parseForm(request, EntryForm);
		if (!form.ok) return fail(form.status, { message: form.message });
		const informed = INFORMED.find((i) => i.id === form.data.informed);
		if (form.data.kind === 'informed' && !informed) return fail(400, { message: 'Choose who was informed.' });
		const text =
			informed && form.data.kind === 'informed' ? `${informed.label}: ${form.data.text}` : form.data.text;
		await addStaffEntry(
			app().db,
			staff,
			params.incidentId,
			form.data.kind,
			text,
			informed ? { informed: informed.id } : {}
		);
		return { ok: 'Added to the chronology.' };
	},
	categories: async ({ request, params, locals }) => {
		const staff = locals.who.staff!;
		await visibleIncident(staff, params.incidentId);
		const read = await readFormBounded(request);
		if (!read.ok) return fail(read.status, { message: read.message });
		const chosen = [...new Set(read.form.getAll('categories').map(String))];
		const unknown = chosen.find((c) => !(CATEGORY_IDS as string[]).includes(c));
		if (unknown) return fail(400, { message: `Unknown category “${unknown}”.` });
		const { becameUrgent } = await setCategories(app().db, staff, params.incidentId, chosen as CategoryId[]);
		await publishIncidentChanges([
			becameUrgent
				? { type: 'incident.urgent', incidentId: params.incidentId, exceptStaffId: staff.id }
				: { type: 'incident.updated', incidentId: params.incidentId }
		]);
		return {
			ok: becameUrgent
				? 'Categories saved. This is now urgent: the DSL has been alerted.'
				: 'Categories saved.'
		};
	},
	screenshot: async ({ request, params, locals }) => {
		const staff = locals.who.staff!;
		await visibleIncident(staff, params.incidentId);
		const read = await readFormBounded(request, MAX_ATTACHMENT_FORM_BYTES);
		if (!read.ok) return fail(read.status, { message: read.message });
		const file = read.form.get('screenshot');
		if (!(file instanceof File)) return fail(400, { message: 'Choose a picture to attach.' });
		return guarded(async () => {
			await attachScreenshot(app().db, staff, params.incidentId, {
				mime: file.type,
				bytes: new Uint8Array(await file.arrayBuffer())
			});
			return { ok: 'Screenshot attached.' };
		});
	}
} satisfies Actions;
