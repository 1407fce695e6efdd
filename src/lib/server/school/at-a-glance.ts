/** Whole-school counts with no pupil-level detail: safe for every staff role, governors too. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface Glance {
	classes: number;
	tablets: number;
	charterPromises: number;
}

export async function schoolAtAGlance(db: Kysely<Database>): Promise<Glance> {
	const count = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n ?? 0);
	return {
		classes: await count(
			db
				.selectFrom('classes')
				.select((eb) => eb.fn.countAll().as('n'))
				.executeTakeFirst()
		),
		tablets: await count(
			db
				.selectFrom('devices')
				.where('revoked_at', 'is', null)
				.select((eb) => eb.fn.countAll().as('n'))
				.executeTakeFirst()
		),
		charterPromises: await count(
			db
				.selectFrom('pupil_events')
				.where('kind', '=', 'charter.promised')
				.select((eb) => eb.fn.countAll().as('n'))
				.executeTakeFirst()
		)
	};
}
