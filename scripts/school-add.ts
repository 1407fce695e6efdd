// `npm run school:add -- --slug oak --name "Oak Infant School" [--trust "Oak Learning Trust"]`:
// adds a school to a many-schools deployment (PostgreSQL). It answers at
// <slug>.<HARBOUR_DOMAIN>; its first admin is made on that address's /setup page with the
// one-time set-up code printed here (give it to the school's admin; it is not shown again). Exit 0: added. Exit 1: refused (the sentence says why). Exit 2: the
// database could not be opened.
import { parseArgs } from 'node:util';
import { readConfig } from '../src/lib/server/config/config';
import { openDatabase } from '../src/lib/server/db/connect';
import { addSchool, addTrust, SchoolRefused } from '../src/lib/server/tenancy/schools';

const { values } = parseArgs({
	options: { slug: { type: 'string' }, name: { type: 'string' }, trust: { type: 'string' } },
	strict: true
});

try {
	const config = readConfig();
	const handle = await openDatabase(config.database);
	try {
		let trustId: string | null = null;
		if (values.trust) {
			const found = await handle.db
				.selectFrom('trusts')
				.select('id')
				.where('name', '=', values.trust)
				.executeTakeFirst();
			trustId =
				found?.id ?? (config.database.engine === 'postgres' ? await addTrust(handle.db, values.trust) : null);
		}
		const school = await addSchool(handle.db, handle.engine, {
			slug: values.slug ?? '',
			name: values.name ?? '',
			trustId
		});
		if (config.domain)
			console.log(
				`Added ${school.name} at ${school.slug}.${config.domain}. Its first admin signs up at https://${school.slug}.${config.domain}/setup with the set-up code ${school.setupCode} (shown only now).`
			);
		else
			console.log(
				`Added ${school.name} (address name “${school.slug}”). Set HARBOUR_DOMAIN so it answers at ${school.slug}.<your domain>; its first admin then signs up at that address's /setup with the set-up code ${school.setupCode} (shown only now).`
			);
	} catch (e) {
		if (!(e instanceof SchoolRefused)) throw e;
		console.error(e.message);
		process.exitCode = 1;
	} finally {
		await handle.close();
	}
} catch (e) {
	console.error((e as Error).message);
	process.exitCode = 2;
}
