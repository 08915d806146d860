/**
 * A bilingual A3 poster for an AlterMed workshop, end to end: the admin (interface in French)
 * picks the template drawn in the demo brand kit, fills both titles, the date and the workshop photo
 * from the library, watches the preview follow, saves, exports the PDF and reads it back with
 * poppler; a contributor (interface in Arabic) opens it in the mirrored page and switches it to
 * Arabic first. Screens pass axe-core and are kept as screenshots in both languages.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsWordsInOrder, pdfText } from '../helpers/pdf-tools.js';
import { type E2eContext, expectAccessible, screenshot, startE2e } from './e2e-harness.js';

const PASSWORD = 'altermed-demo-2026';
const TITLE_AR = 'ورشة ريادة الأعمال الجماعية — صفاقس';
const TITLE_FR = 'Atelier d’entrepreneuriat collectif — Sfax';
/** The preview is drawn by the server after the form rests: generous waits on a busy machine. */
const SLOW = { timeout: 30_000 };

async function signIn(browser: Browser, baseUrl: string, email: string, locale: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${baseUrl}/app/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/app\/w\/[^/]+\/organisations$/);
  return { context, page };
}

/** Whether every design card shows its thumbnail, drawn. */
const thumbnailsShown = (page: Page) =>
  page
    .getByTestId('design-card')
    .locator('img')
    .evaluateAll((images: HTMLImageElement[]) => images.length > 0 && images.every((image) => image.complete && image.naturalWidth > 0));

/** The preview picture's address (a new one each time the server draws it). */
const previewSource = (page: Page) =>
  page
    .getByTestId('design-preview')
    .locator('img')
    .getAttribute('src', { timeout: 1000 })
    .catch(() => null);

describe('studio poster', () => {
  let e2e: E2eContext;
  let admin: { context: BrowserContext; page: Page };
  let contributor: { context: BrowserContext; page: Page } | undefined;
  let designUrl: string;
  let folder: string;

  beforeAll(async () => {
    e2e = await startE2e();
    folder = await mkdtemp(path.join(tmpdir(), 'tawasul-poster-'));
    admin = await signIn(e2e.browser, e2e.baseUrl, 'admin@altermed.demo', 'fr-FR');
  });

  afterAll(async () => {
    await contributor?.context.close();
    await admin?.context.close();
    await e2e?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('makes a bilingual A3 poster from a template drawn in the brand kit, the preview following the form', async () => {
    const page = admin.page;
    await page.goto(page.url().replace(/\/organisations$/, '/studio'));
    // The demo's designs are listed with their thumbnails.
    await expect.poll(() => page.getByTestId('design-card').count(), SLOW).toBeGreaterThan(0);
    await expect.poll(() => thumbnailsShown(page), SLOW).toBe(true);
    await screenshot(page, 'studio-designs-fr');
    await page.getByRole('button', { name: 'Nouveau visuel' }).click();
    const poster = page.getByTestId('template-a3-poster');
    await expect
      .poll(() => poster.locator('img').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth), SLOW)
      .toBe(480);
    await poster.click();
    await page.getByRole('textbox', { name: 'Nom du visuel' }).fill('Affiche atelier AlterMed — Sfax');
    await screenshot(page, 'studio-new-design-fr');
    await page.getByRole('button', { name: 'Créer le visuel' }).click();
    await page.waitForURL(/\/studio\/designs\/[0-9a-f-]{36}$/);
    designUrl = page.url();

    // A new design has no title yet: the preview says what it waits for.
    await expect.poll(() => page.getByText('L’aperçu attend encore :').count(), SLOW).toBe(1);
    await page.getByRole('textbox', { name: /^Titre \(arabe\)/ }).fill(TITLE_AR);
    await page.getByRole('textbox', { name: /^Titre \(français\)/ }).fill(TITLE_FR);
    await expect.poll(() => previewSource(page), SLOW).toMatch(/^blob:/);
    const first = await previewSource(page);
    await page.getByLabel('Date').fill('2026-05-14');
    await page.getByLabel('Heure de début').fill('09:30');
    await page.getByRole('textbox', { name: /^Lieu \(arabe\)/ }).fill('دار الشباب بصفاقس');
    await page.getByRole('textbox', { name: /^Lieu \(français\)/ }).fill('Maison des jeunes de Sfax');
    await expect.poll(() => previewSource(page), SLOW).not.toBe(first);

    // The workshop photo: the picker offers only pictures consented for print.
    await page.getByRole('button', { name: 'Choisir dans la médiathèque' }).click();
    await expect.poll(() => page.getByTestId('picker-asset').count(), SLOW).toBeGreaterThan(0);
    const pickerTitles = await page.getByTestId('picker-asset').allTextContents();
    expect(pickerTitles.join(' ')).toContain('Atelier d’entrepreneuriat collectif à Sfax');
    expect(pickerTitles.join(' ')).not.toContain('Oran');
    await page.getByTestId('picker-asset').filter({ hasText: 'Atelier d’entrepreneuriat collectif à Sfax' }).click();
    const withText = await previewSource(page);
    await expect.poll(() => previewSource(page), SLOW).not.toBe(withText);
    await expect.poll(() => page.getByTestId('design-preview').getAttribute('data-rendering'), SLOW).toBe('false');
    await expectAccessible(page, 'design page fr');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'studio-poster-fr');
  });

  it('saves and exports the PDF, with the Arabic and French titles inside', async () => {
    const page = admin.page;
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(() => page.getByRole('link', { name: 'Exporter en PDF' }).getAttribute('href'), SLOW)
      .toMatch(/\/export\?format=pdf$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporter en PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('Affiche atelier AlterMed — Sfax-bilingual.pdf');
    const file = path.join(folder, 'poster.pdf');
    await download.saveAs(file);
    const text = pdfText(readFileSync(file));
    expect(containsWordsInOrder(text, TITLE_AR), text).toBe(true);
    expect(containsWordsInOrder(text, TITLE_FR), text).toBe(true);
    expect(text).toContain('jeudi 14 mai 2026 à 9 h 30');
    // The demo brand kit's funder mention and disclaimer.
    expect(text).toContain('Union européenne');
  });

  it('opens it in the Arabic interface, mirrored, and switches it to Arabic first', async () => {
    contributor = await signIn(e2e.browser, e2e.baseUrl, 'contributor@altermed.demo', 'ar-MA');
    const page = contributor.page;
    await page.goto(designUrl);
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => previewSource(page), SLOW).toMatch(/^blob:/);
    // The form on the right, the preview on the left.
    const form = await page.getByTestId('design-form').boundingBox();
    const preview = await page.getByTestId('design-preview').boundingBox();
    expect(form && preview && preview.x < form.x).toBe(true);
    const bilingual = await previewSource(page);
    await page.getByText('العربية أولًا').click();
    await expect.poll(() => previewSource(page), SLOW).not.toBe(bilingual);
    await expect.poll(() => page.getByTestId('design-preview').getAttribute('data-rendering'), SLOW).toBe('false');
    await expectAccessible(page, 'design page ar');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'studio-poster-ar');
    await page.getByText('→ كل التصاميم').click();
    await expect.poll(() => page.getByTestId('design-card').count(), SLOW).toBeGreaterThan(1);
    await expect.poll(() => thumbnailsShown(page), SLOW).toBe(true);
    await screenshot(page, 'studio-designs-ar');
  });
});
