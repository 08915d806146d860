/**
 * Studio documents export and preview: the PDF rendered through the rendering service, stored as a
 * workspace file and pointed to by the document (only shipped fonts, Arabic in logical order);
 * images without a print consent left out with a warning, never an error; one page at a chosen
 * width, page N showing page N; long documents (or background exports) rendered by the job.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/platform/platform.tables.js';
import { closeSharedRenderer } from '../../src/server/platform/render/renderer.js';
import { PAST } from '../helpers/designs-fixture.js';
import {
  AR_TEXT,
  createDocumentsFixture,
  type DocumentsFixture,
  doc,
  FR_TEXT,
  heading,
  image,
  paragraph,
} from '../helpers/documents-fixture.js';
import { containsWordsInOrder, pdfFonts, pdfText } from '../helpers/pdf-tools.js';

let f: DocumentsFixture;
beforeAll(async () => {
  f = await createDocumentsFixture();
});
afterAll(async () => {
  await f.t.close();
  await closeSharedRenderer();
});

const UNKNOWN_ASSET = '3f0c9a52-7d1e-4b6a-9c2f-5e8d7a6b4c31';
const SHIPPED = /^Noto(Sans|Serif|NaskhArabic|SansArabic)(-|$)/;

/** A bilingual brief with a chapter in each language, saved (version 2). */
async function writtenDocument(extra: Record<string, unknown> = {}) {
  const created = await f.create(extra);
  const saved = await f.patch(created.id, {
    version: 1,
    bodies: { ar: doc(heading('التوصيات'), paragraph(AR_TEXT)), fr: doc(heading('Recommandations'), paragraph(FR_TEXT)) },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  return saved.json() as { id: string; version: number };
}

const exportOf = (id: string, payload: Record<string, unknown> = {}) =>
  f.t.request(f.contributor, { method: 'POST', url: f.documentsUrl(`/${id}/export`), payload });

/** How many images a PDF draws (`pdfimages -list`). */
function pdfImageCount(pdf: Buffer): number {
  const folder = mkdtempSync(path.join(tmpdir(), 'tawasul-pdf-'));
  try {
    const file = path.join(folder, 'document.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2).length;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('exporting a PDF', () => {
  it('stores the PDF as a file of the workspace, sets the last render and serves it as a download', async () => {
    const written = await writtenDocument();
    const response = await exportOf(written.id);
    expect(response.statusCode, response.body).toBe(200);
    const exported = response.json();
    expect(exported).toMatchObject({ state: 'ready', version: 2, warnings: [] });
    expect(exported.pages).toBeGreaterThanOrEqual(2);

    const document = await f.get(written.id);
    expect(document.lastRender).toMatchObject({ fileId: exported.fileId, pages: exported.pages, version: 2, isCurrent: true });
    expect(document.lastRender?.downloadUrl).toBe(exported.downloadUrl);

    const download = await f.t.request(f.viewer, { method: 'GET', url: exported.downloadUrl });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="Pour-une-economie-solidaire-bilingual\.pdf"/);
    const pdf = download.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The same bytes through the workspace's file route.
    const file = await f.t.request(f.viewer, { method: 'GET', url: `/api/workspaces/${f.workspaceId}/files/${exported.fileId}` });
    expect(file.rawPayload.equals(pdf)).toBe(true);

    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.name).toMatch(SHIPPED);
      expect(font.embedded).toBe(true);
    }
    // French lines are justified and hyphenated: words cut at a line end are joined back.
    const text = pdfText(pdf)
      .replace(/\u00ad\s*/g, '')
      .replace(/(\p{Ll})- (\p{Ll})/gu, '$1$2');
    expect(containsWordsInOrder(text, AR_TEXT)).toBe(true);
    expect(containsWordsInOrder(text, FR_TEXT), text).toBe(true);

    const [entry] = await f.t.platform.database.db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, written.id), eq(auditLog.action, 'export')));
    expect(entry?.after).toMatchObject({ fileId: exported.fileId, pages: exported.pages, exportedVersion: 2 });
  });

  it('reuses the file for the same PDF and says when the document changed since', async () => {
    const written = await writtenDocument();
    const first = (await exportOf(written.id)).json();
    const again = (await exportOf(written.id)).json();
    expect(again.fileId).toBe(first.fileId);
    await f.patch(written.id, { version: 2, bodies: { fr: doc(paragraph('Texte révisé après l’export.')) } });
    const stale = await f.get(written.id);
    expect(stale.lastRender).toMatchObject({ fileId: first.fileId, version: 2, isCurrent: false });
    const renewed = (await exportOf(written.id)).json();
    expect(renewed.fileId).not.toBe(first.fileId);
    expect((await f.get(written.id)).lastRender).toMatchObject({ version: 3, isCurrent: true });
  });

  it('asks for the title in every language the document prints', async () => {
    const created = await f.create({ title: { fr: { value: 'Seulement en français', status: 'draft' } } });
    const response = await exportOf(created.id);
    expect(response.statusCode).toBe(400);
    expect(response.json().fields['title.ar']).toMatchObject({ code: 'REQUIRED' });
    expect((await f.t.request(f.viewer, { method: 'GET', url: f.documentsUrl(`/${created.id}/download`) })).statusCode).toBe(404);
  });
});

