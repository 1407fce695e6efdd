/**
 * The school's e-safeguarding incident log: listing, reading, moving through the lifecycle,
 * adding to the chronology, categorising, and recording by hand. Every change and every view is
 * appended to the hash-chained audit log.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { StaffPrincipal } from '../auth/sessions';
import { appendAudit } from '../audit/audit-log';
import { newId } from '../auth/tokens';
import { addEntry } from './entries';
import { newIncident } from './new-incident';
import { summaryQuery, toSummary } from './summaries';
import {
	nextStatus,
	type IncidentEventType,
	type IncidentStatus,
	STATUS_LABELS
} from '../../incidents/incident-machine';
import { categoryLabel, ILLEGAL, type CategoryId, type EntryKind } from '../../incidents/categories';
import type { AlertSummary } from '../../incidents/alert-summary';
import { urgentAtOnce } from '../../incidents/kinds';

export class IncidentProblem extends Error {}

/** A teacher's "close" of a serious incident became a proposal for the DSL (not an error). */
export class CloseProposed extends IncidentProblem {
	constructor() {
		super('Only the DSL can close this. Your outcome is in the chronology as a proposal to close.');
	}
}

/** Disclosures, possible illegal content, self-harm and anything raised as urgent need the DSL to close. */
const DSL_CLOSES: string[] = [ILLEGAL, 'disclosure', 'self-harm'];
export function needsDslToClose(row: { urgent: number; categories: string }): boolean {
	const categories = JSON.parse(row.categories || '[]') as string[];
	return Boolean(row.urgent) || categories.some((c) => DSL_CLOSES.includes(c));
}

const actorOf = (staff: StaffPrincipal) => `staff:${staff.id}`;

export async function listIncidents(
	db: Kysely<Database>,
	scope: string[] | null,
	filter: {
		status?: string;
		classId?: string;
		/** Leave out concerns this member of staff recorded (they are not alerted about their own). */
		notRecordedBy?: string;
		limit?: number;
		offset?: number;
	} = {}
): Promise<AlertSummary[]> {
	if (scope && scope.length === 0) return [];
	let q = summaryQuery(db).orderBy('incidents.opened_at', 'desc');
	if (scope) q = q.where('incidents.class_id', 'in', scope);
	if (filter.status === 'open') q = q.where('incidents.status', '!=', 'closed');
	else if (filter.status) q = q.where('incidents.status', '=', filter.status);
	if (filter.classId) q = q.where('incidents.class_id', '=', filter.classId);
	const notBy = filter.notRecordedBy;
	if (notBy)
		q = q.where((eb) =>
			eb.or([eb('incidents.created_by', 'is', null), eb('incidents.created_by', '!=', notBy)])
		);
	const rows = await q
		.limit(filter.limit ?? 50)
		.offset(filter.offset ?? 0)
		.execute();
	return rows.map(toSummary);
}

export interface IncidentDetail extends AlertSummary {
	categories: string[];
	outcome: string | null;
	clientTime: string | null;
	acknowledgedAt: string | null;
	acknowledgedBy: string | null;
	closedAt: string | null;
	reportId: string | null;
	entries: {
		id: string;
		at: string;
		author: string;
		kind: string;
		text: string;
		detail: Record<string, unknown>;
	}[];
	attachments: {
		id: string;
		kind: string;
		mime: string;
		bytes: number;
		createdAt: string;
		purged: boolean;
	}[];
}

export async function getIncident(db: Kysely<Database>, id: string): Promise<IncidentDetail | null> {
	const row = await summaryQuery(db)
		.select([
			'incidents.outcome',
			'incidents.client_time',
			'incidents.acknowledged_at',
			'incidents.acknowledged_by',
			'incidents.closed_at',
			'incidents.report_id'
		])
		.where('incidents.id', '=', id)
		.executeTakeFirst();
	if (!row) return null;
	const authors = new Map(
		(await db.selectFrom('staff').select(['id', 'display_name']).execute()).map((s) => [
			`staff:${s.id}`,
			s.display_name
		])
	);
	const entries = await db
		.selectFrom('incident_entries')
		.selectAll()
		.where('incident_id', '=', id)
		.orderBy('at')
		// Entries written in the same millisecond (the alert chain's steps) keep the order they
		// were written in: the row's physical place, as entries are never edited.
		.orderBy(db.getExecutor().adapter instanceof PostgresAdapter ? sql`ctid` : sql`rowid`)
		.execute();
	// A tablet's attachments hang off its report id; staff screenshots off the incident id.
	const attachments = await db
		.selectFrom('attachments')
		.select(['id', 'kind', 'mime', 'bytes', 'created_at', 'purged_at'])
		.where('report_id', 'in', [row.report_id ?? id, id])
		.orderBy('created_at')
		.execute();
	return {
		...toSummary(row),
		categories: JSON.parse(row.categories) as string[],
		outcome: row.outcome,
		clientTime: row.client_time,
		acknowledgedAt: row.acknowledged_at,
		acknowledgedBy: row.acknowledged_by ? (authors.get(`staff:${row.acknowledged_by}`) ?? 'staff') : null,
		closedAt: row.closed_at,
		reportId: row.report_id,
		entries: entries.map((e) => ({
			id: e.id,
			at: e.at,
			author:
				e.author === 'tablet'
					? 'Class tablet'
					: e.author === 'system'
						? 'Harbour'
						: (authors.get(e.author) ?? 'staff'),
			kind: e.kind,
			text: e.text,
			detail: JSON.parse(e.detail) as Record<string, unknown>
		})),
		attachments: attachments.map((a) => ({
			id: a.id,
			kind: a.kind,
			mime: a.mime,
			bytes: a.bytes,
			createdAt: a.created_at,
			purged: a.purged_at !== null
		}))
	};
}

