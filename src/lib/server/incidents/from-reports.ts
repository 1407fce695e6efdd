/**
 * Turns "Tell a grown-up" events from a tablet into incidents, inside the same transaction that
 * stores the events: a report is either wholly recorded or not at all, never half-saved.
 * Events may arrive in any order (the answers before the press); each finds or makes the one
 * incident for its report id.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { DevicePrincipal } from '../auth/devices';
import { appendAudit } from '../audit/audit-log';
import { newId } from '../auth/tokens';
import {
	ReportAttachmentSchema,
	ReportCompletedSchema,
	ReportOpenedSchema,
	MAX_ATTACHMENT_BYTES,
	type ReportContext
} from '../../report/report-events';
import { FEELING_WORDS, WHAT_WORDS } from '../../report/report-words';
import { CATEGORY_IDS, type CategoryId } from '../../incidents/categories';
import type { EventHandler } from '../events/handlers';
import { addEntry } from './entries';

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
		.executeTakeFirst();
	if (existing) return { id: existing.id, created: false };
	const id = newId();
	await trx
		.insertInto('incidents')
		.values({
			id,
			class_id: device.classId,
			source: 'button',
			report_id: reportId,
			device_id: device.id,
			status: 'new',
			urgent: 0,
			opened_at: now.toISOString(),
			client_time: null,
			context: JSON.stringify({}),
			feeling: null,
			what: null,
			categories: '[]',
			outcome: null,
			created_by: null,
			acknowledged_at: null,
			acknowledged_by: null,
			escalated_at: null,
			closed_at: null,
			updated_at: now.toISOString()
		})
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
	return `Pressed on ${context.screen}.`;
}

export const reportOpened: EventHandler<typeof ReportOpenedSchema> = {
	schema: ReportOpenedSchema,
	async apply(trx, device, event, now) {
		const p = event.payload;
		if (p.practice) return null; // counted from pupil_events; never staff's business
		const { id, created } = await findOrOpen(trx, device, p.reportId, now);
		const category =
			p.category && (CATEGORY_IDS as string[]).includes(p.category) ? [p.category as CategoryId] : [];
		await trx
			.updateTable('incidents')
			.set({
				source: p.source,
				context: JSON.stringify(p.context),
				client_time: event.clientTime,
				device_id: device.id,
				...(category.length ? { categories: JSON.stringify(category) } : {}),
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

export const reportCompleted: EventHandler<typeof ReportCompletedSchema> = {
	schema: ReportCompletedSchema,
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
			'childs-voice',
			said.length
				? `On the tablet, the child chose: ${said.join('; ')}.`
				: 'The child chose not to answer the questions.',
			now
		);
		return { type: created ? 'incident.new' : 'incident.updated', incidentId: id };
	}
};

export const reportAttachment: EventHandler<typeof ReportAttachmentSchema> = {
	schema: ReportAttachmentSchema,
	maxBytes: Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 1024,
	async apply(trx, _device, event, now) {
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
