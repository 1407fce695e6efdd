/**
 * Many schools on one deployment (issue 16): the demo trust (three schools, one PostgreSQL
 * database) on one app server, each school at its own address. A child's report at Oak reaches
 * Oak's DSL and never Ash's, and the other way round; an address that names no school is refused.
 * Chromium resolves `*.localhost` to this machine; the proxy's X-Forwarded-Proto is sent by the
 * browser context, as nginx would add it.
 */
import { expect, test, type Browser } from '@playwright/test';
import { enrolTablet, signInStaff, type DemoClass } from './helpers';
import { appRoleUrl } from '../../scripts/lib/system-deps.js';
import { emptyPostgres, portAt, postgresUrl, startServer, stopAllServers } from './service-helpers';

test.afterEach(() => stopAllServers());

async function at(browser: Browser, base: string) {
	return browser.newContext({ baseURL: base, extraHTTPHeaders: { 'x-forwarded-proto': 'http' } });
}

/** A tablet of `className` at this school presses "Tell a grown-up" on its sign-in screen. */
async function pressAt(browser: Browser, base: string, className: DemoClass) {
	const context = await at(browser, base);
	const page = await enrolTablet(context, className);
	await page.getByRole('button', { name: 'Tell a grown-up', exact: true }).dispatchEvent('pointerdown');
	await page.getByRole('button', { name: 'Next' }).click();
	await page.getByRole('button', { name: 'Worried' }).click();
	await page.getByRole('button', { name: 'Skip' }).click();
	await page.getByRole('button', { name: 'Skip' }).click();
	await expect(page.getByRole('heading', { name: 'Your teacher is coming.' })).toBeVisible();
	return context;
}