export async function auditView(db: Kysely<Database>, staff: StaffPrincipal, id: string): Promise<void> {
	await appendAudit(db, { actor: actorOf(staff), action: 'incident.viewed', target: `incident:${id}` });
}

/** Moves an incident along its lifecycle, if the machine allows; records who, when and why. */
export async function moveIncident(
	db: Kysely<Database>,
	staff: StaffPrincipal,
	id: string,
	move: IncidentEventType,
	note = '',
	now = new Date()
): Promise<IncidentStatus> {
	if (move === 'CLOSE' && staff.role === 'teacher') {
		const row = await db
			.selectFrom('incidents')
			.select(['urgent', 'categories'])
			.where('id', '=', id)
			.executeTakeFirst();
		if (row && needsDslToClose(row)) {
			if (!note.trim()) throw new IncidentProblem('Write the outcome you propose before closing.');
			// A teacher proposes; the DSL (or an admin) closes. The proposal goes in the chronology.
			await db.transaction().execute(async (trx) => {
				await addEntry(
					trx,
					id,
					actorOf(staff),
					'note',
					`${staff.displayName} proposes closing: ${note.trim()}`,
					now,
					{
						proposal: 'close'
					}
				);
				await appendAudit(
					trx,
					{ actor: actorOf(staff), action: 'incident.close-proposed', target: `incident:${id}` },
					now
				);
			});
			throw new CloseProposed();
		}
	}
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('incidents')
			.select(['status', 'source', 'created_by'])
			.where('id', '=', id)
			.executeTakeFirst();
		if (!row) throw new IncidentProblem('That incident does not exist.');
		// Acknowledging says a second grown-up has it in hand: never the one who recorded it.
		if (move === 'ACKNOWLEDGE' && row.created_by === staff.id)
			throw new IncidentProblem('You recorded this concern: the DSL (or a deputy) acknowledges it.');
		const to = nextStatus(row.status as IncidentStatus, move);
		if (!to) {
			throw new IncidentProblem(
				`An incident that is ${STATUS_LABELS[row.status as IncidentStatus].toLowerCase()} cannot do that.`
			);
		}
		if (move === 'CLOSE' && !note.trim())
			throw new IncidentProblem('Write the outcome before closing the incident.');
		const at = now.toISOString();
		await trx
			.updateTable('incidents')
			.set({
				status: to,
				updated_at: at,
				...(move === 'ACKNOWLEDGE' ? { acknowledged_at: at, acknowledged_by: staff.id } : {}),
				...(move === 'ESCALATE' ? { escalated_at: at } : {}),
				...(move === 'CLOSE' ? { closed_at: at, outcome: note.trim() } : {}),
				...(move === 'REOPEN' ? { closed_at: null } : {})
			})
			.where('id', '=', id)
			.execute();
		const words =
			move !== 'ACKNOWLEDGE'
				? `${STATUS_LABELS[to]}.`
				: row.source === 'staff'
					? `${staff.displayName} has seen the concern and is taking it on.`
					: `${staff.displayName} is with the child.`;
		await addEntry(trx, id, actorOf(staff), 'status', note.trim() ? `${words} ${note.trim()}` : words, now, {
			from: row.status,
			to
		});
		await appendAudit(
			trx,
			{
				actor: actorOf(staff),
				action: `incident.${move.toLowerCase()}`,
				target: `incident:${id}`,
				detail: { from: row.status, to }
			},
			now
		);
		return to;
	});
}

/** "I'm with the child": acknowledges a new report; harmless if someone already did. */
export async function acknowledgeIncident(
	db: Kysely<Database>,
	staff: StaffPrincipal,
	id: string
): Promise<boolean> {
	const row = await db.selectFrom('incidents').select('status').where('id', '=', id).executeTakeFirst();
	if (!row) throw new IncidentProblem('That incident does not exist.');
	if (row.status !== 'new') return false;
	await moveIncident(db, staff, id, 'ACKNOWLEDGE');
	return true;
}

export async function addStaffEntry(
	db: Kysely<Database>,
	staff: StaffPrincipal,
	id: string,
	kind: EntryKind,
	text: string,
	detail: Record<string, unknown> = {},
	now = new Date()
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await addEntry(trx, id, actorOf(staff), kind, text, now, detail);
		await trx.updateTable('incidents').set({ updated_at: now.toISOString() }).where('id', '=', id).execute();
		await appendAudit(
			trx,
			{ actor: actorOf(staff), action: `incident.entry-${kind}`, target: `incident:${id}`, detail },
			now
		);
	});
}

