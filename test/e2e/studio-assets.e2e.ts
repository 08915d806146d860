/**
 * The brand kit and the asset library end to end, in French and in Arabic: the demo kit with its
 * contrast check and right-to-left partner strip, the library with consent badges, a photo uploaded
 * through the dialog (its GPS data gone), and the expired-consent warning. Screenshots of each page.
 */

import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoStudio } from '../../src/server/modules/studio/studio.seed.js';
import { findWorkspaceBySlug } from '../../src/server/modules/workspaces/workspaces.repo.js';
import { hasGpsIfd, jpegWithGps } from '../helpers/studio-fixtures.js';
import { type E2eContext, expectAccessible, screenshot, startE2e } from './e2e-harness.js';

const PASSWORD = 'altermed-demo-2026';
/** Pages load slowly while other suites run: wait up to 15 s for each condition. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

async function signIn(browser: Browser, baseUrl: string, email: string, locale: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${baseUrl}/app/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/app\/w\/[^/]+\/organisations$/);
  return { context, page };
}

describe('brand kit and asset library', () => {
  let e2e: E2eContext;
  let admin: { context: BrowserContext; page: Page };
  let officer: { context: BrowserContext; page: Page };
  let base: string;

  beforeAll(async () => {
    e2e = await startE2e();
    const workspace = await findWorkspaceBySlug(e2e.server.platform.database.db, 'altermed');
    if (!workspace) throw new Error('demo workspace missing');
    // Until the lead adds it to the demo seed.
    await seedDemoStudio(e2e.server.platform, workspace.id);
    base = `${e2e.baseUrl}/app/w/${workspace.id}`;
    admin = await signIn(e2e.browser, e2e.baseUrl, 'admin@altermed.demo', 'fr-FR');
    officer = await signIn(e2e.browser, e2e.baseUrl, 'officer@altermed.demo', 'ar-MA');
  });

  afterAll(async () => {
    await admin?.context.close();
    await officer?.context.close();
    await e2e?.close();
  });

  it('shows the AlterMed brand kit in French, and warns live when the text contrast drops', async () => {
    const page = admin.page;
    await page.goto(`${base}/studio/brand`);
    await poll(() => page.getByTestId('partner-row').count()).toBe(11);
    expect(await page.getByTestId('contrast-level').textContent()).toBe('Excellent (AAA)');
    await expectAccessible(page, 'brand kit fr');
    await screenshot(page, 'studio-brand-kit-fr');
    const text = page.getByRole('textbox', { name: 'Texte', exact: true });
    await text.fill('#8a8a8a');
    await text.press('Tab');
    await poll(() => page.getByTestId('contrast-level').textContent()).toBe('Grands titres seulement');
    expect(await page.getByText('Texte difficile à lire').count()).toBe(1);
    await page.keyboard.press('Escape');
    await screenshot(page, 'studio-brand-kit-contrast-fr');
  });

  it('shows it in Arabic, mirrored, with the Arabic strip right to left and funders last', async () => {
    const page = officer.page;
    await page.goto(`${base}/studio/brand`);
    await poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await poll(() => page.getByTestId('partner-row').count()).toBe(11);
    const arabicStrip = page.getByTestId('strip-ar');
    expect(await arabicStrip.getAttribute('dir')).toBe('rtl');
    const names = await arabicStrip.locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-name')));
    expect(names[0]).toBe('إيكوسي (ICOSI)');
    expect(names.at(-1)).toBe('الاتحاد الأوروبي');
    // Right to left: the first logo sits to the right of the second.
    const [first, second] = await arabicStrip
      .locator('li')
      .evaluateAll((items) => items.slice(0, 2).map((item) => item.getBoundingClientRect().x));
    expect(first).toBeGreaterThan(second as number);
    await page.getByTestId('strip-ar').scrollIntoViewIfNeeded();
    await expectAccessible(page, 'brand kit ar');
    await screenshot(page, 'studio-brand-kit-ar');
    await page.getByTestId('font-sample-arabic').scrollIntoViewIfNeeded();
    await screenshot(page, 'studio-brand-kit-fonts-ar');
  });

  it('lists the library with consent badges, and uploads a photo through the dialog without its GPS data', async () => {
    const page = admin.page;
    await page.goto(`${base}/studio/assets`);
    await poll(() => page.getByTestId('asset-card').count()).toBe(5);
    await poll(() => page.locator('[data-consent="expired"]').count()).toBe(1);
    await expectAccessible(page, 'assets fr');
    await screenshot(page, 'studio-assets-fr');
    await page.getByRole('button', { name: 'Ajouter un fichier' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: 'atelier-tunis.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps() });
    await dialog.getByRole('textbox', { name: 'Titre (Français)', exact: true }).fill('Atelier des coopératives à Tunis');
    await dialog.getByRole('textbox', { name: 'Titre (العربية)', exact: true }).fill('ورشة التعاونيات في تونس');
    await screenshot(page, 'studio-asset-upload-fr');
    await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await page.waitForURL(/\/studio\/assets\/[0-9a-f-]{36}$/);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Atelier des coopératives à Tunis');
    const downloaded = await page.evaluate(
      async (url) => {
        const response = await fetch(url);
        return Array.from(new Uint8Array(await response.arrayBuffer()));
      },
      `${page.url().replace('/app/w/', '/api/workspaces/').replace('/studio/assets/', '/studio/assets/')}/download`,
    );
    const metadata = await sharp(Buffer.from(downloaded)).metadata();
    expect(hasGpsIfd(metadata.exif)).toBe(false);
    expect([metadata.width, metadata.height]).toEqual([48, 64]);
  });

  it('shows the library and an expired consent in Arabic', async () => {
    const page = officer.page;
    await page.goto(`${base}/studio/assets`);
    await poll(() => page.getByTestId('asset-card').count()).toBe(6);
    await screenshot(page, 'studio-assets-ar');
    await page.getByRole('link', { name: /تكوين الشباب حاملي المشاريع في وهران/ }).click();
    await page.waitForURL(/\/studio\/assets\/[0-9a-f-]{36}$/);
    await poll(() => page.getByTestId('consent-row').count()).toBe(1);
    expect(await page.getByText('منتهية الصلاحية', { exact: true }).count()).toBe(1);
    await expectAccessible(page, 'asset detail ar');
    await screenshot(page, 'studio-asset-expired-ar');
    // The picker view hides it.
    await page.goto(`${base}/studio/assets`);
    await page.getByRole('combobox', { name: 'صالح للاستعمال في' }).click();
    await page.getByRole('option', { name: 'شبكات التواصل الاجتماعي' }).click();
    await poll(() => page.getByTestId('asset-card').count()).toBe(5);
    expect(await page.getByRole('link', { name: /تكوين الشباب/ }).count()).toBe(0);
  });
});
