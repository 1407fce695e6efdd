import { expect, test, type BrowserContext } from '@playwright/test';
import { DEMO_URL } from '../../playwright.config';
import { EXPECTATIONS, PERSONAS, type Persona } from '../fixtures/access-expectations';
import { classTablet, enrolTablet, signInStaff, TEACHER } from './helpers';

/**
 * Every route × every kind of visitor against the running app. Denied means 401/403, or a
 * redirect to a sign-in page carrying `next=` (what the access guard sends); anything else
 * means the visitor got in.
 */
test('every route obeys the declared access matrix for every role', async ({ browser }) => {
	// Every route × nine personas, with the class-launch routes too: minutes on a busy machine.
	test.setTimeout(420_000);
	const contexts = new Map<Persona, BrowserContext>();
	const staffContext = async (email: string) => {
		const context = await browser.newContext();
		await signInStaff(await context.newPage(), email);
		return context;
	};
	contexts.set('anonymous', await browser.newContext());
	const device = await browser.newContext();
	await enrolTablet(device, 'Robins');
	contexts.set('device', device);
	contexts.set('class-same', (await classTablet(browser, 'Robins')).context);
	contexts.set('class-other', (await classTablet(browser, 'Owls')).context);
	contexts.set('teacher-same', await staffContext(TEACHER.Robins));
	contexts.set('teacher-other', await staffContext(TEACHER.Owls));
	contexts.set('dsl', await staffContext('dsl@demo.harbour'));
	contexts.set('admin', await staffContext('admin@demo.harbour'));
	contexts.set('governor', await staffContext('governor@demo.harbour'));

	const adminPage = await contexts.get('admin')!.newPage();
	await adminPage.goto('/staff');
	const robinsHref = await adminPage.getByRole('link', { name: 'Robins' }).first().getAttribute('href');
	const robinsId = robinsHref!.split('/').pop()!;

	// A Robins incident with a drawing, for the incident routes.
	const attachmentId = crypto.randomUUID();
	const reportId = crypto.randomUUID();
	const event = (kind: string, payload: Record<string, unknown>, id = crypto.randomUUID()) => ({
		id,
		kind,
		clientTime: new Date().toISOString(),
		payload
	});
	const sent = await contexts.get('class-same')!.request.post('/api/events', {
		headers: { origin: DEMO_URL },
		data: {
			events: [
				event('report.opened', {
					reportId,
					practice: false,
					source: 'button',
					context: { screen: '/class' }
				}),
				event(
					'report.attachment',
					{ reportId, kind: 'drawing', mime: 'image/png', dataBase64: 'iVBORw0KGgo=' },
					attachmentId
				)
			]
		}
	});
	expect(sent.status()).toBe(200);
	await adminPage.goto('/staff/incidents?status=all');
	const incidentHref = await adminPage.locator('tbody a').first().getAttribute('href');
	const incidentId = incidentHref!.split('/').pop()!;

	async function outcome(
		context: BrowserContext,
		method: 'GET' | 'POST',
		path: string,
		stream: boolean
	): Promise<'allowed' | 'denied'> {
		if (stream) return streamOutcome(context, path);
		const request = context.request;
		const res =
			method === 'GET'
				? await request.get(path, { maxRedirects: 0 })
				: path.startsWith('/api/')
					? await request.post(path, { maxRedirects: 0, headers: { origin: DEMO_URL }, data: {} })
					: await request.post(path, { maxRedirects: 0, headers: { origin: DEMO_URL }, form: {} });
		const status = res.status();
		if (status === 401 || status === 403) return 'denied';
		if (status >= 300 && status < 400 && (res.headers()['location'] ?? '').includes('next=')) return 'denied';
		expect(status, `${method} ${path} answered ${status}`).toBeLessThan(500);
		return 'allowed';
	}

	// Signing out ends the persona's session, so that route goes last.
	const routes = Object.entries(EXPECTATIONS).sort(
		([a], [b]) => Number(a.endsWith('sign-out')) - Number(b.endsWith('sign-out'))
	);
	const wrong: string[] = [];
	for (const [id, e] of routes) {
		const path = e.path
			.replace('{classId}', robinsId)
			.replace('{incidentId}', incidentId)
			.replace('{attachmentId}', attachmentId);
		for (const persona of PERSONAS) {
			const got = await outcome(contexts.get(persona)!, e.method, path, e.stream ?? false);
			const want = e.allowed.includes(persona) ? 'allowed' : 'denied';
			if (got !== want) wrong.push(`${persona} ${e.method} ${path} (${id}): expected ${want}, got ${got}`);
		}
	}
	expect(wrong).toEqual([]);
	for (const c of contexts.values()) await c.close();
});

/** Server-Sent Events never end: read only the status, then hang up. */
async function streamOutcome(context: BrowserContext, path: string): Promise<'allowed' | 'denied'> {
	const page = await context.newPage();
	await page.goto('/api/health');
	const status = await page.evaluate(async (path) => {
		const abort = new AbortController();
		const res = await fetch(path, { signal: abort.signal, redirect: 'manual' });
		abort.abort();
		return res.status;
	}, path);
	await page.close();
	return status === 200 ? 'allowed' : 'denied';
}

test('JSON endpoints refuse requests from another origin', async ({ browser }) => {
	const { context } = await classTablet(browser, 'Robins');
	const res = await context.request.post('/api/events', {
		headers: { origin: 'https://evil.example' },
		data: { events: [] }
	});
	expect(res.status()).toBe(403);
	expect(await res.json()).toEqual({ message: 'Cross-site requests are not allowed.' });
	await context.close();
});

test('pages carry a Content-Security-Policy and the standard security headers', async ({ request }) => {
	const res = await request.get('/staff/sign-in');
	const h = res.headers();
	expect(h['content-security-policy']).toContain("script-src 'self'");
	expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['referrer-policy']).toBe('same-origin');
	expect(h['x-frame-options']).toBe('DENY');
});
