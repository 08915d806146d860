/**
 * Designs rendered: the live preview (unsaved data, every page, at the panel's width, cached), the
 * full-size export (PNG at the declared size, PDF with the brand kit's disclaimer and funder, safe
 * file names), thumbnails, and what refuses to render (missing text in a variant's language, an
 * image whose consent expired after the design was saved).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localized } from '../../src/shared/localized-text.js';
import { createDesignsFixture, type DesignsFixture, forumPosterData, PAST } from '../helpers/designs-fixture.js';
import { containsWordsInOrder, pdfFonts, pdfText } from '../helpers/pdf-tools.js';
import { multipart, SAFE_SVG } from '../helpers/studio-fixtures.js';
import { HOSTILE_TEXT } from '../helpers/visuals-data.js';

let f: DesignsFixture;
let posterId: string;
const DISCLAIMER = 'Ce projet est cofinancé par l’Union européenne.';

function sizeOf(bytes: Buffer): [number, number] {
  const png = PNG.sync.read(bytes);
  return [png.width, png.height];
}

function codes(response: { json(): { fields?: Record<string, { code: string }> } }): Record<string, string> {
  return Object.fromEntries(Object.entries(response.json().fields ?? {}).map(([field, value]) => [field, value.code]));
}

/** Files the preview cache holds for the workspace. */
function previewFiles(): string[] {
  const folder = path.join(f.t.dataDir, 'files', f.workspaceId, 'renders', 'previews');
  try {
    return readdirSync(folder, { recursive: true }).map(String);
  } catch {
    return [];
  }
}

beforeAll(async () => {
  f = await createDesignsFixture();
  const brandKitUrl = `/api/workspaces/${f.workspaceId}/studio/brand-kit`;
  const kit = await f.t.request(f.officer, {
    method: 'PUT',
    url: brandKitUrl,
    payload: {
      colors: { primary: '#0f766e', secondary: '#134e4a', accent: '#d97706', text: '#1f2933', background: '#ffffff' },
      fonts: { arabic: 'Noto Naskh Arabic', arabicHeading: 'Noto Sans Arabic', latin: 'Noto Sans', latinHeading: 'Noto Sans' },
      logoLightFileId: null,
      logoDarkFileId: null,
      funderDisclaimer: localized({ fr: DISCLAIMER, ar: 'يحظى هذا المشروع بتمويل من الاتحاد الأوروبي.' }),
    },
  });
  expect(kit.statusCode, kit.body).toBe(200);
  const logo = await f.t.request(f.officer, { method: 'POST', url: `${brandKitUrl}/logo-files`, ...multipart('ue.svg', SAFE_SVG) });
  expect(logo.statusCode, logo.body).toBe(201);
  const funder = await f.t.request(f.officer, {
    method: 'POST',
    url: `${brandKitUrl}/partners`,
    payload: {
      name: localized({ fr: 'Union européenne', ar: 'الاتحاد الأوروبي' }),
      logoFileId: logo.json().id,
      role: 'funder',
      mention: localized({ fr: 'Avec le soutien de', ar: 'بدعم من' }),
    },
  });
  expect(funder.statusCode, funder.body).toBe(201);
  const poster = await f.t.request(f.contributor, {
    method: 'POST',
    url: f.designsUrl(),
    payload: {
      title: 'Affiche « Forum » : Sfax/2026 — منتدى',
      template: 'a3-poster',
      variant: 'bilingual',
      data: forumPosterData(f.assets.everything),
    },
  });
  expect(poster.statusCode, poster.body).toBe(201);
  posterId = poster.json().id;
});
afterAll(() => f.t.close());