export async function setCategories(
	db: Kysely<Database>,
	staff: StaffPrincipal,
	id: string,
	chosen: CategoryId[],
	now = new Date()
): Promise<{ becameUrgent: boolean }> {
	const categories = [...new Set(chosen)];
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('incidents')
			.select(['source', 'urgent'])
			.where('id', '=', id)
			.executeTakeFirst();
		if (!row) throw new IncidentProblem('That incident does not exist.');
		// Marked as possible illegal content or a disclosure: urgent from now on (never lowered).
		const becameUrgent = !row.urgent && urgentAtOnce(row.source, categories);
		await trx
			.updateTable('incidents')
			.set({
				categories: JSON.stringify(categories),
				updated_at: now.toISOString(),
				...(becameUrgent ? { urgent: 1 } : {})
			})
			.where('id', '=', id)
			.execute();
		const text = categories.length
			? `Categories: ${categories.map(categoryLabel).join(', ')}.`
			: 'Categories cleared.';
		await addEntry(trx, id, actorOf(staff), 'note', text, now, { categories });
		await appendAudit(
			trx,
			{
				actor: actorOf(staff),
				action: 'incident.categorised',
				target: `incident:${id}`,
				detail: { categories, ...(becameUrgent ? { urgent: true } : {}) }
			},
			now
		);
		return { becameUrgent };
	});
}

/** A member of staff records a concern by hand ("a child told me"). */
export async function recordIncidentByHand(
	db: Kysely<Database>,
	staff: StaffPrincipal,
	input: { classId: string; facts: string; childsWords: string; categories: CategoryId[] },
	now = new Date()
): Promise<string> {
	const id = newId();
	const known = await db
		.selectFrom('classes')
		.select('id')
		.where('id', '=', input.classId)
		.executeTakeFirst();
	if (!known) throw new IncidentProblem('That class does not exist. Choose the class from the list.');
	// The DSL (or an admin) recording a concern has it in hand already; a teacher's concern waits
	// for the DSL to acknowledge it, like a press from a tablet.
	const inHand = staff.role === 'dsl' || staff.role === 'admin';
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('incidents')
			.values(
				newIncident(
					{
						id,
						class_id: input.classId,
						source: 'staff',
						categories: JSON.stringify([...new Set(input.categories)]),
						created_by: staff.id,
						...(inHand
							? { status: 'in-progress', acknowledged_at: now.toISOString(), acknowledged_by: staff.id }
							: {})
					},
					now
				)
			)
			.execute();
		await addEntry(trx, id, actorOf(staff), 'fact', input.facts, now);
		if (input.childsWords.trim())
			await addEntry(trx, id, actorOf(staff), 'childs-voice', input.childsWords, now);
		await appendAudit(
			trx,
			{
				actor: actorOf(staff),
				action: 'incident.recorded',
				target: `incident:${id}`,
				detail: { classId: input.classId }
			},
			now
		);
	});
	return id;
}

export const SCREENSHOT_TYPES = ['image/png', 'image/jpeg'] as const;
export const MAX_SCREENSHOT_BYTES = 2 * 1024 * 1024;

/** Staff attach a screenshot, unless the incident may involve illegal content (never copy it). */
export async function attachScreenshot(
	db: Kysely<Database>,
	staff: StaffPrincipal,
	id: string,
	file: { mime: string; bytes: Uint8Array },
	now = new Date()
): Promise<void> {
	const row = await db.selectFrom('incidents').select('categories').where('id', '=', id).executeTakeFirst();
	if (!row) throw new IncidentProblem('That incident does not exist.');
	if ((JSON.parse(row.categories) as string[]).includes(ILLEGAL)) {
		throw new IncidentProblem(
			'This incident may involve illegal content: do not screenshot or copy it. Record the address instead.'
		);
	}
	if (!(SCREENSHOT_TYPES as readonly string[]).includes(file.mime))
		throw new IncidentProblem('Attach a PNG or JPEG picture.');
	if (file.bytes.length === 0) throw new IncidentProblem('Choose a picture to attach.');
	if (file.bytes.length > MAX_SCREENSHOT_BYTES) throw new IncidentProblem('Pictures can be at most 2 MB.');
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('attachments')
			.values({
				id: newId(),
				report_id: id,
				kind: 'screenshot',
				mime: file.mime,
				data: Buffer.from(file.bytes).toString('base64'),
				bytes: file.bytes.length,
				created_at: now.toISOString(),
				purged_at: null
			})
			.execute();
		await addEntry(trx, id, actorOf(staff), 'note', 'A screenshot was attached.', now);
		await appendAudit(
			trx,
			{ actor: actorOf(staff), action: 'incident.screenshot-attached', target: `incident:${id}` },
			now
		);
	});
}
