/**
 * What an email or push alert says: that a concern was raised, in which class, when, how urgent,
 * and a link to the incident. Never the child's words, the "what happened" choices, a drawing
 * or a voice message: the alert leaves Harbour, the incident stays inside it.
 */
import type { Urgency } from './urgency';
import { CHAIN_ROLE_LABELS, type ChainRole } from '../../staff/chain-roles';

export interface AlertMessage {
	incidentId: string;
	className: string;
	openedAt: string;
	urgency: Urgency;
	/** The incident page (sign-in needed). */
	url: string;
	subject: string;
	text: string;
	/** The push notification's title and body. */
	title: string;
	body: string;
}

const when = new Intl.DateTimeFormat('en-GB', {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	hour: '2-digit',
	minute: '2-digit',
	timeZone: 'Europe/London'
});
const clock = new Intl.DateTimeFormat('en-GB', {
	hour: '2-digit',
	minute: '2-digit',
	timeZone: 'Europe/London'
});

export function alertMessage(
	a: {
		incidentId: string;
		className: string;
		openedAt: string;
		urgency: Urgency;
		role: ChainRole;
		afterMinutes: number;
	},
	origin: string
): AlertMessage {
	const url = `${origin}/staff/incidents/${encodeURIComponent(a.incidentId)}`;
	const urgent = a.urgency === 'urgent';
	const late = a.afterMinutes > 0;
	const opened = new Date(a.openedAt);
	const subject = late
		? `Harbour: ${urgent ? 'URGENT — ' : ''}a concern from ${a.className} is not yet acknowledged`
		: `Harbour: ${urgent ? 'URGENT — ' : ''}a new concern from ${a.className}`;
	const text = [
		`A concern was raised in ${a.className} at ${when.format(opened)}.`,
		`How urgent: ${urgent ? 'URGENT — please act now.' : 'routine — please look at it soon.'}`,
		late
			? `Nobody has acknowledged it after ${a.afterMinutes} minute${a.afterMinutes === 1 ? '' : 's'}, so it comes to you as ${CHAIN_ROLE_LABELS[a.role]}.`
			: `You are told as ${CHAIN_ROLE_LABELS[a.role]}.`,
		'',
		`Open it in Harbour (you will be asked to sign in): ${url}`,
		'',
		'To keep the child safe, this email says nothing about what happened. Everything is in Harbour.'
	].join('\n');
	return {
		incidentId: a.incidentId,
		className: a.className,
		openedAt: a.openedAt,
		urgency: a.urgency,
		url,
		subject,
		text,
		title: `${urgent ? 'URGENT: a' : 'A'} new concern from ${a.className}`,
		body: [
			urgent ? 'Urgent' : 'Routine',
			`raised at ${clock.format(opened)}`,
			late ? `not acknowledged after ${a.afterMinutes} min` : null
		]
			.filter(Boolean)
			.join(' · ')
	};
}
