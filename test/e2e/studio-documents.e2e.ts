/**
 * A two-page advocacy brief, end to end, once with the interface in French (the admin) and once in
 * Arabic (the officer): create the document, choose the advocacy-brief layout, type headings,
 * paragraphs, a list, a callout, bold text and a footnote in the Arabic and the French editors with
 * the keyboard and the toolbar, watch the page preview follow the autosave, export the PDF, and read
 * the downloaded file back with poppler (two pages or more, the typed text in typed order). The
 * editors are photographed in both interfaces and the pages pass axe-core.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsWordsInOrder, pdfText } from '../helpers/pdf-tools.js';
import { type E2eContext, expectAccessible, screenshot, startE2e } from './e2e-harness.js';

const PASSWORD = 'altermed-demo-2026';
/** Autosave, preview and export wait for the server: generous on a busy machine (no timing is asserted). */
const SLOW = { timeout: 45_000 };

const AR = {
  heading: 'توصيات من أجل اقتصاد تضامني في صفاقس',
  paragraph:
    'تعمل التعاونيات النسائية في ولاية صفاقس منذ سنوات على خلق مواطن شغل مستدامة في قطاعات الفلاحة والصناعات التقليدية والخدمات. غير أن هذه المبادرات تصطدم بصعوبات في النفاذ إلى التمويل وإلى الأسواق، وبإجراءات إدارية طويلة ومعقدة. تقترح هذه الورقة جملة من التوصيات العملية الموجهة إلى السلطات الجهوية والشركاء الماليين.',
  bold: 'ثلاث أولويات',
  items: ['تبسيط إجراءات تسجيل التعاونيات', 'إحداث صندوق جهوي للضمان', 'تخصيص فضاءات دائمة لبيع المنتوجات'],
  callout: 'يشتغل في التعاونيات المرافقة أكثر من ثلاثمائة امرأة.',
  footnote: 'مسح ميداني أنجزته الجمعية سنة 2025.',
  second: 'القسم الثاني: الشراكات',
};
const FR = {
  heading: 'Recommandations pour une économie solidaire à Sfax',
  paragraph:
    'Les coopératives de femmes du gouvernorat de Sfax créent depuis plusieurs années des emplois durables dans l’agriculture, l’artisanat et les services. Ces initiatives se heurtent pourtant à l’accès au financement et aux marchés, ainsi qu’à des démarches administratives longues et complexes. Cette note propose des recommandations concrètes aux autorités régionales et aux partenaires financiers.',
  bold: 'Trois priorités',
  items: ['Simplifier l’enregistrement des coopératives', 'Créer un fonds régional de garantie', 'Ouvrir des espaces de vente permanents'],
  callout: 'Plus de trois cents femmes travaillent dans les coopératives accompagnées.',
  footnote: 'Enquête de terrain menée par l’association en 2025.',
  second: 'Deuxième partie : les partenariats',
};

interface Interface {
  locale: 'fr' | 'ar';
  email: string;
  browserLocale: string;
  words: {
    newDocument: string;
    create: string;
    titleField: string;
    factSheet: string;
    advocacyBrief: string;
    editor: Record<'ar' | 'fr', string>;
    toolbar: Record<'ar' | 'fr', string>;
    heading1: string;
    heading2: string;
    bulletList: string;
    callout: string;
    footnote: string;
    insertFootnote: string;
    exportPdf: string;
    back: string;
  };
}

const INTERFACES: Interface[] = [
  {
    locale: 'fr',
    email: 'admin@altermed.demo',
    browserLocale: 'fr-FR',
    words: {
      newDocument: 'Nouveau document',
      create: 'Créer le document',
      titleField: 'Titre du document',
      factSheet: 'Fiche d’information',
      advocacyBrief: 'Note de plaidoyer',
      editor: { ar: 'Texte en arabe', fr: 'Texte en français' },
      toolbar: { ar: 'Mise en forme du texte en arabe', fr: 'Mise en forme du texte en français' },
      heading1: 'Titre de niveau 1',
      heading2: 'Titre de niveau 2',
      bulletList: 'Liste à puces',
      callout: 'Encadré',
      footnote: 'Ajouter une note de bas de page',
      insertFootnote: 'Insérer la note',
      exportPdf: 'Exporter en PDF',
      back: '← Tous les documents',
    },
  },
  {
    locale: 'ar',
    email: 'officer@altermed.demo',
    browserLocale: 'ar-MA',
    words: {
      newDocument: 'وثيقة جديدة',
      create: 'إنشاء الوثيقة',
      titleField: 'عنوان الوثيقة',
      factSheet: 'بطاقة معلومات',
      advocacyBrief: 'ورقة مناصرة',
      editor: { ar: 'النص بالعربية', fr: 'النص بالفرنسية' },
      toolbar: { ar: 'أدوات تنسيق النص بالعربية', fr: 'أدوات تنسيق النص بالفرنسية' },
      heading1: 'عنوان من المستوى 1',
      heading2: 'عنوان من المستوى 2',
      bulletList: 'قائمة نقطية',
      callout: 'إطار بارز',
      footnote: 'إضافة حاشية سفلية',
      insertFootnote: 'إدراج الحاشية',
      exportPdf: 'تصدير بصيغة PDF',
      back: '→ كل الوثائق',
    },
  },
];

