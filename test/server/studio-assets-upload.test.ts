/** Asset uploads: each bad file refused with a clear localized error and nothing stored; photos cleaned. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasGpsIfd, jpegWithGps, multipart, pixelFloodPng, pngOf, SAFE_SVG, SCRIPT_SVG } from '../helpers/studio-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let contributor: Session;
let workspaceId: string;

beforeAll(async () => {
  // 0.2 MB: small enough to test the limit with a generated file.
  t = await createTestApp({}, { UPLOAD_MAX_MB: '0.2' });
  workspaceId = (await t.make.workspace()).id;
  contributor = await t.signIn((await t.make.member(workspaceId, 'contributor', 'ar')).email);
});
afterAll(() => t.close());

const assetsUrl = (query = '') => `/api/workspaces/${workspaceId}/studio/assets${query}`;

async function upload(fileName: string, bytes: Buffer, fields: Record<string, string> = {}, lang = 'ar') {
  return t.request(contributor, { method: 'POST', url: assetsUrl(`?lang=${lang}`), ...multipart(fileName, bytes, fields) });
}

async function counts() {
  const { rows } = await t.platform.database.executeSql(
    'select (select count(*) from asset where workspace_id = $1)::int as assets, (select count(*) from file where workspace_id = $1)::int as files',
    [workspaceId],
  );
  return rows[0] as { assets: number; files: number };
}

async function storedFileCount(): Promise<number> {
  const root = path.join(t.dataDir, 'files', workspaceId);
  const walk = async (folder: string): Promise<number> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    let total = 0;
    for (const entry of entries) total += entry.isDirectory() ? await walk(path.join(folder, entry.name)) : 1;
    return total;
  };
  return walk(root);
}

describe('refused uploads', () => {
  it.each([
    {
      case: 'wrong magic bytes (a PNG named .jpg)',
      file: async () => ({ name: 'photo.jpg', bytes: await pngOf(4, 4) }),
      status: 415,
      code: 'FILE_TYPE_MISMATCH',
      words: { ar: 'photo.jpg', fr: 'ne correspond pas' },
    },
    {
      case: 'an executable named .png',
      file: async () => ({ name: 'logo.png', bytes: Buffer.from('MZ\x90\x00 not an image') }),
      status: 415,
      code: 'FILE_TYPE_MISMATCH',
      words: { ar: 'logo.png', fr: 'logo.png' },
    },
    {
      case: 'a pixel flood (30000×30000 claimed in 69 bytes)',
      file: async () => ({ name: 'flood.png', bytes: pixelFloodPng(30000) }),
      status: 413,
      code: 'IMAGE_TOO_LARGE',
      words: { ar: '50', fr: '50 mégapixels' },
    },
    {
      case: 'an SVG with a script',
      file: async () => ({ name: 'drawing.svg', bytes: SCRIPT_SVG }),
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'SVG_UNSAFE',
      words: { ar: 'SVG', fr: 'script' },
    },
    {
      case: 'a 0-byte file',
      file: async () => ({ name: 'empty.png', bytes: Buffer.alloc(0) }),
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'EMPTY_FILE',
      words: { ar: '0', fr: 'vide' },
    },
    {
      case: 'a file over the size limit',
      file: async () => ({ name: 'big.png', bytes: Buffer.concat([await pngOf(4, 4), Buffer.alloc(300 * 1024)]) }),
      status: 413,
      code: 'FILE_TOO_LARGE',
      words: { ar: '0.2', fr: '0.2 Mo' },
    },
  ])('refuses $case, in Arabic and French, storing nothing', async ({ file, status, code, field, words }) => {
    const before = await counts();
    const storedBefore = await storedFileCount();
    const { name, bytes } = await file();
    for (const lang of ['ar', 'fr'] as const) {
      const response = await upload(name, bytes, {}, lang);
      expect(response.statusCode).toBe(status);
      const problem = response.json();
      expect(problem.code).toBe(code);
      const message = field ? problem.fields.file.message : problem.message;
      if (field) expect(problem.fields.file.code).toBe(field);
      expect(message).toContain(words[lang]);
      if (lang === 'ar') expect(message).toMatch(/[\u0600-\u06FF]/);
    }
    expect(await counts()).toEqual(before);
    expect(await storedFileCount()).toBe(storedBefore);
  });

  it('refuses an SVG that loads an external image, and one with an entity declaration', async () => {
    const external = await upload(
      'x.svg',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.png" width="1" height="1"/></svg>'),
    );
    expect(external.json().fields.file.code).toBe('SVG_UNSAFE');
    // An internal DTD subset is not even recognised as SVG by the sniffer: refused as a type mismatch.
    const entity = await upload(
      'x.svg',
      Buffer.from(
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>',
      ),
    );
    expect(entity.json().code).toBe('FILE_TYPE_MISMATCH');
  });

  it('refuses bad metadata before storing anything', async () => {
    const before = await counts();
    const response = await upload('ok.png', await pngOf(8, 8), {
      metadata: JSON.stringify({ tags: ['x'], credit: 'c'.repeat(300), shows: true }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.credit.code).toBe('TOO_LONG');
    expect(response.json().fields.shows.code).toBe('UNKNOWN_FIELD');
    expect(await counts()).toEqual(before);
  });
});

describe('accepted uploads', () => {
  it('strips EXIF (GPS included) from a JPEG photo, applies its orientation, and makes a WebP thumbnail', async () => {
    const original = await jpegWithGps();
    const before = await sharp(original).metadata();
    expect(hasGpsIfd(before.exif)).toBe(true);
    expect(before.orientation).toBe(6);
    const response = await upload('atelier-sfax.jpg', original, {
      metadata: JSON.stringify({
        title: { ar: { value: 'ورشة صفاقس', status: 'draft' }, fr: { value: 'Atelier de Sfax', status: 'draft' } },
        credit: 'ADFR',
        tags: ['Atelier', 'sfax'],
        showsPeople: true,
      }),
    });
    expect(response.statusCode).toBe(201);
    const asset = response.json();
    expect(asset).toMatchObject({
      kind: 'image',
      contentType: 'image/jpeg',
      width: 48,
      height: 64,
      tags: ['atelier', 'sfax'],
      showsPeople: true,
    });
    expect(asset.consent).toEqual({ status: 'missing', usableFor: [], expiresOn: null });
    expect(asset.thumbnailFileId).toBeTruthy();

    const download = await t.request(contributor, { method: 'GET', url: assetsUrl(`/${asset.id}/download`) });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('atelier-sfax.jpg');
    const stored = await sharp(download.rawPayload).metadata();
    expect(stored.format).toBe('jpeg');
    expect(stored.exif).toBeUndefined();
    expect(hasGpsIfd(stored.exif)).toBe(false);
    expect(stored.orientation).toBeUndefined();
    expect([stored.width, stored.height]).toEqual([48, 64]);
    // Not a byte of the GPS block survives anywhere in the file.
    expect(download.rawPayload.includes(Buffer.from('TestPhone'))).toBe(false);

    const thumbnail = await t.request(contributor, { method: 'GET', url: assetsUrl(`/${asset.id}/thumbnail`) });
    expect(thumbnail.headers['content-type']).toBe('image/webp');
    const thumb = await sharp(thumbnail.rawPayload).metadata();
    expect(thumb.format).toBe('webp');
    expect([thumb.width, thumb.height]).toEqual([48, 64]);
    expect(thumb.exif).toBeUndefined();
  });

  it('shrinks a large image to a 400 px thumbnail and titles an untitled upload after its file name', async () => {
    const response = await upload('banniere-forum.png', await pngOf(1200, 600));
    const asset = response.json();
    expect(asset).toMatchObject({ width: 1200, height: 600, title: { ar: { value: 'banniere-forum', status: 'draft' } } });
    const thumbnail = await t.request(contributor, { method: 'GET', url: `/api/workspaces/${workspaceId}/files/${asset.thumbnailFileId}` });
    const thumb = await sharp(thumbnail.rawPayload).metadata();
    expect([thumb.width, thumb.height]).toEqual([400, 200]);
  });

  it('keeps an inert SVG as uploaded (with a raster thumbnail) and a PDF as a document without one', async () => {
    const svg = (await upload('logo.svg', SAFE_SVG)).json();
    expect(svg).toMatchObject({ kind: 'image', contentType: 'image/svg+xml', width: 120, height: 60 });
    const served = await t.request(contributor, { method: 'GET', url: assetsUrl(`/${svg.id}/download`) });
    expect(served.rawPayload.equals(SAFE_SVG)).toBe(true);
    expect(served.headers['content-security-policy']).toContain('sandbox');
    const pdf = await upload('rapport.pdf', Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'));
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json()).toMatchObject({ kind: 'document', contentType: 'application/pdf', thumbnailFileId: null, width: null });
  });
});
