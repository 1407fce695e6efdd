/**
 * Turns "Tell a grown-up" events from a tablet into incidents, inside the same transaction that
 * stores the events: a report is either wholly recorded or not at all, never half-saved.
 * Events may arrive in any order (the answers before the press); each finds or makes the one
 * incident for its report id.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { DevicePrincipal } from '../auth/devices';
import { appendAudit, appendAuditMany } from '../audit/audit-log';
import { newId } from '../auth/tokens';
import { REPORT_EVENT, type ReportContext, type ReportOpened } from '../../report/report-events';
import { FEELING_WORDS, WHAT_WORDS } from '../../report/report-words';
import { screenName } from '../../incidents/alert-summary';
import { CATEGORY_IDS, type CategoryId } from '../../incidents/categories';
import type { EventHandler, LiveChange, StoredEvent } from '../events/handlers';
import { urgentAtOnce } from '../../incidents/kinds';
import { addEntry } from './entries';
import { newIncident } from './new-incident';

type Trx = Transaction<Database>;

async function findOrOpen(
	trx: Trx,
	device: DevicePrincipal,
	reportId: string,
	now: Date
): Promise<{ id: string; created: boolean }> {
	const existing = await trx
		.selectFrom('incidents')
		.select('id')
		.where('report_id', '=', reportId)
		.where('class_id', '=', device.classId)
		.executeTakeFirst();
	if (existing) return { id: existing.id, created: false };
	const id = newId();
	await trx
		.insertInto('incidents')
		.values(
			newIncident(
				{ id, class_id: device.classId, source: 'button', report_id: reportId, device_id: device.id },
				now
			)
		)
		.execute();
	await appendAudit(trx, {
		actor: `device:${device.id}`,
		action: 'incident.opened',
		target: `incident:${id}`,
		detail: { classId: device.classId }
	});
	return { id, created: true };
}

function describeScreen(context: ReportContext, source: string, query?: string): string {
	if (source === 'search') return `Safe search noticed a worrying search: “${query ?? ''}”.`;
	if (context.lesson)
		return `Pressed during ‘${context.lesson.title}’${context.lesson.step ? `, step ${context.lesson.step}` : ''}.`;
	if (context.game) return `Pressed while playing ‘${context.game}’.`;
	return `Pressed on ${screenName(context.screen)}.`;
}

type Opened = StoredEvent<ReportOpened>;

function categoriesOf(p: ReportOpened): CategoryId[] {
	return p.category && (CATEGORY_IDS as string[]).includes(p.category) ? [p.category as CategoryId] : [];
}

/**
 * Many presses at once (a tablet back online after a day offline): new incidents, their first
 * chronology entries and their audit rows are each written with one statement per batch.
 */
async function openMany(
	trx: Trx,
	device: DevicePrincipal,
	events: Opened[],
	now: Date
): Promise<LiveChange[]> {
	const real = [
		...new Map(events.filter((e) => !e.payload.practice).map((e) => [e.payload.reportId, e])).values()
	];
	if (real.length === 0) return [];
	const known = new Set(
		(
			await trx
				.selectFrom('incidents')
				.select('report_id')
				.where(
					'report_id',
					'in',
					real.map((e) => e.payload.reportId)
				)
				.execute()
		).map((r) => r.report_id)
	);
	const changes: LiveChange[] = [];
	// Answers that arrived first already made the incident: fill it in one by one (rare).
	for (const e of real.filter((e) => known.has(e.payload.reportId))) {
		const change = await reportOpened.apply(trx, device, e, now);
		if (change) changes.push(change);
	}
	const fresh = real.filter((e) => !known.has(e.payload.reportId)).map((e) => ({ e, id: newId() }));
	if (fresh.length === 0) return changes;
	const at = now.toISOString();
	await trx
		.insertInto('incidents')
		.values(
			fresh.map(({ e, id }) =>
				newIncident(
					{
						id,
						class_id: device.classId,
						source: e.payload.source,
						report_id: e.payload.reportId,
						device_id: device.id,
						client_time: e.clientTime,
						context: JSON.stringify(e.payload.context),
						categories: JSON.stringify(categoriesOf(e.payload))
					},
					now
				)
			)
		)
		.execute();
	await trx
		.insertInto('incident_entries')
		.values(
			fresh.map(({ e, id }) => ({
				id: newId(),
				incident_id: id,
				at,
				author: 'tablet',
				kind: 'report',
				text: describeScreen(e.payload.context, e.payload.source, e.payload.context.searchQuery),
				detail: JSON.stringify({ clientTime: e.clientTime })
			}))
		)
		.execute();
	await appendAuditMany(
		trx,
		fresh.map(({ id }) => ({
			actor: `device:${device.id}`,
			action: 'incident.opened',
			target: `incident:${id}`,
			detail: { classId: device.classId }
		})),
		now
	);
	return [...changes, ...fresh.map(({ id }) => ({ type: 'incident.new' as const, incidentId: id }))];
}