async function signIn(e2e: E2eContext, ui: Interface): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e2e.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: ui.browserLocale, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${e2e.baseUrl}/app/sign-in`);
  await page.locator('input[name="email"]').fill(ui.email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/app\/w\/[^/]+\/organisations$/);
  return { context, page };
}

/** Types one language's brief: a level-1 heading, a paragraph with bold words and a footnote, a list, a callout, a level-2 heading. */
async function writeBrief(page: Page, ui: Interface, language: 'ar' | 'fr'): Promise<void> {
  const text = language === 'ar' ? AR : FR;
  const editor = page.getByRole('textbox', { name: ui.words.editor[language] });
  const toolbar = page.getByRole('toolbar', { name: ui.words.toolbar[language] });
  await editor.click();
  await toolbar.getByRole('button', { name: ui.words.heading1 }).click();
  await page.keyboard.type(text.heading);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(text.paragraph);
  await page.keyboard.press('Space');
  // Bold by its shortcut, a footnote by the toolbar and its dialog.
  await page.keyboard.press('Control+b');
  await page.keyboard.type(text.bold);
  await page.keyboard.press('Control+b');
  await toolbar.getByRole('button', { name: ui.words.footnote }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').fill(text.footnote);
  await dialog.getByRole('button', { name: ui.words.insertFootnote }).click();
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: ui.words.bulletList }).click();
  for (const item of text.items) {
    await page.keyboard.type(item);
    await page.keyboard.press('Enter');
  }
  // A second Enter on the empty item leaves the list.
  await page.keyboard.press('Enter');
  await page.keyboard.type(text.callout);
  await toolbar.getByRole('button', { name: ui.words.callout }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  // Keyboard only: Alt+F10 reaches the toolbar, the arrows walk it, Enter presses, Escape goes back.
  await page.keyboard.press('Alt+F10');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(await toolbarFirstName(toolbar));
  const forward = ui.locale === 'ar' ? 'ArrowLeft' : 'ArrowRight';
  await page.keyboard.press(forward);
  await page.keyboard.press(forward);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(ui.words.heading2);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  // Back in the text before typing (under load the focus returns a moment later).
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('contenteditable'))).toBe('true');
  await page.keyboard.type(text.second);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(`${text.paragraph} ${text.paragraph}`);
}

const toolbarFirstName = (toolbar: Locator) => toolbar.getByRole('button').first().getAttribute('aria-label');

const pdfPages = (file: string) =>
  Number(execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).match(/Pages:\s+(\d+)/)?.[1] ?? 0);

const previewSource = (page: Page) =>
  page
    .getByTestId('document-preview')
    .locator('img')
    .getAttribute('src', { timeout: 1000 })
    .catch(() => null);

describe('studio documents', () => {
  let e2e: E2eContext;
  let folder: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    e2e = await startE2e();
    folder = await mkdtemp(path.join(tmpdir(), 'tawasul-brief-'));
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await e2e?.close();
    await rm(folder, { recursive: true, force: true });
  });

  for (const ui of INTERFACES) {
    it(`lays out a two-page bilingual advocacy brief and downloads it (interface: ${ui.locale})`, { timeout: 240_000 }, async () => {
      const { context, page } = await signIn(e2e, ui);
      contexts.push(context);
      await expect.poll(() => page.locator('html').getAttribute('dir')).toBe(ui.locale === 'ar' ? 'rtl' : 'ltr');
      await page.goto(page.url().replace(/\/organisations$/, '/studio/documents'));

      // Create it: both titles, a first layout changed on the document page.
      await page.getByRole('button', { name: ui.words.newDocument }).click();
      const dialog = page.getByRole('dialog');
      const title = { ar: `${AR.heading} (${ui.locale})`, fr: `${FR.heading} (${ui.locale})` };
      await dialog.getByRole('textbox', { name: new RegExp(`^${ui.words.titleField} \\(العربية`) }).fill(title.ar);
      await dialog.getByRole('textbox', { name: new RegExp(`^${ui.words.titleField} \\(Français`) }).fill(title.fr);
      await dialog.getByRole('radio', { name: new RegExp(ui.words.factSheet) }).check();
      await dialog.getByRole('button', { name: ui.words.create }).click();
      await page.waitForURL(/\/studio\/documents\/[0-9a-f-]{36}$/);
      await page.getByRole('radio', { name: new RegExp(ui.words.advocacyBrief) }).check();

      await writeBrief(page, ui, 'ar');
      await writeBrief(page, ui, 'fr');

      // Autosaved, and the preview draws the saved pages: two or more, the second reachable.
      await expect.poll(() => page.getByTestId('document-save-status').getAttribute('data-status'), SLOW).toBe('saved');
      const pageCount = () =>
        page
          .getByTestId('document-page-count')
          .getAttribute('data-count', { timeout: 1000 })
          .catch(() => '0');
      await expect.poll(async () => Number(await pageCount()), SLOW).toBeGreaterThanOrEqual(2);
      await expect.poll(() => page.getByTestId('document-preview').getAttribute('data-rendering'), SLOW).toBe('false');
      const first = await previewSource(page);
      expect(first).toMatch(/^blob:/);
      await page.getByTestId('document-preview').locator('..').getByRole('button', { name: /2/ }).first().click();
      await expect.poll(() => previewSource(page), SLOW).not.toBe(first);
      await expect.poll(() => page.getByTestId('document-preview').getAttribute('data-rendering'), SLOW).toBe('false');

      // The Arabic editor right to left, the French one left to right; photographed from the top.
      expect(await page.getByRole('textbox', { name: ui.words.editor.ar }).getAttribute('dir')).toBe('rtl');
      expect(await page.getByRole('textbox', { name: ui.words.editor.fr }).getAttribute('dir')).toBe('ltr');
      const arabicBox = await page.getByRole('textbox', { name: ui.words.editor.ar }).boundingBox();
      const previewBox = await page.getByTestId('document-preview').boundingBox();
      // The preview column sits on the line's end side: right in French, left in the mirrored Arabic page.
      expect(arabicBox && previewBox && (ui.locale === 'ar' ? previewBox.x < arabicBox.x : previewBox.x > arabicBox.x)).toBe(true);
      await expectAccessible(page, `document page ${ui.locale}`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `studio-document-editor-${ui.locale}`);
      await page.getByTestId('document-toolbar').first().scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, 420));
      await screenshot(page, `studio-document-editor-${ui.locale}-lower`);

      // Export: the PDF is downloaded, has two pages or more, and holds what was typed.
      const [download] = await Promise.all([
        page.waitForEvent('download', SLOW),
        page.getByRole('button', { name: ui.words.exportPdf }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const file = path.join(folder, `brief-${ui.locale}.pdf`);
      await download.saveAs(file);
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdfPages(file)).toBeGreaterThanOrEqual(2);
      const text = pdfText(readFileSync(file));
      for (const typed of [
        AR.heading,
        AR.items[0] ?? '',
        AR.callout,
        FR.heading,
        FR.bold,
        FR.items[2] ?? '',
        FR.callout,
        FR.footnote,
        FR.second,
      ]) {
        expect(containsWordsInOrder(text, typed), `${typed}\n---\n${text}`).toBe(true);
      }
      expect(containsWordsInOrder(text, AR.paragraph), text).toBe(true);
      expect(containsWordsInOrder(text, FR.paragraph), text).toBe(true);

      // Listed with its layout, its languages and its exported pages.
      await page.getByText(ui.words.back).click();
      const row = page.getByTestId('document-row').filter({ hasText: ui.locale === 'ar' ? title.ar : title.fr });
      await expect.poll(() => row.textContent(), SLOW).toContain(ui.words.advocacyBrief);
      await expect.poll(() => row.getByText(/PDF/).count(), SLOW).toBe(1);
      await expectAccessible(page, `documents list ${ui.locale}`);
      await screenshot(page, `studio-documents-list-${ui.locale}`);
    });
  }
});
