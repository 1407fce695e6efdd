/**
 * The things a school prints, in the built app and Chromium's own print to PDF: the charter
 * poster (A4 and A3), the acceptable use agreement with its letter home, the half-term "talk at
 * home" sheets and the class sign-in card. Each must print one page per sheet, on the paper it was
 * made for, with nothing cut off and none of the staff screen's menus on it.
 * A PNG of each goes to $PRINT_SHOTS (default: this test's output folder).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { parse } from 'yaml';
import { HALF_TERMS, HALF_TERM_NAMES } from '../../src/lib/content/curriculum-schema';
import { AGREEMENT_PROMISES, AGREEMENT_TITLE } from '../../src/lib/print/agreement';
import type { Charter } from '../../src/lib/content/charter-schema';
import { expectNoViolations, signInStaff, TEACHER } from './helpers';

// Several axe scans and PDFs a test, on a machine shared with other test runs.
test.describe.configure({ timeout: 180_000 });

const charter = parse(readFileSync('content/charter.yaml', 'utf8')) as Charter;
const SCHOOL = 'Harbour Demo Primary (demo school)';
/** Paper sizes in PostScript points (1/72 inch), as a PDF's MediaBox gives them. */
const A4 = { width: 595, height: 842 };
const A3 = { width: 842, height: 1191 };

/**
 * The pages of a PDF and their sizes, read from each page object's MediaBox. Chromium writes the
 * page objects uncompressed (only their content streams are compressed), so no PDF library is
 * needed.
 */
function pdfPages(pdf: Buffer): { width: number; height: number }[] {
	return pdf
		.toString('latin1')
		.split(/\bendobj\b/)
		.filter((object) => /\/Type\s*\/Page(?![a-zA-Z])/.test(object))
		.map((object) => {
			const box = /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(object);
			if (!box) throw new Error('A page without a MediaBox');
			const [x0, y0, x1, y1] = box.slice(1).map(Number) as [number, number, number, number];
			return { width: Math.round(x1 - x0), height: Math.round(y1 - y0) };
		});
}

async function staffPage(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signInStaff(page, email);
	return page;
}

/**
 * Prints the page as Chromium does and returns its pages, after checking that the printed page
 * has no staff menus or buttons and that no sheet's content runs past its edges.
 */
async function printed(page: Page): Promise<{ width: number; height: number }[]> {
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.staff > header')).toBeHidden();
	await expect(page.getByRole('button')).toHaveCount(0);
	const overflowing = await page
		.locator('.sheet, .card')
		.evaluateAll((sheets) =>
			sheets
				.filter((s) => s.scrollHeight > s.clientHeight + 1 || s.scrollWidth > s.clientWidth + 1)
				.map((s) => s.getAttribute('aria-label') ?? s.className)
		);
	expect(overflowing, 'sheets whose content runs past their edges').toEqual([]);
	const pages = pdfPages(await page.pdf({ preferCSSPageSize: true }));
	await page.emulateMedia({ media: 'screen' });
	return pages;
}

async function shoot(page: Page, info: TestInfo, name: string): Promise<void> {
	const dir = process.env.PRINT_SHOTS ?? info.outputDir;
	await page.locator('main').screenshot({ path: join(dir, `${name}.png`) });
}

test('the charter poster prints on one A4 or one A3 page, big words and pictures, with the school name', async ({
	browser
}, info) => {
	const teacher = await staffPage(browser, TEACHER.Robins);
	await teacher.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Print' }).click();
	await expect(teacher.getByRole('heading', { level: 1, name: 'Things to print' })).toBeVisible();
	await expectNoViolations(teacher, 'things to print');

	for (const [paper, size] of [
		['A4', A4],
		['A3', A3]
	] as const) {
		await teacher.goto('/staff/print');
		await teacher.getByRole('link', { name: `Class charter poster (${paper})` }).click();
		const poster = teacher.getByRole('region', { name: 'The charter poster' });
		await expect(poster.getByRole('heading', { name: charter.title })).toBeVisible();
		await expect(poster.getByText(SCHOOL)).toBeVisible();
		for (const p of charter.promises) await expect(poster.getByText(p.short, { exact: true })).toBeVisible();
		await expect(poster.getByText(charter.promise)).toBeVisible();
		// Big words: the promises are at least 28 px on screen (8 mm on A4, more on A3).
		const wordPx = await poster
			.getByText(charter.promises[0]!.short, { exact: true })
			.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
		expect(wordPx).toBeGreaterThanOrEqual(paper === 'A3' ? 40 : 28);
		// Every promise's picture has loaded.
		await expect
			.poll(() =>
				poster
					.locator('li img')
					.evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length)
			)
			.toBe(charter.promises.length);
		await expectNoViolations(teacher, `charter poster ${paper}`);
		await shoot(teacher, info, `charter-poster-${paper.toLowerCase()}`);
		expect(await printed(teacher)).toEqual([size]);
	}
	const wrong = await teacher.goto('/staff/print/charter/letter');
	expect(wrong?.status()).toBe(404);
});

