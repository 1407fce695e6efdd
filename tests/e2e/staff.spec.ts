import { expect, test } from '@playwright/test';
import { EMPTY_URL } from '../../playwright.config';
import { signInStaff, TEACHER } from './helpers';

test('staff sign in and sign out; the old session cookie is dead on the server', async ({ browser }) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signInStaff(page, 'dsl@demo.harbour');
	await expect(page.getByText('Demo DSL · Designated safeguarding lead')).toBeVisible();
	const cookie = (await context.cookies()).find((c) => c.name === 'harbour_staff');
	expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/staff\/sign-in/);
	await page.goto('/staff');
	await expect(page).toHaveURL(/\/staff\/sign-in\?next=%2Fstaff$/);

	// Replaying the copied cookie gets nowhere: sign-out deleted the session itself.
	const replay = await browser.newContext();
	await replay.addCookies([cookie!]);
	const again = await replay.newPage();
	await again.goto('/staff');
	await expect(again).toHaveURL(/\/staff\/sign-in\?next=%2Fstaff$/);
	await context.close();
	await replay.close();
});

test('wrong passwords are rate limited, with a message saying how long to wait', async ({ page }) => {
	// A fresh account, so other tests' accounts are not locked.
	await signInStaff(page, 'admin@demo.harbour');
	await page.goto('/staff/admin/staff');
	const form = page.locator('form[action="?/create"]');
	await form.getByLabel('Name').fill('Supply teacher');
	await form.getByLabel('Email').fill('supply@demo.harbour');
	await form.getByLabel('Role').selectOption('dsl');
	await form.getByRole('button', { name: 'Add' }).click();
	await expect(page.getByText('Account made for supply@demo.harbour')).toBeVisible();
	const password = await page.locator('.message.ok code').innerText();
	await page.getByRole('button', { name: 'Sign out' }).click();

	for (let i = 0; i < 4; i++) {
		await page.goto('/staff/sign-in');
		await page.getByLabel('Email').fill('supply@demo.harbour');
		await page.getByLabel('Password').fill(`guess-${i}`);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('alert')).toHaveText('That email and password do not match an account.');
	}
	await page.getByLabel('Password').fill('guess-5');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Too many attempts. Please wait 15 minutes and try again.'
	);
	// Even the right password waits now.
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText('Too many attempts');
});

test('a teacher makes a code and a tablet is set up with it; an admin removes the tablet', async ({
	browser
}) => {
	const teacher = await (await browser.newContext()).newPage();
	await signInStaff(teacher, TEACHER.Robins);
	await teacher.getByRole('link', { name: 'Robins' }).first().click();
	await teacher.getByRole('button', { name: 'Make a code to set up a tablet' }).click();
	const code = (await teacher.locator('strong.code').innerText()).trim();
	expect(code).toMatch(/^[A-Z0-9]{6}$/);

	const tabletContext = await browser.newContext();
	const tablet = await tabletContext.newPage();
	await tablet.goto('/enrol');
	await tablet.getByRole('textbox', { name: 'Code' }).fill(code.toLowerCase());
	await tablet.getByRole('button', { name: 'Set up with this code' }).click();
	await expect(tablet).toHaveURL(/\/class\/sign-in$/);
	await expect(tablet.getByRole('button', { name: 'Robins class' })).toBeVisible();

	// The code works once.
	const other = await (await browser.newContext()).newPage();
	await other.goto('/enrol');
	await other.getByRole('textbox', { name: 'Code' }).fill(code);
	await other.getByRole('button', { name: 'Set up with this code' }).click();
	await expect(other.getByRole('alert')).toContainText('That code did not work');

	const admin = await (await browser.newContext()).newPage();
	await signInStaff(admin, 'admin@demo.harbour');
	await admin.goto('/staff/admin/devices');
	const rows = admin
		.getByRole('row', { name: /Robins/ })
		.filter({ has: admin.getByRole('button', { name: /Remove/ }) });
	const before = await rows.count();
	await rows
		.last()
		.getByRole('button', { name: /Remove/ })
		.click();
	await expect(admin.getByText('Tablet removed.')).toBeVisible();
	await expect(rows).toHaveCount(before - 1);
	await tablet.reload();
	await expect(tablet).toHaveURL(/\/(\?next=.*)?$/);
	await expect(tablet.getByRole('link', { name: 'Set up this tablet for a class' })).toBeVisible();
});

test('a real school starts empty: the first-run page makes the admin account', async ({ page }) => {
	await page.goto(`${EMPTY_URL}/`);
	await expect(page).toHaveURL(`${EMPTY_URL}/setup`);
	await page.getByLabel('School name').fill('St Example Infant School');
	await page.getByLabel('Your name').fill('Head Teacher');
	await page.getByLabel('Your email').fill('head@example.sch.uk');
	await page.getByLabel(/^Password/).fill('short');
	await page.getByRole('button', { name: 'Create the admin account' }).click();
	// The browser's own check stops a short password; the server would too.
	await expect(page).toHaveURL(`${EMPTY_URL}/setup`);
	await page.getByLabel(/^Password/).fill('three random words');
	await page.getByRole('button', { name: 'Create the admin account' }).click();
	await expect(page).toHaveURL(`${EMPTY_URL}/staff`);
	await expect(page.getByText('St Example Infant School')).toBeVisible();
	await page.goto(`${EMPTY_URL}/setup`);
	await expect(page).not.toHaveURL(/setup/);
});
