/**
 * What kind of concern an incident is, and how urgent: one rule for banners, the log, the
 * dashboard and the incident page, so a disclosure never looks like a routine press.
 *
 * The kind follows the incident's categories (a DSL who marks a press as possible illegal content
 * makes it that kind), then how it was raised. Practice presses never become incidents at all.
 * Browser-safe.
 */
import { ILLEGAL } from './categories';

export type IncidentKind = 'illegal' | 'disclosure' | 'button' | 'search' | 'concern';

export interface KindInfo {
	/** The name staff see in the log and on the dashboard. */
	label: string;
	/** The words that start a live banner. */
	banner: string;
	/** Urgent from the moment it is raised: the DSL is needed now. */
	urgentAtOnce: boolean;
}

export const KINDS: Record<IncidentKind, KindInfo> = {
	illegal: {
		label: 'Possible illegal content',
		banner: 'URGENT — possible illegal content. Tell the DSL now',
		urgentAtOnce: true
	},
	disclosure: {
		label: 'Disclosure',
		banner: 'URGENT — a child may be disclosing harm',
		urgentAtOnce: true
	},
	button: { label: 'Tell a grown-up press', banner: 'Tell a grown-up', urgentAtOnce: false },
	search: { label: 'Worrying search', banner: 'Worrying search', urgentAtOnce: false },
	concern: { label: 'Concern recorded by staff', banner: 'Concern recorded by staff', urgentAtOnce: false }
};

/** Most serious first: the order of the dashboard's counts. */
export const KIND_ORDER: IncidentKind[] = ['illegal', 'disclosure', 'button', 'search', 'concern'];

/** Categories that make an incident a disclosure (a child telling us they are, or may be, harmed). */
const DISCLOSURE_CATEGORIES = ['disclosure', 'self-harm'];

export function incidentKind(source: string, categories: readonly string[]): IncidentKind {
	if (categories.includes(ILLEGAL)) return 'illegal';
	if (categories.some((c) => DISCLOSURE_CATEGORIES.includes(c))) return 'disclosure';
	if (source === 'button') return 'button';
	if (source === 'search') return 'search';
	return 'concern';
}

/** Whether an incident with these categories is urgent the moment it is raised. */
export function urgentAtOnce(source: string, categories: readonly string[]): boolean {
	return KINDS[incidentKind(source, categories)].urgentAtOnce;
}