describe('live preview', () => {
  const preview = (body: Record<string, unknown>) =>
    f.t.request(f.viewer, { method: 'POST', url: f.designsUrl('/preview'), payload: body });

  it('renders the unsaved form as a PNG at the asked width, and the second time from the cache', async () => {
    const body = {
      template: 'story',
      variant: 'ar',
      data: { title: { ar: 'ورشة التعاونيات في صفاقس' }, image: f.assets.socialOnly },
      width: 360,
    };
    const first = await preview(body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['content-type']).toBe('image/png');
    expect(sizeOf(first.rawPayload)).toEqual([360, 640]);
    const cached = previewFiles().length;
    expect(cached).toBeGreaterThan(0);
    const second = await preview(body);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(previewFiles().length).toBe(cached);
  });

  it('shows both sides of a flyer, one under the other', async () => {
    const response = await preview({ template: 'a5-flyer', variant: 'fr', data: { title: { fr: 'Forum de Sfax' } }, width: 300 });
    expect(response.statusCode, response.body).toBe(200);
    const [width, height] = sizeOf(response.rawPayload);
    expect(width).toBe(300);
    expect(height).toBeGreaterThanOrEqual(Math.floor(((300 * 210) / 148) * 2) - 2);
  });

  it('asks for the text of each language of the variant, and refuses an unusable image', async () => {
    const missing = await preview({ template: 'a3-poster', variant: 'bilingual', data: { title: { fr: 'Forum' } } });
    expect(missing.statusCode).toBe(400);
    expect(codes(missing)).toEqual({ 'data.title.ar': 'REQUIRED' });
    const unusable = await preview({ template: 'a3-poster', variant: 'fr', data: { title: { fr: 'Forum' }, image: f.assets.socialOnly } });
    expect(codes(unusable)).toEqual({ 'data.image': 'CONSENT_NOT_VALID' });
    const tooWide = await preview({ template: 'story', variant: 'fr', data: { title: { fr: 'x' } }, width: 5000 });
    expect(Object.keys(codes(tooWide))).toEqual(['width']);
  });
});

