import { error } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { canSeeIncidentsOf } from '$lib/server/incidents/visibility';
import { appendAudit } from '$lib/server/audit/audit-log';
import type { RequestHandler } from './$types';

/** A report's drawing or voice message, or a staff screenshot: only for those who may see the incident. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const staff = locals.who.staff!;
	const { db } = app();
	const incident = await db
		.selectFrom('incidents')
		.select(['id', 'class_id', 'report_id'])
		.where('id', '=', params.incidentId)
		.executeTakeFirst();
	if (!incident || !canSeeIncidentsOf(staff, incident.class_id))
		error(403, 'You do not have access to this.');
	const file = await db
		.selectFrom('attachments')
		.select(['mime', 'data', 'purged_at'])
		.where('id', '=', params.attachmentId)
		.where('report_id', 'in', [incident.report_id ?? incident.id, incident.id])
		.executeTakeFirst();
	if (!file || file.purged_at) error(404, 'That attachment is not here any more.');
	await appendAudit(db, {
		actor: `staff:${staff.id}`,
		action: 'incident.attachment-viewed',
		target: `incident:${incident.id}`
	});
	return new Response(Buffer.from(file.data, 'base64'), {
		headers: {
			'content-type': file.mime,
			'cache-control': 'private, no-store',
			'content-disposition': 'inline'
		}
	});
};
