/**
 * The demo school created on first start of an empty database (unless HARBOUR_DEMO=0).
 * Everything is labelled as demo; the passwords are printed so a visitor can try each role.
 */
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema';
import { createClass, getPicturePassword } from '../school/classes';
import { createStaff } from '../school/staff';
import { DEFAULT_SETTINGS, saveSettings } from '../school/settings';
import { appendAudit } from '../audit/audit-log';

export const DEMO_PASSWORD = 'harbour-demo';
export const DEMO_PIN = '1234';

const DEMO_CLASSES = [
	{ name: 'Ladybirds', yearGroup: 'Reception', picture: 'ladybird' },
	{ name: 'Robins', yearGroup: 'Year 1', picture: 'robin' },
	{ name: 'Owls', yearGroup: 'Year 2', picture: 'owl' }
];

export interface DemoLogin {
	role: Role;
	email: string;
	className?: string;
}

export interface DemoSchool {
	logins: DemoLogin[];
	classes: { name: string; id: string; tiles: string[] }[];
}

export async function seedDemoSchool(
	db: Kysely<Database>,
	schoolName = 'Harbour Demo Primary (demo school)'
): Promise<DemoSchool> {
	await saveSettings(db, { ...DEFAULT_SETTINGS, schoolName });
	const logins: DemoLogin[] = [];
	const classes: DemoSchool['classes'] = [];
	for (const c of DEMO_CLASSES) {
		const info = await createClass(db, c);
		const email = `${c.name.toLowerCase()}.teacher@demo.harbour`;
		await createStaff(db, {
			email,
			displayName: `Demo teacher (${c.name})`,
			role: 'teacher',
			classId: info.id,
			password: DEMO_PASSWORD,
			pin: DEMO_PIN
		});
		logins.push({ role: 'teacher', email, className: c.name });
		classes.push({ name: c.name, id: info.id, tiles: await getPicturePassword(db, info.id) });
	}
	const others: { role: Role; email: string; name: string }[] = [
		{ role: 'dsl', email: 'dsl@demo.harbour', name: 'Demo DSL' },
		{ role: 'admin', email: 'admin@demo.harbour', name: 'Demo admin' },
		{ role: 'governor', email: 'governor@demo.harbour', name: 'Demo governor' }
	];
	for (const o of others) {
		await createStaff(db, {
			email: o.email,
			displayName: o.name,
			role: o.role,
			classId: null,
			password: DEMO_PASSWORD,
			pin: o.role === 'governor' ? undefined : DEMO_PIN
		});
		logins.push({ role: o.role, email: o.email });
	}
	await appendAudit(db, {
		actor: 'system',
		action: 'demo.seeded',
		target: 'school',
		detail: { classes: classes.length }
	});
	return { logins, classes };
}

export function describeDemoSchool(demo: DemoSchool, origin: string): string {
	const lines = [
		'',
		'  Harbour DEMO school created (HARBOUR_DEMO=0 starts a real school instead).',
		`  Staff sign in at ${origin}/staff/sign-in, password "${DEMO_PASSWORD}", kiosk PIN ${DEMO_PIN}:`,
		...demo.logins.map((l) => `    ${l.role.padEnd(9)} ${l.email}${l.className ? `  (${l.className})` : ''}`),
		'  Tablets: open ' + origin + '/enrol, enrol with a teacher sign-in, then tap the pictures:',
		...demo.classes.map((c) => `    ${c.name.padEnd(10)} ${c.tiles.join(' → ')}`),
		''
	];
	return lines.join('\n');
}