test('two schools on one database: each DSL sees only their own school’s reports; the trust DSL sees both', async ({
	browser
}) => {
	test.setTimeout(300_000);
	const url = await postgresUrl();
	await emptyPostgres(url);
	const port = portAt(30);
	// As a real trust deploys it: the app's role owns nothing; the owner's role only migrates.
	const start = (on: number) =>
		startServer(
			on,
			{ engine: 'postgres', where: appRoleUrl(url) },
			{ HARBOUR_DEMO: 'trust', PROTOCOL_HEADER: 'x-forwarded-proto', DATABASE_OWNER_URL: url },
			null
		);
	await start(port);
	const oak = `http://oak.localhost:${port}`;
	const ash = `http://ash.localhost:${port}`;

	// Each school has its own name, accounts and classes (the same demo emails, two accounts).
	const oakDsl = await (await at(browser, oak)).newPage();
	await signInStaff(oakDsl, 'dsl@demo.harbour');
	const ashDsl = await (await at(browser, ash)).newPage();
	await signInStaff(ashDsl, 'dsl@demo.harbour');

	const tablets = [await pressAt(browser, oak, 'Robins'), await pressAt(browser, ash, 'Owls')];

	for (const [dsl, own, other] of [
		[oakDsl, 'Robins', 'Owls'],
		[ashDsl, 'Owls', 'Robins']
	] as const) {
		await expect
			.poll(
				async () => {
					await dsl.goto('/staff/incidents?status=all');
					return dsl.getByRole('row').filter({ hasText: own }).count();
				},
				{ timeout: 60_000, message: `${own}' report reaches their own school's DSL` }
			)
			.toBe(1);
		// The other school's report is not in the log (both schools have classes of both names).
		await expect(dsl.getByRole('row').filter({ hasText: other })).toHaveCount(0);
	}

	// The trust's safeguarding lead (based at Oak) sees both schools' concerns in one place, and
	// reads each school's concern inside that school.
	const trustDsl = await (await at(browser, oak)).newPage();
	await signInStaff(trustDsl, 'trust.dsl@demo.harbour');
	await trustDsl.getByRole('link', { name: 'Trust', exact: true }).click();
	await expect(trustDsl.getByRole('heading', { name: 'Harbour Demo Learning Trust' })).toBeVisible();
	const concernsNow = trustDsl.getByRole('region', { name: 'Concerns now' });
	for (const school of ['Oak Infant School (demo)', 'Ash Primary School (demo)']) {
		const row = concernsNow.getByRole('row').filter({ hasText: school });
		// Open 1, not yet acknowledged 1: each school's own press, counted in its own row only.
		await expect(row.getByRole('cell').nth(0)).toHaveText('1');
		await expect(row.getByRole('cell').nth(1)).toHaveText('1');
	}
	await expect(concernsNow.getByRole('row').filter({ hasText: 'Elm' }).getByRole('cell').nth(0)).toHaveText(
		'0'
	);
	await concernsNow.getByRole('link', { name: 'Ash Primary School (demo)' }).click();
	await expect(
		trustDsl.getByRole('heading', { name: 'Ash Primary School (demo): open concerns' })
	).toBeVisible();
	const ashSchoolUrl = trustDsl.url();
	await expect(trustDsl.getByRole('row').filter({ hasText: 'Robins' })).toHaveCount(0);
	await trustDsl.getByRole('row').filter({ hasText: 'Owls' }).getByRole('link').click();
	await expect(trustDsl.getByRole('heading', { level: 1 })).toHaveText(
		/Ash Primary School \(demo\), Owls: New/
	);
	await expect(trustDsl.getByRole('note')).toContainText('The school’s DSL acknowledges');

	// A trust governor sees the figures, but no concern; a school's own DSL has no trust pages.
	const trustGovernor = await (await at(browser, oak)).newPage();
	await signInStaff(trustGovernor, 'trust.governor@demo.harbour');
	await trustGovernor.goto('/staff/trust');
	await expect(
		trustGovernor.getByRole('heading', { name: 'Figures for governors: this school year' })
	).toBeVisible();
	await expect(trustGovernor.getByRole('link', { name: 'Ash Primary School (demo)' })).toHaveCount(0);
	expect((await trustGovernor.goto(ashSchoolUrl))?.status()).toBe(403);
	expect((await oakDsl.goto('/staff/trust'))?.status()).toBe(403);

	// An address that names no school is refused; the server's own health answers on any address.
	const stranger = await (await at(browser, `http://nowhere.localhost:${port}`)).newPage();
	const res = await stranger.goto('/staff/sign-in');
	expect(res?.status()).toBe(404);
	await expect(stranger.locator('body')).toContainText('There is no Harbour school at this address.');
	expect((await stranger.goto('/api/health'))?.status()).toBe(200);

	// One shared host (no wildcard DNS): /s/<slug> chooses the school for this browser.
	const shared = await (await at(browser, `http://127.0.0.1:${port}`)).newPage();
	expect((await shared.goto('/staff/sign-in'))?.status()).toBe(404);
	expect((await shared.goto('/s/nowhere'))?.status()).toBe(404);
	expect((await shared.goto('/s/%E0'))?.status()).toBe(404);
	await shared.goto('/s/ash');
	await signInStaff(shared, 'dsl@demo.harbour');
	await shared.goto('/staff/incidents?status=all');
	await expect(shared.getByRole('row').filter({ hasText: 'Owls' })).toHaveCount(1);
	await expect(shared.getByRole('row').filter({ hasText: 'Robins' })).toHaveCount(0);
	// Choosing another school there: Ash's session means nothing at Oak.
	await shared.goto('/s/oak');
	await shared.goto('/staff/incidents?status=all');
	await expect(shared).toHaveURL(/\/staff\/sign-in/);

	// The deployment restarts with its three schools (nothing at start-up runs outside a school),
	// and the DSL's log is as it was.
	stopAllServers();
	const again = portAt(31);
	await start(again);
	// Cookies belong to the host, whatever the port: the DSL is still signed in.
	await oakDsl.goto(`http://oak.localhost:${again}/staff/incidents?status=all`);
	await expect(oakDsl.getByRole('row').filter({ hasText: 'Robins' })).toHaveCount(1);

	for (const c of [
		...tablets,
		oakDsl.context(),
		ashDsl.context(),
		trustDsl.context(),
		trustGovernor.context(),
		stranger.context(),
		shared.context()
	])
		await c.close();
});
