/**
 * The newsletter composer end to end: the officer creates a bilingual issue from the list, writes a
 * heading, a text, an uploaded image and a button in Arabic and French, saves, previews the Arabic
 * and bilingual emails at desktop and phone widths, sends a test (to the outbox: no SMTP here) and
 * submits it for review; the composer is then seen in Arabic, mirrored. Pages pass axe-core.
 */
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo.js';
import { newsletterIssues } from '../../src/server/modules/newsletter/newsletter.tables.js';
import { type E2eContext, expectAccessible, SCREENSHOT_DIR, screenshot, startE2e, switchInterfaceLanguage } from './e2e-harness.js';

/** Waits for a condition as long as a loaded two-core machine may need (vitest's default is one second). */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 250 });

describe('newsletter composer', () => {
  let e2e: E2eContext;
  const contexts: BrowserContext[] = [];
  let issueUrl = '';

  async function signIn(email: string, language: 'fr' | 'ar'): Promise<Page> {
    const context = await e2e.browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'fr-FR' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${e2e.baseUrl}/app/sign-in`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel(/^Mot de passe/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/app\/w\/[^/]+\//);
    await switchInterfaceLanguage(page, language);
    await page.waitForLoadState('networkidle');
    return page;
  }

  /** The preview document of a variant, opened on its own at a width, screenshotted whole. */
  async function shootPreview(page: Page, variant: string, width: number): Promise<Page> {
    const preview = await page.context().newPage();
    await preview.setViewportSize({ width, height: 900 });
    await preview.goto(`${issueUrl.replace('/app/w/', '/api/workspaces/')}/preview?variant=${variant}`);
    await preview.waitForLoadState('networkidle');
    await preview.screenshot({ path: path.join(SCREENSHOT_DIR, `newsletter-preview-${variant}-${width}.png`), fullPage: true });
    return preview;
  }

  beforeAll(async () => {
    e2e = await startE2e();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await e2e?.close();
  });

  it('composes a bilingual issue block by block and saves it', async () => {
    const page = await signIn('officer@altermed.demo', 'fr');
    await page.goto(`${page.url().replace(/(\/app\/w\/[^/]+)\/.*$/, '$1')}/newsletter`);
    await page.getByRole('button', { name: 'Nouveau numéro' }).click();
    await page.waitForURL(/\/newsletter\/issues\/[0-9a-f-]{36}$/);
    issueUrl = page.url();
    await page.getByRole('textbox', { name: 'Objet de l’e-mail (العربية)', exact: true }).fill('نشرة ألترميد — ديسمبر 2026');
    await page.getByRole('textbox', { name: 'Objet de l’e-mail (Français)', exact: true }).fill('Lettre AlterMed — décembre 2026');

    const addBlock = async (type: string) => {
      await page.getByRole('button', { name: 'Ajouter un bloc', exact: true }).click();
      await page.getByRole('menuitem', { name: type, exact: true }).click();
    };
    await addBlock('Titre');
    await page.getByRole('textbox', { name: 'Titre (العربية)', exact: true }).fill('منتدى المتوسط للتضامن');
    await page.getByRole('textbox', { name: 'Titre (Français)', exact: true }).fill('Forum méditerranéen de la solidarité');
    await addBlock('Texte');
    await page
      .getByRole('textbox', { name: 'Texte (العربية)', exact: true })
      .fill('مرحباً {{first_name|صديقنا}}،\n\nيسعدنا دعوتك إلى **المنتدى** في صفاقس.');
    await page
      .getByRole('textbox', { name: 'Texte (Français)', exact: true })
      .fill('Bonjour {{first_name|ami·e}},\n\nNous vous invitons au **forum** de Sfax.');
    await addBlock('Image');
    const banner = await sharp({ create: { width: 1200, height: 480, channels: 3, background: '#0f766e' } })
      .png()
      .toBuffer();
    await page.locator('input[type="file"]').first().setInputFiles({ name: 'banniere.png', mimeType: 'image/png', buffer: banner });
    await eventually(() => page.getByRole('img', { name: 'Image actuelle' }).count()).toBe(1);
    await page.getByRole('textbox', { name: /^Texte alternatif .* \(العربية\)$/ }).fill('صورة المنتدى');
    await page.getByRole('textbox', { name: /^Texte alternatif .* \(Français\)$/ }).fill('Photo du forum');
    await addBlock('Bouton');
    await page.getByRole('textbox', { name: 'Texte du bouton (العربية)', exact: true }).fill('سجّل الآن');
    await page.getByRole('textbox', { name: 'Texte du bouton (Français)', exact: true }).fill('S’inscrire');
    await page.getByRole('textbox', { name: 'Lien', exact: true }).fill('https://altermed.example.org/forum');
    // The button goes above the image, with the keyboard.
    await page.getByRole('button', { name: 'Monter le bloc 4 (Bouton)' }).focus();
    await page.keyboard.press('Enter');
    await eventually(() =>
      page.getByTestId('block').evaluateAll((blocks) => blocks.map((block) => block.getAttribute('data-block-type'))),
    ).toEqual(['heading', 'text', 'button', 'image']);
    await page.getByRole('radio', { name: 'Un seul e-mail bilingue' }).check();
    await eventually(() => page.getByTestId('unsaved').count()).toBe(1);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await eventually(() => page.getByText('Enregistré.').count()).toBe(1);
    await eventually(() => page.getByTestId('unsaved').count()).toBe(0);
    await expectAccessible(page, 'composer (fr)');
    await screenshot(page, 'newsletter-composer-fr');
  });

  it('previews the Arabic email right to left and the bilingual email in its order, at both widths', async () => {
    const page = await signIn('officer@altermed.demo', 'fr');
    await page.goto(issueUrl);
    const previewPane = page.getByRole('region', { name: 'Aperçu' });
    // SegmentedControl's radios are visually hidden behind their labels.
    const choose = (label: string) =>
      previewPane
        .locator('label')
        .filter({ hasText: new RegExp(`^${label}$`) })
        .click();
    await choose('العربية');
    const frame = page.frameLocator('[data-testid="issue-preview-frame"]');
    await eventually(() => frame.locator('html').getAttribute('dir')).toBe('rtl');
    await eventually(() => frame.getByText('منتدى المتوسط للتضامن').count()).toBe(1);
    await eventually(() => frame.getByText('مرحباً سلمى،').count()).toBe(1);
    await choose('Téléphone');
    await eventually(() => page.getByTestId('issue-preview-frame').evaluate((element) => element.getBoundingClientRect().width)).toBe(375);
    await screenshot(page, 'newsletter-composer-preview-ar-phone');

    for (const width of [600, 375]) {
      const arabic = await shootPreview(page, 'ar', width);
      expect(await arabic.locator('html').getAttribute('dir')).toBe('rtl');
      // The heading sits at the right edge: right-aligned, as Arabic reads.
      const heading = await arabic.getByText('منتدى المتوسط للتضامن').boundingBox();
      expect((heading?.x ?? 0) + (heading?.width ?? 0)).toBeGreaterThan(width - 60);
      expect(await arabic.locator('img[alt="صورة المنتدى"]').evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBe(1200);
      await arabic.close();
      const bilingual = await shootPreview(page, 'bilingual', width);
      const arabicTop = (await bilingual.getByText('منتدى المتوسط للتضامن').boundingBox())?.y ?? 0;
      const frenchTop = (await bilingual.getByText('Forum méditerranéen de la solidarité').boundingBox())?.y ?? 0;
      expect(arabicTop).toBeGreaterThan(0);
      expect(frenchTop).toBeGreaterThan(arabicTop);
      expect(await bilingual.locator('.tw-lang-fr').first().getAttribute('dir')).toBe('ltr');
      await bilingual.close();
    }
  });

  it('sends a test to the outbox and submits the issue for review', async () => {
    const page = await signIn('officer@altermed.demo', 'fr');
    await page.goto(issueUrl);
    await page.getByRole('button', { name: 'Envoyer un test' }).click();
    const dialog = page.getByRole('dialog', { name: 'Envoyer un e-mail de test' });
    await dialog.getByRole('button', { name: 'Envoyer le test' }).click();
    await eventually(() => dialog.getByText(/Aucun serveur SMTP/).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Fermer' }).first().click();
    // The panels above load and grow: bring the button into view first so the click lands on it.
    const submit = page.getByRole('button', { name: 'Soumettre pour relecture' });
    await submit.scrollIntoViewIfNeeded();
    await submit.click();
    await eventually(() => page.getByTestId('issue-review-state').getAttribute('data-state')).toBe('in_review');
  });

  it('shows the composer mirrored in Arabic', async () => {
    const page = await signIn('officer@altermed.demo', 'ar');
    await page.goto(issueUrl);
    await eventually(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await eventually(() => page.getByRole('heading', { level: 1, name: 'نشرة ألترميد — ديسمبر 2026' }).count()).toBe(1);
    // The composer is on the right, the preview on the left.
    const composer = await page.getByRole('form', { name: 'تحرير العدد' }).boundingBox();
    const preview = await page.getByRole('region', { name: 'المعاينة' }).boundingBox();
    expect(composer?.x ?? 0).toBeGreaterThan(preview?.x ?? 0);
    await expectAccessible(page, 'composer (ar)');
    await screenshot(page, 'newsletter-composer-ar');
  });

  it('shows the issue in the public archive once it is sent, in Arabic', async () => {
    // Sending belongs to the sending engine; here the issue is marked sent as it would end.
    const issueId = issueUrl.split('/').at(-1) as string;
    await e2e.server.platform.database.db
      .update(newsletterIssues)
      .set({ status: 'sent', startedAt: new Date(), finishedAt: new Date() })
      .where(eq(newsletterIssues.id, issueId));
    const context = await e2e.browser.newContext({ viewport: { width: 1100, height: 1000 }, locale: 'ar' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/newsletter/archive?lang=ar`);
    await page.getByRole('link', { name: 'نشرة ألترميد — ديسمبر 2026' }).click();
    await page.waitForURL(/\/newsletter\/archive\/[0-9a-f-]{36}/);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await eventually(() => page.getByText('مرحباً صديقنا،').count()).toBe(1);
    expect(await page.getByText('Bonjour ami·e,').count()).toBe(1);
    await expectAccessible(page, 'archive issue (ar)');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'newsletter-archive-ar.png'), fullPage: true });
  });
});
