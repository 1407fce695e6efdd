/**
 * The four change forms (on a school's proposals screen and on the trust's list screen), read
 * with valibot into a change and a reason. Messages say what to type; validate-change.ts then checks the change against the list.
 */
import * as v from 'valibot';
import { AGE_BANDS, SUBJECTS, type SafeSearchLists } from '$lib/search';
import type { ListChange } from '$lib/search/list-changes';
import { MAX_REASON } from './proposals';
import { noHiddenCharacters } from '../forms/fields';
import { parseForm, type FormResult } from '../forms/parse-form';

const words = (what: string, max: number) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.minLength(1, `Type the ${what}.`),
		v.maxLength(max, `Keep the ${what} to ${max} characters.`),
		noHiddenCharacters(what)
	);

const Reason = v.pipe(
	v.optional(v.string(), ''),
	v.trim(),
	v.minLength(1, 'Say why the list should change: the person who checks it will want to know.'),
	v.maxLength(MAX_REASON, `Keep the reason to ${MAX_REASON} characters.`),
	noHiddenCharacters('reason')
);

const AGE_CHOICES = ['4-7', '7-11', 'both'] as const;

export const AddSiteForm = v.object({
	url: words('site’s address', 300),
	title: words('site’s name', 120),
	description: v.pipe(
		words('one-line description for children', 160),
		v.maxLength(160, 'Keep the description to one short line (160 characters).')
	),
	keywords: v.pipe(
		v.optional(v.string(), ''),
		v.maxLength(2000, 'Give at most 20 search words.'),
		noHiddenCharacters('list of search words'),
		v.transform((s) => [
			...new Set(
				s
					.split(',')
					.map((k) => k.trim())
					.filter((k) => k !== '')
			)
		]),
		v.minLength(1, 'Add at least one word children might search for, separated by commas.'),
		v.maxLength(20, 'Give at most 20 search words.'),
		v.check((list) => list.every((k) => k.length <= 80), 'Keep each search word under 80 characters.')
	),
	ages: v.picklist(AGE_CHOICES, 'Choose the ages the site suits.'),
	subject: v.picklist(SUBJECTS, 'Choose the subject that fits best.'),
	embeddable: v.optional(v.string(), ''),
	reason: Reason
});

export const RemoveSiteForm = v.object({
	url: words('site to remove', 300),
	reason: Reason
});

export const AddTermForm = v.object({
	category: words('category', 60),
	term: words('word or phrase', 80),
	reason: Reason
});

export const AddExceptionForm = v.object({
	entry: words('word or phrase to allow', 80),
	reason: Reason
});

export interface ProposalInput {
	change: ListChange;
	reason: string;
}

export function addSiteInput(
	form: v.InferOutput<typeof AddSiteForm>,
	proposer: string,
	today: string
): ProposalInput {
	return {
		reason: form.reason,
		change: {
			kind: 'add-site',
			site: {
				url: form.url,
				title: form.title,
				description: form.description,
				keywords: form.keywords,
				ages: form.ages === 'both' ? [...AGE_BANDS] : [form.ages],
				subjects: [form.subject],
				embeddable: form.embeddable === 'on',
				reviewed_by: proposer,
				reviewed_on: today
			}
		}
	};
}

/** The four forms, by the name the screens give them (form actions addSite, removeSite, …). */
export type ChangeFormName = 'site' | 'remove' | 'term' | 'exception';

/** Reads one change form into a change and its reason, or the first thing to fix. */
export async function readChangeForm(
	request: Request,
	form: ChangeFormName,
	proposer: string,
	today: string
): Promise<FormResult<ProposalInput>> {
	const read = async <S extends v.GenericSchema, T>(schema: S, toInput: (data: v.InferOutput<S>) => T) => {
		const parsed = await parseForm(request, schema);
		return parsed.ok ? { ok: true as const, data: toInput(parsed.data) } : parsed;
	};
	switch (form) {
		case 'site':
			return read(AddSiteForm, (data) => addSiteInput(data, proposer, today));
		case 'remove':
			return read(RemoveSiteForm, (data) => ({
				reason: data.reason,
				change: { kind: 'remove-site', url: data.url }
			}));
		case 'term':
			return read(AddTermForm, (data) => ({
				reason: data.reason,
				change: { kind: 'add-term', category: data.category, term: data.term }
			}));
		case 'exception':
			return read(AddExceptionForm, (data) => ({
				reason: data.reason,
				change: { kind: 'add-exception', entry: data.entry }
			}));
	}
}

/** What the change forms offer to choose from, read off the lists they change. */
export function changeFormChoices(lists: SafeSearchLists) {
	return {
		sites: [...lists.sites]
			.sort((a, b) => a.title.localeCompare(b.title, 'en-GB'))
			.map((s) => ({ url: s.url, title: s.title })),
		categories: lists.terms.categories.map((c) => ({ id: c.id, label: c.label, action: c.action })),
		subjects: SUBJECTS,
		ageBands: AGE_BANDS
	};
}
