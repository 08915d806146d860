/**
 * Studio documents: the body format's limits, then documents laid out by document-layout.ts and
 * rendered by the `document` Typst template, read back with poppler (fonts, text order, page count,
 * digits of the page numbers).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DocumentLayoutInput, documentRenderPlan } from '../../src/server/modules/studio/document-layout.js';
import { cropToPage, svgPageCount, svgPagesToPng, svgPageToPng } from '../../src/server/platform/render/rasterize.js';
import { Renderer } from '../../src/server/platform/render/renderer.js';
import { FONTS_DIR } from '../../src/server/platform/render/typst-engine.js';
import {
  type BlockNode,
  DOCUMENT_LAYOUTS,
  DOCUMENT_MODES,
  type DocumentBody,
  DocumentBodySchema,
} from '../../src/shared/studio/documents.schema.js';
import { containsWordsInOrder, pdfFonts, pdfText } from '../helpers/pdf-tools.js';
import { type PdfWord, pdfWords } from '../helpers/pdf-words.js';

const LOGO = readFileSync(path.resolve('test/fixtures/render-assets/logo.svg'));
const PHOTO = readFileSync(path.resolve('test/fixtures/render-assets/photo.jpg'));
const SHIPPED_FONTS = new Set(
  readdirSync(FONTS_DIR)
    .filter((name) => name.endsWith('.ttf'))
    .map((name) => name.replace(/\.ttf$/, '')),
);
const ASSET_ID = '0b7f3c1e-5d7a-4c8e-9a51-3f2b6d8e1c40';
const PARTNER_ID = '6a1d2e3f-4b5c-4d6e-8f70-8192a3b4c5d6';

const text = (value: string) => ({ type: 'text' as const, text: value });
const paragraph = (value: string): BlockNode => ({ type: 'paragraph', content: [text(value)] });
const heading = (value: string, level: 1 | 2 | 3 = 1): BlockNode => ({ type: 'heading', attrs: { level }, content: [text(value)] });

const AR_PARAGRAPH = 'تشغّل التعاونيات المحلية في تونس والمغرب آلاف النساء والشباب لكنها تبقى غير مرئية في السياسات العمومية';
const FR_PARAGRAPH = 'Les coopératives locales de Tunisie et du Maroc emploient des milliers de femmes et de jeunes';

function body(lang: 'ar' | 'fr'): DocumentBody {
  const ar = lang === 'ar';
  return {
    type: 'doc',
    content: [
      heading(ar ? 'الفصل الأول' : 'Premier chapitre'),
      {
        type: 'paragraph',
        content: [
          text(ar ? AR_PARAGRAPH : FR_PARAGRAPH),
          { type: 'text', text: ar ? ' بخط عريض' : ' en gras', marks: [{ type: 'bold' }] },
          { type: 'footnote', attrs: { text: ar ? 'حاشية عن ورشة تونس' : 'Note sur l’atelier de Tunis' } },
        ],
      },
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(ar ? 'تبسيط الإجراءات' : 'Simplifier les démarches')] }] },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableHeader', content: [paragraph(ar ? 'البلد' : 'Pays')] },
              { type: 'tableHeader', content: [paragraph('2026')] },
            ],
          },
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', content: [paragraph(ar ? 'تونس' : 'Tunisie')] },
              { type: 'tableCell', content: [paragraph('2500')] },
            ],
          },
        ],
      },
      { type: 'image', attrs: { assetId: ASSET_ID, alt: 'photo' } },
      { type: 'callout', attrs: { tone: 'warning' }, content: [paragraph(ar ? 'تنبيه مهم للجمعيات' : 'Attention aux associations')] },
      { type: 'blockquote', content: [paragraph(ar ? 'الاقتصاد التضامني يخلق فرص عمل' : 'L’économie solidaire crée des emplois')] },
      heading(ar ? 'الفصل الثاني' : 'Second chapitre'),
      paragraph(ar ? 'خاتمة الدليل' : 'Conclusion du guide'),
    ],
  };
}

function input(overrides: Partial<DocumentLayoutInput> = {}): DocumentLayoutInput {
  return {
    title: { ar: 'دليل الاقتصاد التضامني', fr: 'Guide de l’économie solidaire' },
    subtitle: { ar: 'اتحاد ألترميد', fr: 'Consortium AlterMed' },
    body: { ar: body('ar'), fr: body('fr') },
    layout: 'awareness-guide',
    mode: 'bilingual-sequential',
    brand: { colors: { primary: '#0f766e', accent: '#c2410c' }, logoFileId: 'logo-file' },
    partnerStrip: [
      { id: PARTNER_ID, name: 'AlterMed', logoFileId: 'partner-file', logoContentType: 'image/svg+xml', role: 'funder', mention: '' },
    ],
    disclaimer: { ar: 'بتمويل من الاتحاد الأوروبي', fr: 'Financé par l’Union européenne' },
    ...overrides,
  };
}

let renderer: Renderer;
beforeAll(async () => {
  renderer = await Renderer.create();
});

async function renderPdf(layoutInput: DocumentLayoutInput): Promise<Uint8Array> {
  const plan = documentRenderPlan(layoutInput);
  const assets: Record<string, Buffer> = {};
  for (const slot of Object.keys(plan.fileSlots)) assets[slot] = LOGO;
  for (const slot of Object.keys(plan.assetSlots)) assets[slot] = PHOTO;
  const output = await renderer.render({ template: plan.template, variant: plan.variant, data: plan.data, assets, format: 'pdf' });
  expect(output.warnings).toEqual([]);
  return output.bytes;
}

function withFile<T>(pdf: Uint8Array, run: (file: string) => T): T {
  const folder = mkdtempSync(path.join(tmpdir(), 'tawasul-doc-'));
  try {
    const file = path.join(folder, 'd.pdf');
    writeFileSync(file, pdf);
    return run(file);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
const pageCount = (pdf: Uint8Array) =>
  Number(withFile(pdf, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' })).match(/Pages:\s+(\d+)/)?.[1]);
const pageText = (pdf: Uint8Array, page: number) =>
  withFile(pdf, (file) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' }),
  )
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ');

describe('document body format', () => {
  it('accepts the editor subset and refuses deep nesting, unknown nodes and unsafe links', () => {
    expect(DocumentBodySchema.safeParse(body('ar')).success).toBe(true);
    let deep: BlockNode = paragraph('x');
    for (let level = 0; level < 20; level += 1) deep = { type: 'blockquote', content: [deep] };
    expect(DocumentBodySchema.safeParse({ type: 'doc', content: [deep] }).error?.issues[0]?.message).toBe('TOO_DEEP');
    expect(DocumentBodySchema.safeParse({ type: 'doc', content: [{ type: 'codeBlock', content: [] }] }).success).toBe(false);
    const link = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
      ],
    };
    expect(DocumentBodySchema.safeParse(link).success).toBe(false);
  });
});

describe('document layouts', () => {
  it('renders every layout in every mode with only the shipped fonts, embedded, and both languages in typed order', async () => {
    for (const layout of DOCUMENT_LAYOUTS) {
      for (const mode of DOCUMENT_MODES) {
        const label = `${layout} ${mode}`;
        const pdf = await renderPdf(input({ layout, mode }));
        for (const font of pdfFonts(pdf)) {
          expect(SHIPPED_FONTS.has(font.name), `${label}: ${font.name}`).toBe(true);
          expect(font.embedded, label).toBe(true);
        }
        const extracted = pdfText(pdf);
        expect(containsWordsInOrder(extracted, AR_PARAGRAPH), `${label} Arabic`).toBe(mode !== 'fr');
        expect(extracted.includes(FR_PARAGRAPH), `${label} French`).toBe(mode !== 'ar');
        expect(containsWordsInOrder(extracted, 'بتمويل من الاتحاد الأوروبي') || extracted.includes('Financé par'), label).toBe(true);
      }
    }
  });

  it('prints sequential chapters in the order asked and facing chapters French left, Arabic right', async () => {
    const sequential = pdfText(await renderPdf(input({ layout: 'fact-sheet', order: ['fr', 'ar'] })));
    expect(sequential.indexOf('Conclusion du guide')).toBeLessThan(sequential.indexOf('Premier chapitre') + 10_000);
    expect(sequential.indexOf('Conclusion du guide')).toBeLessThan(sequential.search(/الفصل|لفصل/));

    const facing = await renderPdf(input({ layout: 'research-report', mode: 'bilingual-facing' }));
    const pages = Array.from({ length: pageCount(facing) }, (_, index) => pageText(facing, index + 1));
    const french = pages.findIndex((page) => page.includes('Premier chapitre') && !page.includes('Sommaire')) + 1;
    const arabic = pages.findIndex((page) => containsWordsInOrder(page, 'الفصل الأول') && !page.includes('Sommaire')) + 1;
    expect(french % 2, 'French chapter on an even (left) page').toBe(0);
    expect(arabic, 'Arabic chapter on the facing odd (right) page').toBe(french + 1);
  });

  it('numbers pages in Western digits by default and in Eastern Arabic digits when asked', async () => {
    const western = await renderPdf(input({ layout: 'research-report', mode: 'ar' }));
    const easternPdf = await renderPdf(input({ layout: 'research-report', mode: 'ar', digits: 'eastern' }));
    expect(pageText(western, 3)).toMatch(/(^|\s)3(\s|$)/);
    expect(pageText(western, 3)).not.toMatch(/[٠-٩]/);
    expect(pageText(easternPdf, 3)).toContain('٣');
  });

  it('lays out a two-page advocacy brief', async () => {
    const long = (lang: 'ar' | 'fr'): DocumentBody => ({
      type: 'doc',
      content: [
        heading(lang === 'ar' ? 'المناصرة' : 'Plaidoyer'),
        ...Array.from({ length: 5 }, () => paragraph(lang === 'ar' ? `${AR_PARAGRAPH}. `.repeat(4) : `${FR_PARAGRAPH}. `.repeat(4))),
      ],
    });
    const pdf = await renderPdf(
      input({ layout: 'advocacy-brief', mode: 'bilingual-sequential', body: { ar: long('ar'), fr: long('fr') } }),
    );
    expect(pageCount(pdf)).toBe(2);
  });

  it('keeps user text full of Typst syntax and HTML literal', async () => {
    const hostile = '#read("/etc/passwd") $x^2$ [a] @ref <label> \\ #import "x" <b>gras</b>';
    const pdf = await renderPdf(
      input({
        mode: 'fr',
        title: { fr: hostile },
        body: {
          fr: {
            type: 'doc',
            content: [paragraph(hostile), { type: 'paragraph', content: [{ type: 'footnote', attrs: { text: hostile } }] }],
          },
        },
      }),
    );
    const extracted = pdfText(pdf);
    expect(extracted.split(hostile).length - 1).toBeGreaterThanOrEqual(3);
    expect(extracted).not.toContain('root:');
  });

  it('sets each language’s contents and footnotes in its own direction', async () => {
    const pdf = await renderPdf(input({ layout: 'awareness-guide', mode: 'bilingual-sequential' }));
    const { pages, words } = pdfWords(pdf);
    const contents = 2;
    const width = pages[contents - 1]?.width ?? 0;
    const on = (page: number, test: (text: string) => boolean) => words.filter((word) => word.page === page && test(word.text));
    // pdftotext -bbox gives Arabic words in visual order: found by script and position, not spelling.
    const arabic = (word: PdfWord) => /[\u0600-\u06FF]/.test(word.text);
    // A page number, possibly glued to the last leader dot (". 4").
    const number = (word: PdfWord) => /[0-9]/.test(word.text) && !/[A-Za-z\u0600-\u06FF]/.test(word.text);
    const entryLine = (word: PdfWord | undefined) =>
      on(contents, () => true).filter((other) => number(other) && word && Math.abs(other.yMax - word.yMax) < 3);
    // The Arabic entry ends at the right margin with its page number on the left of the same line…
    const arabicEntry = on(contents, () => true)
      .filter((word) => arabic(word) && word.yMax > 110)
      .sort((a, b) => b.xMax - a.xMax)[0];
    expect(arabicEntry?.xMax).toBeGreaterThan(width * 0.75);
    expect(entryLine(arabicEntry)[0]?.xMax).toBeLessThan(width * 0.25);
    // …the French one starts at the left margin with its number on the right.
    const [frenchEntry] = on(contents, (text) => text === 'Premier');
    expect(frenchEntry?.xMin).toBeLessThan(width * 0.25);
    expect(entryLine(frenchEntry)[0]?.xMin).toBeGreaterThan(width * 0.75);
    // Each list under its own heading: the Arabic entries, then « Sommaire », then the French ones.
    const [sommaire] = on(contents, (text) => text === 'Sommaire');
    expect(arabicEntry?.yMax).toBeLessThan(sommaire?.yMin ?? 0);
    expect(frenchEntry?.yMin).toBeGreaterThan(sommaire?.yMax ?? Number.POSITIVE_INFINITY);
    // The Arabic footnote starts on the right, the French one on the left (both in the page's foot).
    const foot = (word: PdfWord) => word.yMax > (pages[word.page - 1]?.height ?? 0) * 0.85 && !number(word);
    const arabicNote = words.filter((word) => foot(word) && arabic(word)).sort((a, b) => b.xMax - a.xMax)[0];
    const frenchNote = words.find((word) => foot(word) && word.text === 'Note');
    expect(arabicNote?.xMax).toBeGreaterThan(width * 0.75);
    expect(frenchNote?.xMin).toBeLessThan(width * 0.25);
  });

  it('rasterizes every page where it belongs: the cover keeps its colour under the later pages', async () => {
    const plan = documentRenderPlan(input({ layout: 'research-report' }));
    const svg = (await renderer.render({ template: plan.template, variant: plan.variant, data: plan.data, format: 'svg' })).bytes.toString(
      'utf8',
    );
    const pdf = await renderPdf(input({ layout: 'research-report' }));
    expect(svgPageCount(svg)).toBe(pageCount(pdf));
    const centre = async (png: Buffer, top: number) => [
      ...(await sharp(png).extract({ left: 100, top, width: 1, height: 1 }).raw().toBuffer()).subarray(0, 3),
    ];
    const all = await svgPagesToPng(svg, 200);
    // 200 px wide A4 pages are 283 px high: the cover's middle, then the contents page's.
    expect(await centre(all, 140)).toEqual([0x0f, 0x76, 0x6e]);
    expect(await centre(all, 283 + 200)).toEqual([255, 255, 255]);
    expect(await centre(await svgPageToPng(svg, 1, 200), 140)).toEqual([0x0f, 0x76, 0x6e]);
    expect(await centre(await svgPageToPng(svg, 2, 200), 200)).toEqual([255, 255, 255]);
    expect(() => cropToPage(svg, pageCount(pdf))).toThrow();
  });
});
