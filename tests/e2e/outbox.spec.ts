import { expect, test, type Page } from '@playwright/test';
import { classTablet, keptForOffline, outboxRows, signInStaff, TEACHER } from './helpers';

async function promisesSeenByTeacher(page: Page, className: string): Promise<number> {
	await page.goto('/staff');
	await page.getByRole('link', { name: className }).first().click();
	await expect(page.getByRole('heading', { name: 'Recent activity on the class tablets' })).toBeVisible();
	return page.getByText('Made the charter promise').count();
}

test('an event made offline survives a reload and a closed tab, and arrives exactly once', async ({
	browser
}) => {
	const { context, page } = await classTablet(browser, 'Owls');
	await keptForOffline(page, '/class');
	await page.goto('/class/charter');
	await keptForOffline(page, '/class/charter');
	await context.setOffline(true);
	await page.getByRole('button', { name: 'I promise to keep these rules.' }).click();
	await expect(page.getByText('Promise made!')).toBeVisible();
	expect(await outboxRows(page)).toBe(1);

	await page.reload();
	await expect(page.getByRole('heading', { name: 'Our online safety promises' })).toBeVisible();
	await page.getByRole('link', { name: 'Grown-ups only' }).click();
	await expect(page.getByText('1 thing waiting to send')).toBeVisible();
	await page.close();

	const again = await context.newPage();
	await again.goto('/class');
	expect(await outboxRows(again)).toBe(1);
	await context.setOffline(false);
	await again.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect.poll(() => outboxRows(again)).toBe(0);

	const staff = await (await browser.newContext()).newPage();
	await signInStaff(staff, TEACHER.Owls);
	expect(await promisesSeenByTeacher(staff, 'Owls')).toBe(1);
	await context.close();
});

test('the same event sent twice is stored once; a bad event is set aside with its reason and stores nothing', async ({
	browser
}) => {
	const { context, page } = await classTablet(browser, 'Ladybirds');
	const id = crypto.randomUUID();
	const results = await page.evaluate(async (id) => {
		const send = (body: unknown, type = 'application/json') =>
			fetch('/api/events', {
				method: 'POST',
				headers: { 'content-type': type },
				body: JSON.stringify(body)
			}).then(async (r) => ({
				status: r.status,
				body: (await r.json()) as { message?: string; acked?: string[]; rejected?: unknown[] }
			}));
		const event = {
			id,
			kind: 'charter.promised',
			clientTime: new Date().toISOString(),
			payload: { charter: 'Our promises' }
		};
		return [
			await send({ events: [event] }),
			await send({ events: [event] }),
			await send({ events: [{ ...event, id: 'not-a-uuid' }] }),
			await send({
				events: [{ ...event, id: crypto.randomUUID(), payload: { charter: 'x'.repeat(70_000) } }]
			}),
			await send({ events: [] }),
			await send('just text', 'text/plain')
		];
	}, id);
	expect(results[0]).toEqual({ status: 200, body: { acked: [id], rejected: [] } });
	expect(results[1]).toEqual({ status: 200, body: { acked: [id], rejected: [] } });
	expect(results[2]).toEqual({
		status: 200,
		body: { acked: [], rejected: [{ id: 'not-a-uuid', reason: 'events.0: Each event needs a UUID id.' }] }
	});
	expect(results[3]).toMatchObject({
		status: 200,
		body: { acked: [], rejected: [{ reason: 'Larger than 1 KB.' }] }
	});
	expect(results[4]).toMatchObject({ status: 400, body: { message: 'events: Send at least one event.' } });
	expect(results[5]).toMatchObject({ status: 415 });

	const staff = await (await browser.newContext()).newPage();
	await signInStaff(staff, TEACHER.Ladybirds);
	expect(await promisesSeenByTeacher(staff, 'Ladybirds')).toBe(1);
	await context.close();
});

test('a full tablet storage shows a warning to staff, and the tablet still tells the grown-up', async ({
	browser
}) => {
	const { context, page } = await classTablet(browser, 'Robins');
	// Make IndexedDB writes fail the way a full disk does.
	await page.evaluate(() => {
		const add = IDBObjectStore.prototype.add;
		IDBObjectStore.prototype.add = function (...args: Parameters<typeof add>) {
			if (this.name === 'outbox')
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return add.apply(this, args);
		};
	});
	await page.getByRole('link', { name: 'Our promises' }).click();
	await page.getByRole('button', { name: 'I promise to keep these rules.' }).click();
	await page.getByRole('link', { name: 'Grown-ups only' }).click();
	await expect(page.getByRole('alert')).toContainText('storage is full');

	const staff = await (await browser.newContext()).newPage();
	await signInStaff(staff, TEACHER.Robins);
	await expect(staff.getByText('A tablet needs attention')).toBeVisible();
	await expect(staff.getByText(/Robins, Tablet \d+: Storage is full/)).toBeVisible();
	await context.close();
});
