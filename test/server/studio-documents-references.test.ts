/**
 * The demo advocacy brief (seeded as in the demo workspace, with the AlterMed brand kit and partner
 * strip) exported and previewed through the API: its pages compared with reviewed reference images
 * (joined Arabic letters, right-to-left chapters, running headers, page numbers, title band, partner
 * strip and funder mention), the same brief as a research report with Eastern Arabic digits (cover,
 * contents per language, back cover), and the PDF read back with poppler (shipped fonts embedded,
 * Arabic in logical order). A difference writes the new image and a diff under
 * test-results/render-references/. References change only by the explicit command:
 *
 *   UPDATE_RENDER_REFERENCES=1 npx vitest run --project server test/server/studio-documents-references.test.ts
 *
 * then look at every changed image before committing it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDocuments } from '../../src/server/modules/studio/documents.seed.js';
import { DEMO_BRIEF_AR, DEMO_BRIEF_FR } from '../../src/server/modules/studio/documents-demo.js';
import { seedDemoStudio } from '../../src/server/modules/studio/studio.seed.js';
import { workspaces } from '../../src/server/platform/platform.tables.js';
import { closeSharedRenderer } from '../../src/server/platform/render/renderer.js';
import { localized } from '../../src/shared/localized-text.js';
import type { DocumentBody } from '../../src/shared/studio/documents.schema.js';
import { containsWordsInOrder, pdfFonts, pdfText } from '../helpers/pdf-tools.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

const REFERENCES = path.resolve('test/fixtures/render-references');
const RESULTS = path.resolve('test-results/render-references');
const UPDATE = process.env.UPDATE_RENDER_REFERENCES === '1';
/** Per-pixel colour distance pixelmatch tolerates (anti-aliasing), and the share of pixels that may differ. */
const PIXEL_THRESHOLD = 0.1;
const MAX_DIFFERENT_SHARE = 0.002;
const WIDTH = 1000;
/** The consortium members the studio demo finds in the directory to build its partner strip. */
const PARTNERS = [
  ['ICOSI', 'إيكوسي'],
  ['IMF — Institut Méditerranéen de Formation', 'المعهد المتوسطي للتكوين'],
  ['Manufacture Coopérative', 'التعاونية الصناعية'],
  ['Initiative Urbaine', 'المبادرة الحضرية'],
  ['Coopérative des Entrepreneurs Solidaires', 'تعاونية المقاولين المتضامنين'],
  ['CCDE', 'CCDE'],
  ['ADFR — Association de Développement des Femmes Rurales', 'جمعية تنمية المرأة الريفية'],
  ['Jeunesse Plus', 'شباب بلس'],
  ['AFVE', 'AFVE'],
  ['Green Tea', 'Green Tea'],
] as const;

let t: TestApp;
let officer: Session;
let workspaceId: string;
let documentId: string;

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace({ name: localized({ fr: 'AlterMed', ar: 'ألترميد' }) })).id;
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  for (const [fr, ar] of PARTNERS) await t.make.organisation(workspaceId, { name: localized({ fr, ar }) });
  await seedDemoStudio(t.platform, workspaceId, new Date('2026-03-02T09:00:00Z'));
  documentId = (await seedDemoDocuments(t.platform, workspaceId)) as string;
});
afterAll(async () => {
  await t.close();
  await closeSharedRenderer();
});

const url = (rest = '') => `/api/workspaces/${workspaceId}/studio/documents/${documentId}${rest}`;

async function exportPdf(): Promise<{ pdf: Buffer; pages: number }> {
  const exported = await t.request(officer, { method: 'POST', url: url('/export'), payload: {} });
  expect(exported.statusCode, exported.body).toBe(200);
  expect(exported.json().warnings).toEqual([]);
  const download = await t.request(officer, { method: 'GET', url: exported.json().downloadUrl });
  return { pdf: download.rawPayload, pages: exported.json().pages };
}

