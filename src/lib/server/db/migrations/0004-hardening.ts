/**
 * Hardening: the search log in its own table (ordered by the server's clock, not a tablet's), a
 * note on a tablet where someone kept typing wrong kiosk PINs, and the one-time first-run lock.
 * New tables carry `school_id` and lead their keys with it (see DESIGN.md).
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const hardening: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable('search_log')
			.addColumn('school_id', 'text', (c) => c.notNull().defaultTo('school'))
			.addColumn('id', 'text', (c) => c.notNull())
			.addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
			.addColumn('device_id', 'text', (c) => c.notNull())
			.addColumn('searched_at', 'text', (c) => c.notNull())
			.addColumn('client_time', 'text', (c) => c.notNull())
			.addColumn('query', 'text', (c) => c.notNull())
			.addColumn('verdict', 'text', (c) => c.notNull())
			.addColumn('category', 'text')
			.addColumn('result_count', 'integer', (c) => c.notNull())
			.addPrimaryKeyConstraint('search_log_pk', ['school_id', 'id'])
			.execute();
		await db.schema
			.createIndex('search_log_by_time')
			.on('search_log')
			.columns(['school_id', 'searched_at'])
			.execute();
		await db.schema
			.createIndex('search_log_by_class')
			.on('search_log')
			.columns(['school_id', 'class_id', 'searched_at'])
			.execute();
		// Searches logged before this table existed move into it, payload and all.
		const old = await sql<{
			id: string;
			class_id: string;
			device_id: string;
			server_time: string;
			client_time: string;
			payload: string;
		}>`select id, class_id, device_id, server_time, client_time, payload from pupil_events where kind = 'search.logged'`.execute(
			db
		);
		for (const r of old.rows) {
			const p = JSON.parse(r.payload) as {
				query?: string;
				verdict?: string;
				category?: string | null;
				resultCount?: number;
			};
			await sql`insert into search_log (school_id, id, class_id, device_id, searched_at, client_time, query, verdict, category, result_count)
				values ('school', ${r.id}, ${r.class_id}, ${r.device_id}, ${r.server_time}, ${r.client_time}, ${String(p.query ?? '')}, ${String(p.verdict ?? 'allow')}, ${p.category ?? null}, ${Number(p.resultCount ?? 0)})`.execute(
				db
			);
		}
		await sql`update pupil_events set payload = '{}' where kind = 'search.logged'`.execute(db);
		await db.schema.alterTable('devices').addColumn('pin_alert', 'text').execute();
		await db.schema
			.alterTable('devices')
			.addColumn('set_aside_events', 'integer', (c) => c.notNull().defaultTo(0))
			.execute();
	}
};
