/**
 * The newsletter audience in the browser, in Arabic (mirrored) and French, on the demo workspace:
 * subscribers, one subscriber's consent history, lists with their counts, the segment builder's live
 * count; then the public sign-up page in both languages, a form error and the answer after signing up.
 * Every page passes axe-core without serious violations; screenshots land in test-results/e2e.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eContext, expectAccessible, screenshot, startE2e } from './e2e-harness.js';

const PASSWORD = 'altermed-demo-2026';
/** Pages load lazily and the machine may be busy: polls wait up to 15 s. */
const SLOW = { timeout: 15_000 };

async function signIn(browser: Browser, baseUrl: string, email: string, locale: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${baseUrl}/app/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/app\/w\/[^/]+\/organisations$/);
  return { context, page };
}

function workspaceBase(page: Page): string {
  return page.url().replace(/\/organisations$/, '');
}

describe('newsletter audience', () => {
  let e2e: E2eContext;
  let officer: { context: BrowserContext; page: Page };
  let admin: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    e2e = await startE2e();
    officer = await signIn(e2e.browser, e2e.baseUrl, 'officer@altermed.demo', 'ar-MA');
    admin = await signIn(e2e.browser, e2e.baseUrl, 'admin@altermed.demo', 'fr-FR');
  });

  afterAll(async () => {
    await officer?.context.close();
    await admin?.context.close();
    await e2e?.close();
  });

  it('shows subscribers, one subscriber, lists and segments in Arabic, mirrored', async () => {
    const page = officer.page;
    const base = workspaceBase(page);
    await page.goto(`${base}/newsletter/subscribers`);
    await expect.poll(() => page.locator('html').getAttribute('dir'), SLOW).toBe('rtl');
    await expect.poll(() => page.getByTestId('subscriber-row').count(), SLOW).toBe(40);
    await expect.poll(() => page.getByTestId('subscriber-total').textContent(), SLOW).toBe('40 مشتركًا');
    await expectAccessible(page, 'subscribers ar');
    await screenshot(page, 'newsletter-subscribers-ar');
    await page.getByRole('searchbox').fill('سلمى');
    await expect.poll(() => page.getByTestId('subscriber-row').count(), SLOW).toBe(1);
    await page.getByRole('link', { name: 'salma.idrissi@example.net' }).click();
    await page.waitForURL(/\/newsletter\/subscribers\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('consent-entry').count(), SLOW).toBe(1);
    await expectAccessible(page, 'subscriber ar');
    await screenshot(page, 'newsletter-subscriber-ar');
    await page.goto(`${base}/newsletter/lists`);
    await expect.poll(() => page.getByTestId('list-card').count(), SLOW).toBe(2);
    await expectAccessible(page, 'lists ar');
    await screenshot(page, 'newsletter-lists-ar');
    await page.goto(`${base}/newsletter/segments`);
    await expect.poll(() => page.getByTestId('segment-count').textContent(), SLOW).toBe('14 مشتركًا نشطًا في هذه الشريحة.');
    await expectAccessible(page, 'segments ar');
    await screenshot(page, 'newsletter-segments-ar');
  });

  it('shows the same pages in French, and the add dialog', async () => {
    const page = admin.page;
    const base = workspaceBase(page);
    await page.goto(`${base}/newsletter/subscribers`);
    await expect.poll(() => page.locator('html').getAttribute('dir'), SLOW).toBe('ltr');
    await expect.poll(() => page.getByTestId('subscriber-total').textContent(), SLOW).toBe('40 abonnés');
    await screenshot(page, 'newsletter-subscribers-fr');
    await page.getByRole('button', { name: 'Ajouter un abonné' }).click();
    await expect.poll(() => page.getByRole('dialog').count(), SLOW).toBe(1);
    await expectAccessible(page, 'add subscriber fr');
    await screenshot(page, 'newsletter-add-subscriber-fr');
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'fz.bennani@example.org' }).click();
    await page.waitForURL(/\/newsletter\/subscribers\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('consent-entry').count(), SLOW).toBe(1);
    await screenshot(page, 'newsletter-subscriber-fr');
    await page.goto(`${base}/newsletter/lists`);
    await expect.poll(() => page.getByTestId('list-card').count(), SLOW).toBe(2);
    await screenshot(page, 'newsletter-lists-fr');
    await page.goto(`${base}/newsletter/segments`);
    await expect.poll(() => page.getByTestId('segment-count').textContent(), SLOW).toBe('14 abonnés actifs correspondent à ce segment.');
    await page.getByRole('button', { name: 'Ajouter une condition' }).click();
    await page.getByRole('combobox', { name: 'Critère de la condition 3' }).selectOption('tag');
    await page.getByRole('textbox', { name: 'Valeur de la condition 3' }).fill('femmes-rurales');
    await expect.poll(() => page.getByTestId('segment-count').textContent(), SLOW).toBe('3 abonnés actifs correspondent à ce segment.');
    await expectAccessible(page, 'segments fr');
    await screenshot(page, 'newsletter-segments-fr');
  });

  it('offers the public sign-up in Arabic and French, without script', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 420, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${e2e.baseUrl}/newsletter?lang=ar`);
      await screenshot(page, 'newsletter-public-signup-ar');
      await page.getByRole('button', { name: 'اشترك' }).click();
      await expect.poll(() => page.locator('.nl-error').count(), SLOW).toBeGreaterThan(1);
      await screenshot(page, 'newsletter-public-errors-ar');
      await page.getByRole('textbox', { name: 'البريد الإلكتروني' }).fill('nouvelle.lectrice@example.org');
      await page.getByRole('checkbox', { name: /أوافق/ }).check();
      await page.getByRole('button', { name: 'اشترك' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'تفقّد بريدك الإلكتروني' }).count(), SLOW).toBe(1);
      await screenshot(page, 'newsletter-public-pending-ar');
      await page.goto(`${e2e.baseUrl}/newsletter?lang=fr`);
      await screenshot(page, 'newsletter-public-signup-fr');
      await page.goto(`${e2e.baseUrl}/newsletter/embed?lang=fr`);
      await screenshot(page, 'newsletter-public-embed-fr');
    } finally {
      await context.close();
    }
    // axe-core runs as an injected script, which the pages' CSP forbids: the check's context bypasses it.
    const withScript = await e2e.browser.newContext({ viewport: { width: 1024, height: 900 }, bypassCSP: true });
    const checked = await withScript.newPage();
    try {
      for (const lang of ['ar', 'fr']) {
        await checked.goto(`${e2e.baseUrl}/newsletter?lang=${lang}`);
        await expectAccessible(checked, `public sign-up ${lang}`);
      }
    } finally {
      await withScript.close();
    }
  });
});
