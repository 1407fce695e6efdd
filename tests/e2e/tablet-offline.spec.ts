import { expect, test } from '@playwright/test';
import { classTablet, enrolTablet, keptForOffline, readClassCard, signInClass } from './helpers';

test('a teacher enrols a tablet, the class signs in with pictures, and the class home works offline', async ({
	browser
}) => {
	const tiles = await readClassCard(browser, 'Robins');
	const context = await browser.newContext();
	const page = await enrolTablet(context, 'Robins');
	await signInClass(page, 'Robins', tiles);
	await expect(page.getByRole('heading', { name: 'Hello, Robins!' })).toBeVisible();

	// The service worker is in charge and has kept the class home.
	await keptForOffline(page, '/class');

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Hello, Robins!' })).toBeVisible();
	await expect(page.locator('[data-ready=yes]')).toBeVisible();
	// Opening the app from its start address works offline too.
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Hello, Robins!' })).toBeVisible();
	// And the charter, compiled at build and precached, opens offline.
	await page.getByRole('link', { name: 'Our promises' }).click();
	await expect(page.getByRole('button', { name: 'Tell a grown-up. Listen' })).toBeVisible();
	await context.close();
});

test('wrong pictures slow the tablet down instead of locking the class out', async ({ browser }) => {
	const context = await browser.newContext();
	const page = await enrolTablet(context, 'Owls');
	const right = await readClassCard(browser, 'Owls');
	const wrong = ['apple', 'boat', 'cat', 'drum', 'star', 'tree', 'sun', 'fish', 'house'].filter(
		(t) => !right.includes(t)
	);
	await page.getByRole('button', { name: 'Owls class' }).click();
	for (let attempt = 0; attempt < 3; attempt++) {
		for (const t of wrong.slice(0, 3)) await page.getByRole('button', { name: t, exact: true }).click();
		await expect(page.getByRole('button', { name: 'Start again' })).toBeVisible();
	}
	await expect(page.getByText('Let’s wait a moment…')).toBeVisible();
	await expect(page.getByRole('button', { name: right[0]!, exact: true })).toBeDisabled();
	// After the short wait, the right pictures still work.
	await expect(page.getByRole('button', { name: right[0]!, exact: true })).toBeEnabled({ timeout: 10_000 });
	for (const t of right) await page.getByRole('button', { name: t, exact: true }).click();
	await expect(page).toHaveURL(/\/class$/);
	await context.close();
});

test('the kiosk needs a teacher PIN to leave, and an idle tablet returns to the class home', async ({
	browser
}) => {
	const { context, page } = await classTablet(browser, 'Ladybirds');
	// No way to staff screens from pupil screens.
	await expect(page.locator('a[href^="/staff"]')).toHaveCount(0);
	const res = await page.goto('/staff');
	expect(page.url()).toContain('/staff/sign-in');
	expect(res?.ok()).toBe(true);
	await page.goto('/class/grown-ups');
	await page.getByLabel('Teacher PIN').fill('9999');
	await page.getByRole('button', { name: 'OK' }).click();
	// A PIN is checked by a deliberately slow hash, queued on a busy server: allow it time.
	await expect(page.getByRole('alert')).toHaveText('That PIN did not work.', { timeout: 30_000 });
	await expect(page.getByRole('button', { name: 'Sign the class out' })).toHaveCount(0);
	await page.getByLabel('Teacher PIN').fill('1234');
	await page.getByRole('button', { name: 'OK' }).click();
	await expect(page.getByText('Unlocked by Demo teacher (Ladybirds).')).toBeVisible({ timeout: 30_000 });
	await page.getByRole('button', { name: 'Sign the class out' }).click();
	await expect(page).toHaveURL(/\/class\/sign-in$/);
	await context.close();
});

test('an untouched tablet goes back to the class home, still signed in', async ({ browser }) => {
	const { context, page } = await classTablet(browser, 'Ladybirds');
	await page.clock.install();
	await page.goto('/class/charter');
	await expect(page.getByRole('link', { name: 'Home' })).toBeVisible();
	await page.clock.fastForward('02:59');
	await expect(page).toHaveURL(/\/class\/charter$/);
	await page.clock.fastForward('00:02');
	await expect(page).toHaveURL(/\/class$/);
	await expect(page.getByRole('heading', { name: 'Hello, Ladybirds!' })).toBeVisible();
	await context.close();
});
