/**
 * The needs register end to end: a partner contributor submits a need in Arabic (interface in Arabic,
 * mirrored), the officer accepts it, and the contributor sees the new status, its history and the
 * notification in the bell. Every page passes axe-core without serious violations.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eContext, expectAccessible, screenshot, startE2e } from './e2e-harness.js';

const PASSWORD = 'altermed-demo-2026';
const NEED_TITLE = 'لافتة لمعرض التعاونيات في وهران';

async function signIn(browser: Browser, baseUrl: string, email: string, locale: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${baseUrl}/app/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/app\/w\/[^/]+\/organisations$/);
  return { context, page };
}

describe('needs register', () => {
  let e2e: E2eContext;
  let contributor: { context: BrowserContext; page: Page };
  let officer: { context: BrowserContext; page: Page };
  let needUrl: string;

  beforeAll(async () => {
    e2e = await startE2e();
    contributor = await signIn(e2e.browser, e2e.baseUrl, 'contributor@altermed.demo', 'ar-MA');
  });

  afterAll(async () => {
    await contributor?.context.close();
    await officer?.context.close();
    await e2e?.close();
  });

  it('lets a contributor submit a need in Arabic, in a mirrored interface', async () => {
    const page = contributor.page;
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('link', { name: 'الاحتياجات' }).click();
    await page.waitForURL(/\/needs$/);
    await expect.poll(() => page.getByTestId('need-row').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'needs list ar');
    await screenshot(page, 'needs-list-ar');
    await page.getByRole('link', { name: 'تقديم حاجة' }).click();
    await page.waitForURL(/\/needs\/new$/);
    await page.getByRole('textbox', { name: 'ما الذي تحتاجه؟ (العربية)', exact: true }).fill(NEED_TITLE);
    await page.getByRole('textbox', { name: 'لمن؟ (العربية)', exact: true }).fill('التعاونيات والشباب');
    await page.getByRole('checkbox', { name: 'العربية' }).check();
    await page.getByLabel('متى تحتاجه؟').fill('2026-11-05');
    await expectAccessible(page, 'need form ar');
    await screenshot(page, 'need-form-ar');
    await page.getByRole('button', { name: 'إرسال' }).click();
    await page.waitForURL(/\/needs\/[0-9a-f-]{36}$/);
    needUrl = page.url();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(NEED_TITLE);
    expect(await page.getByTestId('need-status').getAttribute('data-status')).toBe('submitted');
  });

  it('lets the officer accept it', async () => {
    officer = await signIn(e2e.browser, e2e.baseUrl, 'officer@altermed.demo', 'fr-FR');
    const page = officer.page;
    await page.goto(needUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(NEED_TITLE);
    const status = page.getByRole('combobox', { name: /^(الحالة|Statut)/ });
    await status.click();
    await page.getByRole('option', { name: /^(مقبولة|Accepté)$/ }).click();
    // The need is answered by the press kit translation of the closing press conference.
    await page.getByRole('combobox', { name: /^(الحملة المرتبطة|Campagne liée)/ }).click();
    await page.getByRole('option', { name: /الندوة الصحفية الختامية|Conférence de presse de clôture/ }).click();
    await page.getByRole('combobox', { name: /^(المهمة التي تلبّيها|Tâche qui y répond)/ }).click();
    await page.getByRole('option', { name: /ترجمة الملف الصحفي|Dossier de presse traduit/ }).click();
    await page.getByRole('button', { name: /^(حفظ القرار|Enregistrer la décision)$/ }).click();
    await expect.poll(() => page.getByTestId('need-status').getAttribute('data-status')).toBe('accepted');
    await expect.poll(() => page.getByRole('link', { name: /ترجمة الملف الصحفي|Dossier de presse traduit/ }).count()).toBe(1);
    await expectAccessible(page, 'need triage');
    await screenshot(page, 'need-triage');
  });

  it('shows the officer the communication plan with indicator progress', async () => {
    const page = officer.page;
    await page.goto(needUrl.replace(/\/needs\/[0-9a-f-]{36}$/, '/plan'));
    await expect.poll(() => page.getByTestId('indicator').count()).toBe(2);
    await expect.poll(() => page.getByTestId('audience').count()).toBe(6);
    await page
      .getByTestId('indicator')
      .first()
      .getByRole('button', { name: /^(السجل|Historique)$/ })
      .click();
    await expect.poll(() => page.getByTestId('indicator').first().getByRole('row').count()).toBe(3);
    await expectAccessible(page, 'plan');
    await screenshot(page, 'plan');
  });

  it('shows the contributor the new status, its history and a notification', async () => {
    const page = contributor.page;
    await page.reload();
    await expect.poll(() => page.getByTestId('need-status').getAttribute('data-status')).toBe('accepted');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByRole('link', { name: 'تعديل' }).count()).toBe(0);
    const history = page.getByRole('region', { name: 'مراحل المعالجة' });
    await expect.poll(() => history.getByText('مقبولة').count()).toBe(1);
    await expect.poll(() => page.getByTestId('notifications-bell').getAttribute('aria-label')).toMatch(/غير مقروء/);
    await page.getByTestId('notifications-bell').click();
    await expect.poll(() => page.getByTestId('notifications-list').textContent()).toContain(NEED_TITLE);
    await expectAccessible(page, 'need detail ar with notifications');
    await screenshot(page, 'need-accepted-ar');
  });
});
