/**
 * Incident categories: the 4 Cs of online risk (KCSIE) and the policies' own categories.
 * Browser-safe; shared by forms, the log and the reports.
 */
export const CATEGORIES = [
	{ id: 'content', label: 'Content (what they saw)', group: '4 Cs' },
	{ id: 'contact', label: 'Contact (who they met)', group: '4 Cs' },
	{ id: 'conduct', label: 'Conduct (what they did)', group: '4 Cs' },
	{ id: 'commerce', label: 'Commerce (scams, gambling, in-app buying)', group: '4 Cs' },
	{ id: 'cyberbullying', label: 'Cyberbullying', group: 'Policy' },
	{ id: 'upsetting-content', label: 'Upsetting or inappropriate content', group: 'Policy' },
	{ id: 'personal-information', label: 'Sharing personal information', group: 'Policy' },
	{ id: 'stranger-contact', label: 'Contact from a stranger', group: 'Policy' },
	{ id: 'possible-illegal-content', label: 'Possible illegal content', group: 'Policy' },
	{ id: 'disclosure', label: 'Disclosure of harm', group: 'Policy' },
	{ id: 'self-harm', label: 'Self-harm or suicide', group: 'Policy' },
	{ id: 'other', label: 'Other', group: 'Policy' }
] as const;
export type CategoryId = (typeof CATEGORIES)[number]['id'];
export const CATEGORY_IDS = CATEGORIES.map((c) => c.id) as CategoryId[];
export const ILLEGAL = 'possible-illegal-content' satisfies CategoryId;

export function categoryLabel(id: string): string {
	return CATEGORIES.find((c) => c.id === id)?.label ?? id;
}

/** Who can be recorded as informed. Contacts' details come from school settings. */
export const INFORMED = [
	{ id: 'parents', label: 'Parents or carers' },
	{ id: 'dsl', label: 'Designated safeguarding lead' },
	{ id: 'safeguarding-board', label: 'Local safeguarding partnership' },
	{ id: 'police', label: 'Police' },
	{ id: 'ceop', label: 'CEOP' },
	{ id: 'iwf', label: 'Internet Watch Foundation' },
	{ id: 'other', label: 'Someone else' }
] as const;
export type InformedId = (typeof INFORMED)[number]['id'];

export const ENTRY_KINDS = [
	{ id: 'fact', label: 'What happened (facts)' },
	{ id: 'childs-voice', label: 'The child’s own words' },
	{ id: 'action', label: 'Action taken' },
	{ id: 'informed', label: 'Someone informed' },
	{ id: 'note', label: 'Note' }
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number]['id'] | 'status' | 'report';