describe('images and consent', () => {
  it('leaves out images that may not be printed and lists them; the PDF still renders', async () => {
    const { assets } = f;
    const created = await f.create({ mode: 'ar' });
    const body = doc(
      paragraph(AR_TEXT),
      image(assets.landscape),
      image(assets.expired),
      image(assets.missing),
      image(assets.socialOnly),
      image(assets.foreign),
      image(UNKNOWN_ASSET),
    );
    const saved = await f.patch(created.id, { version: 1, bodies: { ar: body }, cover: { imageAssetId: assets.expired } });
    expect(saved.statusCode, saved.body).toBe(200);
    const warnings = saved.json().warnings as Array<{ code: string; assetId: string; where: string[]; expiresOn: string | null }>;
    const byAsset = Object.fromEntries(warnings.map((warning) => [warning.assetId, warning]));
    expect(byAsset[assets.expired]).toMatchObject({ code: 'CONSENT_EXPIRED', where: ['cover', 'ar'], expiresOn: PAST });
    expect(byAsset[assets.missing]).toMatchObject({ code: 'CONSENT_MISSING', where: ['ar'] });
    expect(byAsset[assets.socialOnly]).toMatchObject({ code: 'CONSENT_NOT_FOR_PRINT' });
    expect(byAsset[assets.foreign]).toMatchObject({ code: 'ASSET_NOT_FOUND', assetTitle: null });
    expect(byAsset[UNKNOWN_ASSET]).toMatchObject({ code: 'ASSET_NOT_FOUND' });
    expect(byAsset[assets.landscape]).toBeUndefined();
    expect(warnings).toHaveLength(5);

    const response = await exportOf(created.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().warnings).toEqual(warnings);
    const pdf = (await f.t.request(f.viewer, { method: 'GET', url: response.json().downloadUrl })).rawPayload;
    // Only the landscape (no one shown) is printed.
    expect(pdfImageCount(pdf)).toBe(1);
    expect(containsWordsInOrder(pdfText(pdf), AR_TEXT)).toBe(true);
  });
});

describe('previews', () => {
  it('draws one page at the width asked, and says how many pages there are', async () => {
    const written = await writtenDocument();
    const response = await f.t.request(f.viewer, { method: 'GET', url: f.documentsUrl(`/${written.id}/preview.png?page=2&width=400&v=2`) });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    const pages = Number(response.headers['x-page-count']);
    expect(pages).toBeGreaterThanOrEqual(2);
    const meta = await sharp(response.rawPayload).metadata();
    expect(meta.width).toBe(400);
    expect(meta.height).toBe(Math.round((400 * 297) / 210));

    const beyond = await f.t.request(f.viewer, { method: 'GET', url: f.documentsUrl(`/${written.id}/preview.png?page=${pages + 1}`) });
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().fields.page.code).toBe('OUT_OF_RANGE');
    const tooWide = await f.t.request(f.viewer, { method: 'GET', url: f.documentsUrl(`/${written.id}/preview.png?width=5000`) });
    expect(tooWide.statusCode).toBe(400);
  });

  it('shows page N on page N: the cover of a report in the brand colour, the next page white', async () => {
    const written = await writtenDocument({ layout: 'research-report' });
    const pixel = async (page: number) => {
      const response = await f.t.request(f.viewer, {
        method: 'GET',
        url: f.documentsUrl(`/${written.id}/preview.png?page=${page}&width=300`),
      });
      expect(response.statusCode).toBe(200);
      const { data } = await sharp(response.rawPayload)
        .extract({ left: 150, top: 400, width: 1, height: 1 })
        .raw()
        .toBuffer({ resolveWithObject: true });
      return [...data.subarray(0, 3)];
    };
    // The workspace's brand colour (#0f766e), which typst-ts hid under the later pages' white fill.
    expect(await pixel(1)).toEqual([0x0f, 0x76, 0x6e]);
    expect(await pixel(2)).toEqual([255, 255, 255]);
  });
});

describe('long documents', () => {
  it('exports in the background job when asked, or when the document is long', async () => {
    // A title of its own: the same render already in the store would be answered at once.
    const written = await writtenDocument({
      title: { fr: { value: 'Export en tâche de fond', status: 'draft' }, ar: { value: 'تصدير في الخلفية', status: 'draft' } },
    });
    const queued = await exportOf(written.id, { background: true });
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json()).toMatchObject({ state: 'queued', version: 2 });
    expect((await f.get(written.id)).export.state).toBe('queued');
    await f.t.platform.jobs.tick();
    const done = await f.get(written.id);
    expect(done.export.state).toBe('idle');
    expect(done.lastRender).toMatchObject({ version: 2, isCurrent: true });

    const long = await f.create({ mode: 'fr' });
    const chapters = Array.from({ length: 45 }, (_, index) => [
      heading(`Chapitre ${index + 1}`),
      paragraph(`${FR_TEXT}. `.repeat(28)),
    ]).flat();
    await f.patch(long.id, { version: 1, bodies: { fr: doc(...chapters) } });
    const response = await exportOf(long.id);
    expect(response.statusCode, response.body).toBe(202);
    expect((await f.get(long.id)).lastRender).toBeNull();
    await f.t.platform.jobs.tick();
    const rendered = await f.get(long.id);
    expect(rendered.lastRender?.pages).toBeGreaterThan(20);
    expect(rendered.export.state).toBe('idle');
  });
});
