// `npm run trust:role -- --school oak --email head@oak.sch.uk --role admin` gives the account with
// that email at that school a trust role (dsl, admin, governor; `none` takes it away): how a
// trust's first admin is made. Later ones are given on the trust's Schools page.
// Exit 0: done. Exit 1: refused (the sentence says why). Exit 2: the database could not be opened.
import { parseArgs } from 'node:util';
import { readConfig } from '../src/lib/server/config/config';
import { openDatabase } from '../src/lib/server/db/connect';
import { trustOfSchool } from '../src/lib/server/tenancy/trust';
import { setTrustRole, TrustRoleRefused } from '../src/lib/server/trust/trust-roles';
import { TRUST_ROLES, type TrustRole } from '../src/lib/staff/roles';

const { values } = parseArgs({
	options: { school: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' } },
	strict: true
});

try {
	const config = readConfig();
	const handle = await openDatabase(config.database);
	try {
		const role = values.role ?? '';
		if (role !== 'none' && !TRUST_ROLES.includes(role as TrustRole))
			throw new TrustRoleRefused('--role is dsl, admin, governor or none.');
		const school = await handle.db
			.selectFrom('schools')
			.select('id')
			.where('slug', '=', values.school ?? '')
			.executeTakeFirst();
		if (!school)
			throw new TrustRoleRefused(`There is no school with the address name “${values.school ?? ''}”.`);
		const trust = await trustOfSchool(handle.db, school.id);
		if (!trust)
			throw new TrustRoleRefused('That school is not in a trust (school:add --trust puts it in one).');
		await setTrustRole(handle.db, trust, {
			schoolId: school.id,
			email: values.email ?? '',
			trustRole: role === 'none' ? null : (role as TrustRole),
			actor: 'system:trust-role'
		});
		console.log(role === 'none' ? 'Trust role taken away.' : `Trust role ${role} given.`);
	} catch (e) {
		if (!(e instanceof TrustRoleRefused)) throw e;
		console.error(e.message);
		process.exitCode = 1;
	} finally {
		await handle.close();
	}
} catch (e) {
	console.error((e as Error).message);
	process.exitCode = 2;
}
