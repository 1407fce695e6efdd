/**
 * The few facts a staff alert shows about a new report, and the sentence they make:
 * "Robins, Tablet 3, 10:42, during ‘Sharing pictures’ step 4 — feels scared — saw something upsetting".
 * Browser-safe: the server sends the summary, each staff screen words it.
 */
import { FEELING_WORDS, WHAT_WORDS } from '../report/report-words';
import type { Feeling, WhatHappened } from '../report/report-events';
import type { IncidentKind } from './kinds';

export interface AlertSummary {
	id: string;
	classId: string;
	className: string;
	deviceLabel: string | null;
	openedAt: string;
	source: string;
	status: string;
	urgent: boolean;
	feeling: string | null;
	what: string | null;
	context: {
		screen?: string;
		lesson?: { title: string; step?: number };
		game?: string;
		searchQuery?: string;
	};
	category: string | null;
	/** Disclosure, possible illegal content, a press, a worrying search or a concern recorded by staff. */
	kind: IncidentKind;
}

const time = new Intl.DateTimeFormat('en-GB', {
	hour: '2-digit',
	minute: '2-digit',
	timeZone: 'Europe/London'
});

const SCREEN_NAMES: Record<string, string> = {
	'/class': 'the class home',
	'/class/charter': 'the class promises',
	'/class/search': 'safe search',
	'/class/search/view': 'a site opened from safe search',
	'/class/sign-in': 'the class sign-in screen'
};

/** A pupil screen as staff call it ("the class home"), or its address when it has no name. */
export function screenName(path: string): string {
	return SCREEN_NAMES[path] ?? path;
}

function during(s: AlertSummary): string | null {
	const c = s.context;
	if (c.lesson) return `during ‘${c.lesson.title}’${c.lesson.step ? ` step ${c.lesson.step}` : ''}`;
	if (c.game) return `playing ‘${c.game}’`;
	if (s.source === 'search') return 'in safe search (a worrying search)';
	if (c.screen === '/class/search') return 'in safe search';
	if (c.screen && SCREEN_NAMES[c.screen]) return `on ${SCREEN_NAMES[c.screen]}`;
	return null;
}

export function alertSentence(s: AlertSummary): string {
	const head = [s.className, s.deviceLabel, time.format(new Date(s.openedAt)), during(s)]
		.filter(Boolean)
		.join(', ');
	const parts = [head];
	if (s.feeling) parts.push(FEELING_WORDS[s.feeling as Feeling] ?? s.feeling);
	if (s.what) parts.push(WHAT_WORDS[s.what as WhatHappened] ?? s.what);
	return parts.join(' — ');
}
