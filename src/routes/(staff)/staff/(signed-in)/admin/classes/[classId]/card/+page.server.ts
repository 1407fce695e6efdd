import { error } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { getClass, getPicturePassword } from '$lib/server/school/classes';
import { appendAudit } from '$lib/server/audit/audit-log';
import type { PageServerLoad } from './$types';

export const load = (async ({ params, locals }) => {
	const { db } = app();
	const info = await getClass(db, params.classId);
	if (!info) error(404, 'There is no such class.');
	await appendAudit(db, {
		actor: `staff:${locals.who.staff?.id}`,
		action: 'class.card-viewed',
		target: `class:${info.id}`
	});
	return { info, tiles: await getPicturePassword(db, info.id) };
}) satisfies PageServerLoad;
