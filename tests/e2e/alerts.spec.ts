import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_URL } from '../../playwright.config';
import { SmtpSink } from '../unit/helpers/smtp-sink';
import { enrolTablet, signInStaff } from './helpers';

/** tests/e2e/serve.js points the demo server's email alerts here; nothing listens until we say. */
const SMTP_PORT = Number(new URL(DEMO_URL).port) + 3;

let tablet: BrowserContext;

test.beforeAll(async ({ browser }) => {
	tablet = await browser.newContext();
	await enrolTablet(tablet, 'Robins');
});
test.afterAll(async () => {
	await tablet.close();
});

/** A press of "Tell a grown-up" on the Robins tablet, sent as its outbox sends it. */
async function pressOnTablet(): Promise<void> {
	const reportId = crypto.randomUUID();
	const res = await tablet.request.post('/api/events', {
		headers: { origin: DEMO_URL },
		data: {
			events: [
				{
					id: crypto.randomUUID(),
					kind: 'report.opened',
					clientTime: new Date().toISOString(),
					payload: { reportId, practice: false, source: 'button', context: { screen: '/class' } }
				}
			]
		}
	});
	expect(res.status()).toBe(200);
}

async function staffPage(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signInStaff(page, email);
	return page;
}

test('the alert sound is off until a tap turns it on, then every alert chimes', async ({ browser }) => {
	const dsl = await staffPage(browser, 'dsl@demo.harbour');
	await dsl.goto('/staff');
	const sound = dsl.getByRole('group', { name: 'Alert sound' });
	await expect(sound).toContainText('Alert sound is off');
	await expect(sound).toHaveAttribute('data-sound', 'off');

	await sound.getByRole('button', { name: 'Turn alert sound on' }).click();
	await expect(sound).toContainText('Alert sound is on');
	await expect(sound).toHaveAttribute('data-sound', 'on');
	await expect(sound).toHaveAttribute('data-chimes', '0');

	await pressOnTablet();
	await expect(dsl.getByRole('alert').filter({ hasText: 'Robins' }).first()).toBeVisible({ timeout: 20_000 });
	await expect(sound).toHaveAttribute('data-chimes', '1');

	// The choice is remembered on this device; the browser needs one click to let sound start again.
	await dsl.reload();
	await expect(sound).toHaveAttribute('data-sound', 'waiting');
	await expect(sound).toContainText('comes back on at your first click');
	await dsl.getByRole('heading', { level: 1 }).click();
	await expect(sound).toContainText('Alert sound is on');
	await dsl.context().close();
});

test('a mail server that is down shows on the settings screen, and the alert is delivered once it is back', async ({
	browser
}) => {
	test.setTimeout(120_000);
	await pressOnTablet();
	const admin = await staffPage(browser, 'admin@demo.harbour');
	await admin.goto('/staff/admin/settings');
	const failing = admin.getByRole('alert').filter({ hasText: 'Email alerts are failing' });
	await expect(async () => {
		await admin.reload();
		await expect(failing).toContainText(`ECONNREFUSED 127.0.0.1:${SMTP_PORT}`, { timeout: 2_000 });
	}).toPass({ timeout: 45_000 });
	await expect(failing).toContainText(/\d+ waiting/);

	const sink = await new SmtpSink(SMTP_PORT).start();
	try {
		await admin.getByRole('button', { name: 'Try sending them again now' }).click();
		await expect(
			admin.getByRole('status').filter({ hasText: 'every email alert has been sent' })
		).toBeVisible({
			timeout: 30_000
		});
		await admin.reload();
		await expect(failing).toHaveCount(0);
		const toDsl = sink.mails.filter((m) => m.to.includes('dsl@demo.harbour'));
		expect(toDsl.length).toBeGreaterThan(0);
		expect(toDsl[0]!.subject).toMatch(/^Harbour: .*concern from Robins/);
		expect(toDsl[0]!.text).toMatch(new RegExp(`${DEMO_URL}/staff/incidents/[\\w-]+`));
	} finally {
		await sink.stop();
	}
	await admin.context().close();
});
