import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { lists as shipped } from 'virtual:harbour-safe-search';
import { app } from '$lib/server/app';
import { parseForm } from '$lib/server/forms/parse-form';
import { currentLists } from '$lib/server/search-admin/school-lists';
import {
	changeFormChoices,
	readChangeForm,
	type ChangeFormName
} from '$lib/server/search-admin/proposal-forms';
import { decide, listProposals, propose } from '$lib/server/search-admin/proposals';
import { searchLogEntry } from '$lib/server/search-admin/search-log';
import { searchLogScope, signedInStaff } from '$lib/server/search-admin/staff-scope';
import { formatTime } from '$lib/staff/format-time';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** "This was wrongly blocked" on the search log: an exception for that search, ready to send. */
async function wronglyBlocked(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const id = event.url.searchParams.get('wronglyBlocked');
	if (!id) return null;
	const staff = signedInStaff(event.locals.who);
	const row = await searchLogEntry(app().db, searchLogScope(staff), id);
	if (!row || row.verdict !== 'block') return null;
	return {
		entry: row.query,
		reason: `Wrongly blocked: ${row.className} searched for “${row.query}” on ${formatTime(row.searchedAt)}.`
	};
}

export const load = (async (event) => {
	const { db } = app();
	const lists = await currentLists(db, shipped);
	return {
		proposals: await listProposals(db),
		...changeFormChoices(lists),
		prefill: await wronglyBlocked(event)
	};
}) satisfies PageServerLoad;

/** Read one proposal form and send it, or say what to fix (and which form it was). */
async function proposeFrom({ request, locals }: RequestEvent, form: ChangeFormName) {
	const staff = signedInStaff(locals.who);
	const today = new Date().toISOString().slice(0, 10);
	const parsed = await readChangeForm(request, form, staff.displayName, today);
	if (!parsed.ok) return fail(parsed.status, { form, message: parsed.message });
	const result = await propose(app().db, shipped, staff, parsed.data);
	if (!result.ok) return fail(400, { form, message: result.message });
	return { form, ok: 'Sent. The DSL or an admin (not you) will check it before it reaches the tablets.' };
}

const DecisionForm = v.object({
	id: v.pipe(v.string(), v.minLength(1, 'Choose a proposal.')),
	reason: v.optional(v.string(), '')
});

async function decideFrom({ request, locals }: RequestEvent, approve: boolean) {
	const staff = signedInStaff(locals.who);
	const parsed = await parseForm(request, DecisionForm);
	if (!parsed.ok) return fail(400, { form: 'decision' as const, message: parsed.message });
	const result = await decide(app().db, shipped, staff, {
		proposalId: parsed.data.id,
		approve,
		reason: parsed.data.reason
	});
	if (!result.ok)
		return fail(400, { form: 'decision' as const, id: parsed.data.id, message: result.message });
	return {
		form: 'decision' as const,
		ok: approve
			? `Approved and published as list version ${result.version}. Tablets pick it up on their next sync.`
			: 'Rejected. The list is unchanged.'
	};
}

export const actions = {
	addSite: (event) => proposeFrom(event, 'site'),
	removeSite: (event) => proposeFrom(event, 'remove'),
	addTerm: (event) => proposeFrom(event, 'term'),
	addException: (event) => proposeFrom(event, 'exception'),
	approve: (event) => decideFrom(event, true),
	reject: (event) => decideFrom(event, false)
} satisfies Actions;
