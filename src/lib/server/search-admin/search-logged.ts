/** Stores each `search.logged` event as a row of the search log, stamped with the server's time. */
import type { EventHandler } from '../events/handlers';
import type { SEARCH_LOGGED } from '../../search/search-log-event';
import { currentSchool } from '../tenancy/context';

export const searchLogged: EventHandler<typeof SEARCH_LOGGED> = {
	async apply(trx, device, event, now) {
		await trx
			.insertInto('search_log')
			.values(rowOf(device, event, now))
			.execute();
		return null;
	},
	async applyBatch(trx, device, events, now) {
		if (events.length)
			await trx
				.insertInto('search_log')
				.values(events.map((e) => rowOf(device, e, now)))
				.execute();
		return [];
	}
};

function rowOf(
	device: { id: string; classId: string },
	e: Parameters<(typeof searchLogged)['apply']>[2],
	now: Date
) {
	return {
		school_id: currentSchool(),
		id: e.id,
		class_id: device.classId,
		device_id: device.id,
		searched_at: now.toISOString(),
		client_time: e.clientTime,
		query: e.payload.query,
		verdict: e.payload.verdict,
		category: e.payload.category,
		result_count: e.payload.resultCount
	};
}