test('the acceptable use agreement prints as the letter home and the picture sheet, one A4 page each', async ({
	browser
}, info) => {
	const dsl = await staffPage(browser, 'dsl@demo.harbour');
	// Another printable's page rules stay loaded after moving on within the app: they must not
	// change how this one prints.
	await dsl.goto('/staff/lessons/talk-at-home/autumn-1');
	await dsl.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Print' }).click();
	await dsl.getByRole('link', { name: /Acceptable use agreement/ }).click();
	const letter = dsl.getByRole('region', { name: 'The letter to parents and carers' });
	const sheet = dsl.getByRole('region', { name: 'The picture agreement' });
	await expect(letter.getByText('Dear parent or carer,')).toBeVisible();
	await expect(letter.getByText(SCHOOL).first()).toBeVisible();
	for (const blank of ['Child’s name', 'Parent or carer’s name', 'Signature', 'Date'])
		await expect(letter.getByText(blank, { exact: true })).toBeVisible();
	await expect(sheet.getByRole('heading', { name: AGREEMENT_TITLE })).toBeVisible();
	await expect(sheet.getByText(SCHOOL)).toBeVisible();
	for (const p of AGREEMENT_PROMISES) {
		await expect(sheet.getByText(p.words)).toBeVisible();
		await expect(sheet.getByRole('img', { name: p.alt })).toBeVisible();
	}
	await expect(sheet.getByText('My name or my mark:')).toBeVisible();
	// The cast drawings load (two in every promise's picture).
	await expect
		.poll(() =>
			sheet
				.locator('svg image')
				.evaluateAll(
					async (images) =>
						(
							await Promise.all(images.map(async (i) => (await fetch(i.getAttribute('href') ?? '')).ok))
						).filter(Boolean).length
				)
		)
		.toBe(AGREEMENT_PROMISES.length * 2);
	await expectNoViolations(dsl, 'acceptable use agreement');
	await shoot(dsl, info, 'acceptable-use-agreement');
	expect(await printed(dsl)).toEqual([A4, A4]);
});

test('every half-term’s talk-at-home sheet prints on one A4 page', async ({ browser }, info) => {
	test.setTimeout(180_000);
	const teacher = await staffPage(browser, TEACHER.Ladybirds);
	for (const halfTerm of HALF_TERMS) {
		await teacher.goto('/staff/print');
		await teacher.getByRole('link', { name: `Talk at home sheet: ${HALF_TERM_NAMES[halfTerm]}` }).click();
		await expect(teacher.getByRole('heading', { level: 1 })).toHaveText(
			`Talk at home: ${HALF_TERM_NAMES[halfTerm]}`
		);
		await expect(teacher.locator('article.card').first()).toBeVisible();
		if (halfTerm === 'autumn-1') {
			await expectNoViolations(teacher, 'talk at home sheet');
			await shoot(teacher, info, 'talk-at-home-autumn-1');
		}
		expect(await printed(teacher), HALF_TERM_NAMES[halfTerm]).toEqual([A4]);
	}
});

test('the class sign-in card still prints on one page, for admins only', async ({ browser }, info) => {
	const admin = await staffPage(browser, 'admin@demo.harbour');
	await admin.goto('/staff/print');
	await admin.getByRole('link', { name: 'Robins sign-in card' }).click();
	await expect(admin.getByRole('heading', { level: 1, name: 'Robins' })).toBeVisible();
	await expect(admin.locator('ol.tiles img')).toHaveCount(3);
	await expectNoViolations(admin, 'class sign-in card');
	await shoot(admin, info, 'class-sign-in-card');
	expect(await printed(admin)).toHaveLength(1);

	// A teacher's list has no sign-in cards; a governor has no Print at all.
	const teacher = await staffPage(browser, TEACHER.Robins);
	await teacher.goto('/staff/print');
	await expect(teacher.getByRole('link', { name: 'Class charter poster (A4)' })).toBeVisible();
	await expect(teacher.getByRole('link', { name: /sign-in card/ })).toHaveCount(0);
	const governor = await staffPage(browser, 'governor@demo.harbour');
	await expect(
		governor.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Print' })
	).toHaveCount(0);
	expect((await governor.goto('/staff/print'))?.status()).toBe(403);
});
