/**
 * The public site: the shell (lang/dir, hreflang pairs, language switch, no script), the home page in
 * both languages, and what must never show (archived organisations, unescaped names).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../../src/server/modules/directory/directory.tables.js';
import { files, workspaces } from '../../src/server/platform/platform.tables.js';
import { localized } from '../../src/shared/localized-text.js';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let workspaceId: string;

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

/** The attributes of every tag named `tag` in `html`, as records. */
function tags(html: string, tag: string): Array<Record<string, string>> {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))].map((match) =>
    Object.fromEntries([...(match[1] ?? '').matchAll(/([a-z-]+)(?:="([^"]*)")?/g)].map((pair) => [pair[1], pair[2] ?? ''])),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace({ name: localized({ ar: 'ألترميد', fr: 'AlterMed' }) })).id;
  await t.make.organisation(workspaceId, {
    name: localized({ ar: 'تعاونية النساء في صفاقس', fr: 'Coopérative des femmes de Sfax' }),
    country: 'TN',
  });
  await t.make.organisation(workspaceId, { name: localized({ ar: 'المبادرة الحضرية', fr: 'Initiative Urbaine' }), country: 'MA' });
  // Only a French name: shown on the Arabic page too, marked as French.
  await t.make.organisation(workspaceId, { name: localized({ fr: 'Manufacture Coopérative' }), country: 'FR', type: 'cooperative' });
  const archived = await t.make.organisation(workspaceId, { name: localized({ ar: 'جمعية مؤرشفة', fr: 'Association archivée' }) });
  await t.platform.database.db.update(organisations).set({ archivedAt: new Date() }).where(eq(organisations.id, archived.id));
});
afterAll(() => t.close());

describe('public site shell', () => {
  it.each([
    ['ar', 'rtl'],
    ['fr', 'ltr'],
  ])('renders ?lang=%s with lang and dir on <html>, and Content-Language', async (lang, dir) => {
    const response = await get(`/?lang=${lang}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['content-language']).toBe(lang);
    expect(response.headers.vary).toContain('Accept-Language');
    expect(tags(response.body, 'html')[0]).toEqual({ lang, dir });
  });

  it('picks the language from Accept-Language, then from the workspace’s first content language', async () => {
    expect((await get('/', { 'accept-language': 'de-DE, fr;q=0.8, ar;q=0.5' })).headers['content-language']).toBe('fr');
    expect((await get('/', { 'accept-language': 'fr;q=0.3, ar-MA;q=0.9' })).headers['content-language']).toBe('ar');
    expect((await get('/', { 'accept-language': 'de' })).headers['content-language']).toBe('ar');
    expect((await get('/?lang=fr', { 'accept-language': 'ar' })).headers['content-language']).toBe('fr');
  });

  it('links every content language with hreflang, plus x-default, and a canonical URL of its own', async () => {
    for (const lang of ['ar', 'fr']) {
      const links = tags((await get(`/?lang=${lang}`)).body, 'link');
      const alternates = links.filter((link) => link.rel === 'alternate').map((link) => [link.hreflang, link.href]);
      expect(alternates).toEqual([
        ['ar', `${TEST_ORIGIN}/?lang=ar`],
        ['fr', `${TEST_ORIGIN}/?lang=fr`],
        ['x-default', `${TEST_ORIGIN}/`],
      ]);
      expect(links.find((link) => link.rel === 'canonical')?.href).toBe(`${TEST_ORIGIN}/?lang=${lang}`);
    }
  });

  it('has a language switch whose links carry hreflang and lang, the current one marked', async () => {
    const body = (await get('/?lang=ar')).body;
    const nav = body.slice(body.indexOf('<nav'), body.indexOf('</nav>'));
    const links = tags(nav, 'a');
    expect(links.map((link) => [link.href, link.hreflang, link.lang])).toEqual([
      ['/?lang=ar', 'ar', 'ar'],
      ['/?lang=fr', 'fr', 'fr'],
    ]);
    expect(links.map((link) => 'aria-current' in link)).toEqual([true, false]);
    expect(nav).toContain('Français');
  });

  it('ships no JavaScript and no physical left/right CSS', async () => {
    const body = (await get('/?lang=ar')).body;
    expect(body).not.toMatch(/<script/i);
    expect(body).not.toMatch(/\son[a-z]+=/i);
    expect(body).not.toMatch(/(?:margin|padding|border)-(?:left|right)|text-align:\s*(?:left|right)/);
    expect(body).toContain('"Noto Sans Arabic"');
  });

  it('answers unchanged pages with 304 and caches them publicly for a minute', async () => {
    const first = await get('/?lang=fr');
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const second = await get('/?lang=fr', { 'if-none-match': etag });
    expect(second.statusCode).toBe(304);
    expect(second.body).toBe('');
  });

  it('answers an unknown public path with a 404 page in the shell, and leaves /api to the problem document', async () => {
    const page = await get('/nothing/here?lang=ar');
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(tags(page.body, 'html')[0]).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(page.body).toContain('الصفحة غير موجودة');
    expect(page.body).toContain('noindex');
    for (const url of ['/api/nothing-here', '/api']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toContain('application/problem+json');
    }
    // /app belongs to the web app (index.html for client routes once built, the API's 404 otherwise), never to this page.
    const app = await get('/app/nothing/here');
    expect(app.body).not.toContain('class="site-header"');
    if (app.statusCode === 404) expect(app.headers['content-type']).toContain('application/problem+json');
  });
});

describe('public home page', () => {
  it('lists organisations in Arabic, grouped by country named in Arabic, with Arabic plural counts', async () => {
    const body = (await get('/?lang=ar')).body;
    expect(body).toContain('تعاونية النساء في صفاقس');
    expect(body).toContain('المبادرة الحضرية');
    expect(body).toMatch(/<h3 id="country-TN">تونس <small>منظمة واحدة<\/small><\/h3>/);
    expect(body).toContain('المغرب');
    expect(body).toContain('3 منظمات في 3 بلدان');
    // A name missing in Arabic falls back to French, marked as French.
    expect(body).toContain('<h4 lang="fr" dir="ltr">Manufacture Coopérative</h4>');
  });

  it('lists organisations in French, with country names and counts in French', async () => {
    const body = (await get('/?lang=fr')).body;
    expect(body).toContain('Coopérative des femmes de Sfax');
    expect(body).toContain('Initiative Urbaine');
    expect(body).toMatch(/>Tunisie <small>1 organisation<\/small>/);
    expect(body).toContain('3 organisations dans 3 pays');
    expect(body).not.toContain('تعاونية النساء');
  });

  it('never shows archived organisations', async () => {
    for (const lang of ['ar', 'fr']) {
      const body = (await get(`/?lang=${lang}`)).body;
      expect(body).not.toContain('Association archivée');
      expect(body).not.toContain('جمعية مؤرشفة');
    }
  });

  it('escapes a malicious organisation name and refuses a javascript: website', async () => {
    const attack = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const organisation = await t.make.organisation(workspaceId, { name: localized({ fr: attack, ar: attack }), country: 'DZ' });
    await t.platform.database.db.update(organisations).set({ website: 'javascript:alert(1)' }).where(eq(organisations.id, organisation.id));
    const body = (await get('/?lang=fr')).body;
    expect(body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(body).not.toMatch(/<script/i);
    expect(body).not.toContain('javascript:');
    await t.platform.database.db.update(organisations).set({ archivedAt: new Date() }).where(eq(organisations.id, organisation.id));
  });

  it('links a website with rel="noopener", isolated left to right', async () => {
    const organisation = await t.make.organisation(workspaceId, { name: localized({ fr: 'Site Web', ar: 'موقع' }), country: 'MA' });
    await t.platform.database.db
      .update(organisations)
      .set({ website: 'https://example.org/ar' })
      .where(eq(organisations.id, organisation.id));
    const link = tags((await get('/?lang=ar')).body, 'a').find((candidate) => candidate.href === 'https://example.org/ar');
    expect(link).toMatchObject({ rel: 'noopener', dir: 'ltr' });
    await t.platform.database.db.update(organisations).set({ archivedAt: new Date() }).where(eq(organisations.id, organisation.id));
  });

  it('writes numbers with Eastern Arabic digits when the workspace asks for them', async () => {
    const db = t.platform.database.db;
    await db.update(workspaces).set({ arabicDigits: 'arab' }).where(eq(workspaces.id, workspaceId));
    try {
      const arabic = (await get('/?lang=ar')).body;
      expect(arabic).toContain('٣ منظمات في ٣ بلدان');
      expect(arabic).not.toContain('3 منظمات');
      // French pages keep Western digits whatever the Arabic setting.
      expect((await get('/?lang=fr')).body).toContain('3 organisations dans 3 pays');
    } finally {
      await db.update(workspaces).set({ arabicDigits: 'latn' }).where(eq(workspaces.id, workspaceId));
    }
  });
});

describe('workspace logo', () => {
  it('is absent until set, then served with its recorded type and nosniff', async () => {
    expect((await get('/brand/logo')).statusCode).toBe(404);
    expect((await get('/?lang=fr')).body).not.toContain('/brand/logo');
    const db = t.platform.database.db;
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const key = `${workspaceId}/aa/logo-test`;
    await t.platform.storage.put(key, png);
    const [file] = await db
      .insert(files)
      .values({
        workspaceId,
        storageKey: key,
        originalName: 'logo.png',
        contentType: 'image/png',
        byteSize: png.length,
        sha256: 'a'.repeat(64),
      })
      .returning();
    await db.update(workspaces).set({ logoFileId: file?.id }).where(eq(workspaces.id, workspaceId));
    try {
      const logo = await get('/brand/logo');
      expect(logo.statusCode).toBe(200);
      expect(logo.headers['content-type']).toBe('image/png');
      expect(logo.headers['x-content-type-options']).toBe('nosniff');
      expect(logo.rawPayload.equals(png)).toBe(true);
      expect(tags((await get('/?lang=fr')).body, 'img')[0]).toMatchObject({ src: '/brand/logo', alt: '' });
    } finally {
      await db.update(workspaces).set({ logoFileId: null }).where(eq(workspaces.id, workspaceId));
    }
  });
});
