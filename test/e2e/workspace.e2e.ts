/**
 * The workspace app end to end, as a person uses it: sign in, switch to Arabic (mirrored layout),
 * create an organisation named in Arabic and French, find it by an Arabic search, and see it on the
 * public site in both languages. Every page visited passes axe-core without serious violations.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type E2eContext, expectAccessible, screenshot, startE2e } from './e2e-harness.js';

const ARABIC_NAME = 'جمعية النخيل للتنمية';
const FRENCH_NAME = 'Association Les Palmiers';

describe('workspace app', () => {
  let e2e: E2eContext;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2e();
    context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await context?.close();
    await e2e?.close();
  });

  it('signs in and shows the organisations in French', async () => {
    await page.goto(`${e2e.baseUrl}/app/`);
    await page.waitForURL(/\/app\/sign-in/);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'sign-in-fr');
    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel(/^Mot de passe/).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/app\/w\/[^/]+\/organisations$/);
    await expect.poll(() => page.getByTestId('organisation-total').textContent()).toMatch(/organisations/);
    await expectAccessible(page, 'organisations fr');
    await screenshot(page, 'organisations-fr');
  });

  it('switches the interface to Arabic and mirrors the layout', async () => {
    await page.getByTestId('language-switch').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await expect.poll(() => page.getByTestId('organisation-total').textContent()).toMatch(/منظم/);
    const navbar = await page.getByTestId('navbar').boundingBox();
    expect(navbar).not.toBeNull();
    // Mirrored: the navbar sits on the right half of the window.
    expect((navbar?.x ?? 0) + (navbar?.width ?? 0) / 2).toBeGreaterThan(640);
    await expectAccessible(page, 'organisations ar');
    await screenshot(page, 'organisations-ar');
  });

  it('creates an organisation with an Arabic and a French name', async () => {
    await page.getByRole('link', { name: 'منظمة جديدة' }).click();
    await page.waitForURL(/organisations\/new$/);
    const arabicInput = page.getByRole('textbox', { name: 'الاسم (العربية)', exact: true });
    const frenchInput = page.getByRole('textbox', { name: 'الاسم (Français)', exact: true });
    const directionOf = (element: HTMLElement | SVGElement) => getComputedStyle(element).direction;
    expect(await arabicInput.evaluate(directionOf)).toBe('rtl');
    expect(await arabicInput.getAttribute('lang')).toBe('ar');
    expect(await frenchInput.evaluate(directionOf)).toBe('ltr');
    expect(await frenchInput.getAttribute('lang')).toBe('fr');
    await arabicInput.fill(ARABIC_NAME);
    await frenchInput.fill(FRENCH_NAME);
    await page.getByRole('combobox', { name: /^البلد/ }).click();
    await page.getByRole('option', { name: 'المغرب' }).click();
    await page.getByRole('combobox', { name: /^النوع/ }).click();
    await page.getByRole('option', { name: 'جمعية' }).click();
    await page.getByRole('textbox', { name: 'المدينة (العربية)', exact: true }).fill('مراكش');
    await page.getByRole('textbox', { name: 'المدينة (Français)', exact: true }).fill('Marrakech');
    await expectAccessible(page, 'organisation form ar');
    await screenshot(page, 'organisation-form-ar');
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.waitForURL(/organisations\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(ARABIC_NAME);
    await expectAccessible(page, 'organisation detail ar');
    await screenshot(page, 'organisation-detail-ar');
  });

  it('finds the organisation by searching in Arabic', async () => {
    await page.getByRole('link', { name: 'العودة إلى القائمة' }).click();
    await page.waitForURL(/organisations$/);
    // Typed without the article's hamza or diacritics: the server folds Arabic variants.
    await page.getByRole('searchbox', { name: 'بحث' }).fill('النخيل');
    await expect.poll(() => page.getByTestId('organisation-total').textContent()).toBe('منظمة واحدة');
    await expect(page.getByRole('link', { name: ARABIC_NAME }).count()).resolves.toBe(1);
    await screenshot(page, 'organisations-search-ar');
  });

  it('fits a 375 px phone with the navbar behind the burger', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.getByRole('searchbox', { name: 'بحث' }).fill('');
    await expect.poll(() => page.getByTestId('organisation-total').textContent()).toMatch(/منظم/);
    await screenshot(page, 'organisations-ar-phone');
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(375);
    await expectAccessible(page, 'organisations ar phone');
    await page.getByRole('button', { name: 'فتح القائمة أو إغلاقها' }).click();
    // The opened navbar slides in and then covers the phone's width.
    await expect.poll(async () => Math.round((await page.getByTestId('navbar').boundingBox())?.x ?? -1)).toBe(0);
    await expectAccessible(page, 'navbar ar phone');
    await screenshot(page, 'navbar-ar-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('shows the organisation on the public site in Arabic and in French', async () => {
    const publicPage = await context.newPage();
    await publicPage.goto(`${e2e.baseUrl}/?lang=ar`);
    expect(await publicPage.locator('html').getAttribute('dir')).toBe('rtl');
    await expect(publicPage.getByText(ARABIC_NAME).count()).resolves.toBeGreaterThan(0);
    await expectAccessible(publicPage, 'public ar');
    await screenshot(publicPage, 'public-ar');
    await publicPage.goto(`${e2e.baseUrl}/?lang=fr`);
    expect(await publicPage.locator('html').getAttribute('dir')).toBe('ltr');
    await expect(publicPage.getByText(FRENCH_NAME).count()).resolves.toBeGreaterThan(0);
    await expectAccessible(publicPage, 'public fr');
    await screenshot(publicPage, 'public-fr');
    await publicPage.close();
  });
});
