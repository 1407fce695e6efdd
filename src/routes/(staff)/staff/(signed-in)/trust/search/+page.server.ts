import { fail } from '@sveltejs/kit';
import { lists as shipped } from 'virtual:harbour-safe-search';
import { app } from '$lib/server/app';
import { listRows } from '$lib/server/search-admin/current-list';
import {
	changeFormChoices,
	readChangeForm,
	type ChangeFormName
} from '$lib/server/search-admin/proposal-forms';
import { signedInStaff } from '$lib/server/search-admin/staff-scope';
import { asPublished } from '$lib/server/search-admin/trust-list';
import { publishTrustChange, trustList } from '$lib/server/search-admin/trust-publish';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The trust's list: what it adds to every school's, the forms to change it, its history. */
export const load = (async () => {
	const current = await trustList(app().db, shipped);
	if (current === null) return { trust: null };
	const { trust, lists, entries } = current;
	const listed = new Set(lists.sites.map((s) => s.url));
	return {
		trust: { name: trust.name, schools: trust.schools.map((s) => s.name) },
		rows: listRows(lists, asPublished(entries)).filter((row) => row.source === 'trust'),
		removedSites: entries.flatMap((e) =>
			e.change.kind === 'remove-site' && !listed.has(e.change.url) ? [e.change.url] : []
		),
		history: [...entries].reverse(),
		...changeFormChoices(lists)
	};
}) satisfies PageServerLoad;

/** Read one change form and publish it to every school of the trust, or say what to fix. */
async function publishFrom({ request, locals }: RequestEvent, form: ChangeFormName) {
	const staff = signedInStaff(locals.who);
	const today = new Date().toISOString().slice(0, 10);
	const parsed = await readChangeForm(request, form, staff.displayName, today);
	if (!parsed.ok) return fail(parsed.status, { form, message: parsed.message });
	const result = await publishTrustChange(app().db, shipped, staff, parsed.data);
	if (!result.ok) return fail(400, { form, message: result.message });
	return {
		form,
		ok: `Published as trust list version ${result.version} for all ${result.schools} schools. Their tablets pick it up on their next sync.`
	};
}

export const actions = {
	addSite: (event) => publishFrom(event, 'site'),
	removeSite: (event) => publishFrom(event, 'remove'),
	addTerm: (event) => publishFrom(event, 'term'),
	addException: (event) => publishFrom(event, 'exception')
} satisfies Actions;
