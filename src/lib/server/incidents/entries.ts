/** The chronology of an incident: dated entries, appended, never edited. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { newId } from '../auth/tokens';
import type { EntryKind } from '../../incidents/categories';

export async function addEntry(
	db: Kysely<Database> | Transaction<Database>,
	incidentId: string,
	author: string,
	kind: EntryKind,
	text: string,
	now = new Date(),
	detail: Record<string, unknown> = {}
): Promise<void> {
	await db
		.insertInto('incident_entries')
		.values({
			id: newId(),
			incident_id: incidentId,
			at: now.toISOString(),
			author,
			kind,
			text,
			detail: JSON.stringify(detail)
		})
		.execute();
}
