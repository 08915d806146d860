/**
 * Subscriber import end to end, in both languages: the admin (French) uploads the sample file shipped
 * in the repo, maps it in the wizard, starts it and watches the progress to its counts and error
 * report; the officer (Arabic, mirrored) imports the Windows-1256 Mailchimp sample. Screens pass axe.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eContext, expectAccessible, screenshot, startE2e } from './e2e-harness.js';

const PASSWORD = 'altermed-demo-2026';

async function signIn(
  browser: Browser,
  baseUrl: string,
  email: string,
): Promise<{ context: BrowserContext; page: Page; workspaceUrl: string }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${baseUrl}/app/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/app\/w\/[^/]+\/organisations$/);
  return { context, page, workspaceUrl: page.url().replace(/\/organisations$/, '') };
}

describe('subscriber import', () => {
  let e2e: E2eContext;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    e2e = await startE2e();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await e2e?.close();
  });

  it('imports the sample file through the wizard, in French', async () => {
    const { context, page, workspaceUrl } = await signIn(e2e.browser, e2e.baseUrl, 'admin@altermed.demo');
    contexts.push(context);
    await page.goto(`${workspaceUrl}/newsletter/imports`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe('Imports d’abonnés');
    await page.locator('input[type="file"]').setInputFiles('samples/subscribers-sample.csv');
    await page.waitForURL(/\/newsletter\/imports\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('import-mapping').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Ce que devient la colonne « Email »' }).inputValue()).toBe('email');
    expect(await page.getByRole('combobox', { name: 'Ce que devient la colonne « Ville »' }).inputValue()).toBe('attribute');
    // Arabic cells read right to left inside the French page.
    const arabicCell = page.getByRole('cell', { name: 'فاطمة الزهراء' });
    expect(await arabicCell.getAttribute('dir')).toBe('auto');
    expect(await arabicCell.evaluate((cell) => getComputedStyle(cell).direction)).toBe('rtl');
    await page.getByRole('checkbox').first().check();
    await page.getByLabel(/Texte du consentement/).fill('Inscription sur le formulaire papier du forum de Marseille, mars 2026');
    await page.getByRole('checkbox', { name: 'Je confirme que les personnes de ce fichier ont donné ce consentement.' }).check();
    await expectAccessible(page, 'import wizard fr');
    await screenshot(page, 'newsletter-import-wizard-fr-consent');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'newsletter-import-wizard-fr');

    await page.getByRole('button', { name: 'Importer 31 lignes' }).click();
    await expect.poll(() => page.getByTestId('import-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    expect(await page.getByTestId('import-errorCount').textContent()).toBe('3');
    expect(await page.getByTestId('import-skippedCount').textContent()).toBe('2');
    expect(
      Number(await page.getByTestId('import-createdCount').textContent()) +
        Number(await page.getByTestId('import-updatedCount').textContent()),
    ).toBe(26);
    await expectAccessible(page, 'import progress fr');
    await screenshot(page, 'newsletter-import-done-fr');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Télécharger le rapport (5 lignes écartées)' }).click();
    const report = await (await download).path();
    const { readFile } = await import('node:fs/promises');
    const text = (await readFile(report as string)).toString('utf8');
    expect(text.startsWith('\uFEFFLigne,Valeur,Raison\r\n')).toBe(true);
    expect(text).toContain('26,yasmine.haddad@example,Adresse e-mail invalide');
  });

  it('imports the Windows-1256 Mailchimp sample in Arabic, right to left', async () => {
    const { context, page, workspaceUrl } = await signIn(e2e.browser, e2e.baseUrl, 'officer@altermed.demo');
    contexts.push(context);
    await page.goto(`${workspaceUrl}/newsletter/imports`);
    await expect.poll(() => page.locator('html').getAttribute('dir'), { timeout: 15_000 }).toBe('rtl');
    await expect.poll(() => page.getByTestId('import-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expectAccessible(page, 'imports list ar');
    await screenshot(page, 'newsletter-imports-ar');

    await page.locator('input[type="file"]').setInputFiles('samples/subscribers-mailchimp-1256.csv');
    await page.waitForURL(/\/newsletter\/imports\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('import-mapping').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('combobox', { name: 'الترميز' }).inputValue()).toBe('windows-1256');
    expect(await page.getByRole('combobox', { name: 'الفاصل' }).inputValue()).toBe('semicolon');
    await expect.poll(() => page.getByRole('cell', { name: 'بن عيسى (née à Oran)' }).count(), { timeout: 15_000 }).toBe(1);
    await page.getByLabel(/نص الموافقة/).fill('موافقة مسجّلة في أداة Mailchimp السابقة');
    await page.getByRole('checkbox', { name: 'أؤكد أن الأشخاص الواردين في هذا الملف قد أعطوا هذه الموافقة.' }).check();
    await expectAccessible(page, 'import wizard ar');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'newsletter-import-wizard-ar');

    // Read as Windows-1252, the names are garbled: the officer sees it at once and can go back.
    await page.getByRole('combobox', { name: 'الترميز' }).selectOption('windows-1252');
    await expect.poll(() => page.getByRole('cell', { name: 'بن عيسى (née à Oran)' }).count(), { timeout: 15_000 }).toBe(0);
    await page.getByRole('combobox', { name: 'الترميز' }).selectOption('windows-1256');
    await expect.poll(() => page.getByRole('cell', { name: 'بن عيسى (née à Oran)' }).count(), { timeout: 15_000 }).toBe(1);

    await page.getByRole('button', { name: 'استيراد 10 صفوف' }).click();
    await expect.poll(() => page.getByTestId('import-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    expect(await page.getByTestId('import-errorCount').textContent()).toBe('0');
    await expectAccessible(page, 'import progress ar');
    await screenshot(page, 'newsletter-import-done-ar');
  });
});
