/**
 * The alert dispatcher works from the database, not from incident creation: each pass finds the
 * incidents whose chain steps are due and not yet taken, takes each step once (a unique row per
 * incident and step, so with several app servers only one wins), and queues an email and a push
 * delivery for each person at that step. The step is recorded in the incident's chronology and
 * the audit log. Sending is separate (deliveries.ts), retried until it succeeds.
 *
 * Immediate steps (0 minutes) fire for every new incident however it was raised; later steps fire
 * only while nobody has acknowledged it: acknowledgement by anyone stops the chain.
 */
import type { Insertable, Kysely } from 'kysely';
import type { Database, AlertDeliveryTable } from '../db/schema';
import type { SchoolSettings } from '../school/settings';
import { appendAudit } from '../audit/audit-log';
import { newId } from '../auth/tokens';
import { addEntry } from '../incidents/entries';
import { chainOf, recipientsFor, stepKey } from './chain';
import { alertMessage } from './message';
import { urgencyOf } from './urgency';
import { CHAIN_ROLE_LABELS } from '../../staff/chain-roles';
import { currentSchool } from '../tenancy/context';

/** Incidents older than this are not alerted (a server down for a day does not flood inboxes). */
export const LOOKBACK_MS = 24 * 60 * 60_000;

export interface DispatchOptions {
	/** ORIGIN, for the link. */
	origin: string;
	/** Email is configured on the server and chosen in settings. */
	email: boolean;
	/** Push is chosen in settings (keys are always there). */
	push: boolean;
}

/** Takes every due chain step; returns how many steps were taken by this pass. */
export async function planAlerts(
	db: Kysely<Database>,
	settings: SchoolSettings,
	options: DispatchOptions,
	now = new Date()
): Promise<number> {
	const chain = chainOf(settings);
	const since = new Date(now.getTime() - LOOKBACK_MS).toISOString();
	const incidents = await db
		.selectFrom('incidents')
		.innerJoin('classes', 'classes.id', 'incidents.class_id')
		.select([
			'incidents.id',
			'incidents.class_id',
			'classes.name as class_name',
			'incidents.opened_at',
			'incidents.acknowledged_at',
			'incidents.created_by',
			'incidents.urgent',
			'incidents.source'
		])
		.where('incidents.opened_at', '>=', since)
		.where('incidents.status', '!=', 'closed')
		.execute();
	if (incidents.length === 0) return 0;
	const taken = new Set(
		(
			await db
				.selectFrom('alert_steps')
				.select(['incident_id', 'step'])
				.where('fired_at', '>=', since)
				.execute()
		).map((r) => `${r.incident_id} ${r.step}`)
	);
	let count = 0;
	for (const incident of incidents) {
		const openedMs = new Date(incident.opened_at).getTime();
		for (const step of chain) {
			const key = stepKey(step);
			if (taken.has(`${incident.id} ${key}`)) continue;
			if (openedMs + step.afterMinutes * 60_000 > now.getTime()) continue;
			if (step.afterMinutes > 0 && incident.acknowledged_at !== null) continue;
			// Who made it (a concern recorded by hand) already knows.
			const people = (await recipientsFor(db, step.role, incident.class_id)).filter(
				(p) => p.id !== incident.created_by
			);
			const subscriptions = options.push
				? await db
						.selectFrom('push_subscriptions')
						.select(['id', 'staff_id'])
						.where('staff_id', 'in', people.map((p) => p.id).concat(''))
						.execute()
				: [];
			const message = JSON.stringify(
				alertMessage(
					{
						incidentId: incident.id,
						className: incident.class_name,
						openedAt: incident.opened_at,
						// A later step is an escalation: urgent, as the screens show it by then.
						urgency: step.afterMinutes > 0 ? 'urgent' : urgencyOf(incident),
						role: step.role,
						afterMinutes: step.afterMinutes
					},
					options.origin
				)
			);
			const at = now.toISOString();
			const row = (
				channel: AlertDeliveryTable['channel'],
				staffId: string,
				target: string
			): Insertable<AlertDeliveryTable> => ({
				school_id: currentSchool(),
				id: newId(),
				incident_id: incident.id,
				step: key,
				channel,
				staff_id: staffId,
				target,
				message,
				status: 'waiting',
				attempts: 0,
				next_attempt_at: at,
				last_error: null,
				created_at: at,
				sent_at: null
			});
			const deliveries = [
				...(options.email ? people.map((p) => row('email', p.id, p.email)) : []),
				...subscriptions.map((s) => row('push', s.staff_id, s.id))
			];
			const won = await db.transaction().execute(async (trx) => {
				const claimed = await trx
					.insertInto('alert_steps')
					.values({ school_id: currentSchool(), incident_id: incident.id, step: key, fired_at: at })
					.onConflict((oc) => oc.columns(['school_id', 'incident_id', 'step']).doNothing())
					.executeTakeFirst();
				if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;
				if (deliveries.length) await trx.insertInto('alert_deliveries').values(deliveries).execute();
				await addEntry(
					trx,
					incident.id,
					'system',
					'informed',
					stepSentence(step, people, options.email, subscriptions.length),
					now,
					{ alert: { role: step.role, afterMinutes: step.afterMinutes, staff: people.map((p) => p.id) } }
				);
				await appendAudit(
					trx,
					{
						actor: 'system',
						action: 'incident.alert-step',
						target: `incident:${incident.id}`,
						detail: {
							role: step.role,
							afterMinutes: step.afterMinutes,
							staff: people.map((p) => p.id),
							email: options.email ? people.length : 0,
							push: subscriptions.length
						}
					},
					now
				);
				return true;
			});
			if (won) count++;
		}
	}
	return count;
}

/** The chronology's words for a step: who was told and how. */
function stepSentence(
	step: { role: keyof typeof CHAIN_ROLE_LABELS; afterMinutes: number },
	people: { displayName: string }[],
	email: boolean,
	pushes: number
): string {
	const who = CHAIN_ROLE_LABELS[step.role];
	const late =
		step.afterMinutes > 0
			? `Not acknowledged after ${step.afterMinutes} minute${step.afterMinutes === 1 ? '' : 's'}: `
			: '';
	const alert = late ? 'alert' : 'Alert';
	if (people.length === 0)
		return `${late}${alert} for ${who}: nobody is set up as ${who}, so nobody was told.`;
	const how = [email ? 'email' : null, pushes ? `push to ${pushes} device${pushes === 1 ? '' : 's'}` : null]
		.filter(Boolean)
		.join(' and ');
	const names = people.map((p) => p.displayName).join(', ');
	if (!how)
		return `${late}${alert} for ${who} (${names}): on Harbour's screens only (no email or push set up).`;
	return `${late}${alert} to ${who} (${names}) by ${how}.`;
}