describe('export', () => {
  it('exports the PNG at the template’s size with a safe attachment name', async () => {
    const response = await f.t.request(f.viewer, { method: 'GET', url: f.designsUrl(`/${posterId}/export?format=png`) });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(sizeOf(response.rawPayload)).toEqual([1240, 1754]);
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[A-Za-z0-9_-]+\.png"; filename\*=UTF-8''[^\s"'()*]+$/);
    expect(disposition).toContain('filename="Affiche-Forum-Sfax-2026-bilingual.png"');
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '';
    // The title's slash and colon are gone from the name; its Arabic stays in the UTF-8 form.
    expect(decodeURIComponent(encoded)).toBe('Affiche « Forum » Sfax 2026 — منتدى-bilingual.png');
  });

  it('exports the PDF with both titles in order, the funder’s mention and disclaimer, and only shipped fonts', async () => {
    const response = await f.t.request(f.viewer, { method: 'GET', url: f.designsUrl(`/${posterId}/export?format=pdf`) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(String(response.headers['content-disposition'])).toContain('.pdf"');
    const text = pdfText(response.rawPayload);
    const data = forumPosterData();
    expect(containsWordsInOrder(text, data.title.ar), text).toBe(true);
    expect(containsWordsInOrder(text, data.title.fr), text).toBe(true);
    // Dates are worded per language from the form's date and times.
    expect(text).toContain('jeudi 14 mai 2026, de 9 h 30 à 17 h');
    expect(text).toContain(DISCLAIMER);
    expect(text).toContain('Avec le soutien de');
    for (const font of pdfFonts(response.rawPayload)) {
      expect(font.name).toMatch(/^Noto(Sans|Serif|NaskhArabic|SansArabic)-/);
      expect(font.embedded).toBe(true);
    }
  });

  it('prints a title full of Typst syntax and HTML as the characters typed', async () => {
    const created = await f.t.request(f.contributor, {
      method: 'POST',
      url: f.designsUrl(),
      payload: {
        title: HOSTILE_TEXT,
        template: 'quote-card',
        variant: 'fr',
        data: { quote: { fr: HOSTILE_TEXT }, author: { fr: '<b>Salma</b>' } },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const response = await f.t.request(f.viewer, { method: 'GET', url: f.designsUrl(`/${created.json().id}/export?format=pdf`) });
    expect(response.statusCode, response.body).toBe(200);
    const text = pdfText(response.rawPayload).replace(/\s+/g, '');
    expect(text).toContain(HOSTILE_TEXT.replace(/\s+/g, ''));
    expect(text).toContain('<b>Salma</b>');
    // The file name keeps none of the characters a file system or a header refuses.
    expect(String(response.headers['content-disposition'])).not.toMatch(/filename="[^"]*[<>\\/:*?|][^"]*"/);
  });

  it('refuses a format the API does not offer and an unfinished draft', async () => {
    const svg = await f.t.request(f.viewer, { method: 'GET', url: f.designsUrl(`/${posterId}/export?format=svg`) });
    expect(svg.statusCode).toBe(400);
    const draft = await f.t.request(f.contributor, {
      method: 'POST',
      url: f.designsUrl(),
      payload: { title: 'Brouillon', template: 'web-banner', variant: 'fr' },
    });
    const response = await f.t.request(f.viewer, { method: 'GET', url: f.designsUrl(`/${draft.json().id}/export?format=png`) });
    expect(response.statusCode).toBe(400);
    expect(codes(response)).toEqual({ 'data.title.fr': 'REQUIRED' });
  });

  it('warns on a design whose photo’s consent expired since, and will not export it', async () => {
    const created = await f.t.request(f.contributor, {
      method: 'POST',
      url: f.designsUrl(),
      payload: { title: 'Carte', template: 'social-post', variant: 'fr', data: { title: { fr: 'Atelier' }, image: f.assets.everything } },
    });
    expect(created.statusCode).toBe(201);
    const consents = await f.t.request(f.officer, { method: 'GET', url: f.assetsUrl(`/${f.assets.everything}/consents`) });
    const consentId = consents.json().items[0].id;
    const expired = await f.t.request(f.officer, {
      method: 'PATCH',
      url: f.assetsUrl(`/${f.assets.everything}/consents/${consentId}`),
      payload: { expiresOn: PAST },
    });
    expect(expired.statusCode, expired.body).toBe(200);
    const design = await f.t.request(f.viewer, { method: 'GET', url: f.designsUrl(`/${created.json().id}`) });
    expect(design.json().assetProblems).toEqual({ 'data.image': 'CONSENT_NOT_VALID' });
    const exported = await f.t.request(f.viewer, { method: 'GET', url: f.designsUrl(`/${created.json().id}/export?format=png`) });
    expect(exported.statusCode).toBe(400);
    expect(codes(exported)).toEqual({ 'data.image': 'CONSENT_NOT_VALID' });
  });
});

describe('thumbnails', () => {
  it('draws the first page of a saved design, small', async () => {
    const draft = await f.t.request(f.contributor, {
      method: 'POST',
      url: f.designsUrl(),
      payload: { title: 'Flyer', template: 'a5-flyer', variant: 'ar', data: { title: { ar: 'منتدى صفاقس' } } },
    });
    const response = await f.t.request(f.viewer, {
      method: 'GET',
      url: f.designsUrl(`/${draft.json().id}/thumbnail?v=${encodeURIComponent(draft.json().updatedAt)}`),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(sizeOf(response.rawPayload)).toEqual([480, Math.round((480 * 1240) / 874)]);
  });

  it('shows each template’s sample in the workspace’s brand kit', async () => {
    const response = await f.t.request(f.viewer, { method: 'GET', url: f.designsUrl('/templates/facebook-cover/thumbnail?variant=ar') });
    expect(response.statusCode, response.body).toBe(200);
    expect(sizeOf(response.rawPayload)).toEqual([480, Math.round((480 * 624) / 1640)]);
    expect((await f.t.request(f.viewer, { method: 'GET', url: f.designsUrl('/templates/a4-brief/thumbnail') })).statusCode).toBe(404);
  });
});