async function expectPageLikeReference(page: number, name: string) {
  const response = await t.request(officer, { method: 'GET', url: url(`/preview.png?page=${page}&width=${WIDTH}`) });
  expect(response.statusCode, response.body).toBe(200);
  const bytes = response.rawPayload;
  const file = path.join(REFERENCES, `${name}.png`);
  if (UPDATE) {
    mkdirSync(REFERENCES, { recursive: true });
    writeFileSync(file, bytes);
  }
  expect(existsSync(file), `missing reference ${file}: run the update command in this file's header`).toBe(true);
  const actual = PNG.sync.read(bytes);
  const reference = PNG.sync.read(readFileSync(file));
  expect([actual.width, actual.height]).toEqual([reference.width, reference.height]);
  const diff = new PNG({ width: actual.width, height: actual.height });
  const different = pixelmatch(actual.data, reference.data, diff.data, actual.width, actual.height, { threshold: PIXEL_THRESHOLD });
  const share = different / (actual.width * actual.height);
  if (share > MAX_DIFFERENT_SHARE) {
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(path.join(RESULTS, `${name}.actual.png`), bytes);
    writeFileSync(path.join(RESULTS, `${name}.diff.png`), PNG.sync.write(diff));
  }
  expect(share, `${name}: ${different} pixels differ; see ${RESULTS}`).toBeLessThanOrEqual(MAX_DIFFERENT_SHARE);
}

/** The paragraphs of a body as plain text (the words pdftotext must find in order). */
function paragraphsOf(body: DocumentBody): string[] {
  return body.content
    .filter((node) => node.type === 'paragraph')
    .map((node) => (node.content ?? []).map((run) => (run.type === 'text' ? run.text : '')).join(''));
}

const normalised = (pdf: Buffer) =>
  pdfText(pdf)
    .replace(/\u00ad\s*/g, '')
    .replace(/(\p{Ll})- (\p{Ll})/gu, '$1$2');

describe('the demo advocacy brief', () => {
  it('exports two pages: Arabic then French, shipped fonts embedded, text in logical order', async () => {
    const { pdf, pages } = await exportPdf();
    expect(pages).toBe(2);
    const fonts = pdfFonts(pdf);
    expect(new Set(fonts.map((font) => font.name.replace(/-.*/, '')))).toEqual(
      new Set(['NotoSans', 'NotoSerif', 'NotoSansArabic', 'NotoNaskhArabic']),
    );
    expect(fonts.every((font) => font.embedded)).toBe(true);
    const text = normalised(pdf);
    for (const paragraph of [...paragraphsOf(DEMO_BRIEF_AR), ...paragraphsOf(DEMO_BRIEF_FR)]) {
      expect(containsWordsInOrder(text, paragraph), paragraph).toBe(true);
    }
    // Arabic first, then French; the funder's mention and disclaimer at the end.
    expect(text.indexOf('نموذج أثبت جدواه')).toBeLessThan(text.indexOf('Un modèle qui a fait ses preuves'));
    expect(text).toContain('Avec le soutien financier de');
    expect(containsWordsInOrder(text, 'Son contenu relève de la seule responsabilité du consortium AlterMed')).toBe(true);
  });

  it('page 1: title band, running header, Arabic chapters right to left, page number', async () => {
    await expectPageLikeReference(1, 'document-brief-1');
  });

  it('page 2: French chapters, partner strip and funder mention at the foot', async () => {
    await expectPageLikeReference(2, 'document-brief-2');
  });
});

describe('the same brief as a research report, Eastern Arabic digits', () => {
  beforeAll(async () => {
    await t.platform.database.db.update(workspaces).set({ arabicDigits: 'arab' }).where(eq(workspaces.id, workspaceId));
    const current = await t.request(officer, { method: 'GET', url: url() });
    const changed = await t.request(officer, {
      method: 'PATCH',
      url: url(),
      payload: { version: current.json().version, layout: 'research-report' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
  });

  it('numbers pages and contents in Eastern Arabic digits', async () => {
    const { pdf, pages } = await exportPdf();
    expect(pages).toBe(5);
    const text = pdfText(pdf);
    expect(text).toContain('٣');
    expect(text).not.toMatch(/(^|\s)3(\s|$)/);
  });

  it('cover page in the brand colour with the logo and both titles', async () => {
    await expectPageLikeReference(1, 'document-report-cover');
  });

  it('contents: the Arabic list right to left, the French one left to right', async () => {
    await expectPageLikeReference(2, 'document-report-contents');
  });

  it('back cover: partner strip, funder mention and disclaimers', async () => {
    await expectPageLikeReference(5, 'document-report-back');
  });
});
