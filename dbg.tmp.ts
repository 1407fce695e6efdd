import { chromium } from '@playwright/test';
import { classTablet } from './tests/e2e/helpers';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const orig = browser.newContext.bind(browser);
browser.newContext = (o) => orig({ baseURL: 'http://localhost:4310', ...o });
for (let i = 0; i < 4; i++) {
	try {
		const { context, page } = await classTablet(browser, 'Robins');
		console.log('ok', i);
		await context.close();
	} catch (e) {
		console.log('FAIL', i, (e as Error).message.split('\n')[0]);
	}
}
await browser.close();