export const reportOpened: EventHandler<typeof REPORT_EVENT.opened> = {
	applyBatch: (trx, device, events, now) => openMany(trx, device, events, now),
	async apply(trx, device, event, now) {
		const p = event.payload;
		if (p.practice) return null; // counted from pupil_events; never staff's business
		const { id, created } = await findOrOpen(trx, device, p.reportId, now);
		const category = categoriesOf(p);
		await trx
			.updateTable('incidents')
			.set({
				source: p.source,
				context: JSON.stringify(p.context),
				client_time: event.clientTime,
				device_id: device.id,
				...(category.length ? { categories: JSON.stringify(category) } : {}),
				// A disclosure typed into search is urgent from the start, however the events arrived.
				...(urgentAtOnce(p.source, category) ? { urgent: 1 } : {}),
				updated_at: now.toISOString()
			})
			.where('id', '=', id)
			.execute();
		await addEntry(
			trx,
			id,
			'tablet',
			'report',
			describeScreen(p.context, p.source, p.context.searchQuery),
			now,
			{
				clientTime: event.clientTime
			}
		);
		return { type: created ? 'incident.new' : 'incident.updated', incidentId: id };
	}
};

export const reportCompleted: EventHandler<typeof REPORT_EVENT.completed> = {
	async apply(trx, device, event, now) {
		const p = event.payload;
		if (p.practice) return null;
		const { id, created } = await findOrOpen(trx, device, p.reportId, now);
		await trx
			.updateTable('incidents')
			.set({ feeling: p.feeling ?? null, what: p.what ?? null, updated_at: now.toISOString() })
			.where('id', '=', id)
			.execute();
		const said = [p.feeling && FEELING_WORDS[p.feeling], p.what && WHAT_WORDS[p.what]].filter(Boolean);
		await addEntry(
			trx,
			id,
			'tablet',
			// Pictures the child tapped, not words the child said: never recorded as their own words.
			'report',
			said.length
				? `On the tablet, the child chose the pictures: ${said.join('; ')}.`
				: 'The child chose not to answer the questions.',
			now
		);
		return { type: created ? 'incident.new' : 'incident.updated', incidentId: id };
	}
};

export const reportAttachment: EventHandler<typeof REPORT_EVENT.attachment> = {
	async apply(trx, device, event, now) {
		const p = event.payload;
		await trx
			.insertInto('attachments')
			.values({
				id: event.id,
				report_id: p.reportId,
				kind: p.kind,
				mime: p.mime,
				data: p.dataBase64,
				bytes: Math.floor((p.dataBase64.length * 3) / 4),
				created_at: now.toISOString(),
				purged_at: null
			})
			.execute();
		const incident = await trx
			.selectFrom('incidents')
			.select('id')
			.where('report_id', '=', p.reportId)
			.where('class_id', '=', device.classId)
			.executeTakeFirst();
		if (!incident) return null;
		await addEntry(
			trx,
			incident.id,
			'tablet',
			'report',
			p.kind === 'voice' ? 'A voice message was attached.' : 'A drawing was attached.',
			now
		);
		return { type: 'incident.updated', incidentId: incident.id };
	}
};
