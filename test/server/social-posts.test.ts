/** Social posts: create, read, edit, delete; permissions and workspaces; validation errors in French and Arabic. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/platform/platform.tables.js';
import { localized } from '../../src/shared/localized-text.js';
import { FSI, PDI } from '../../src/shared/social/compose-message.js';
import {
  ARABIC_TEXT,
  bilingualPost,
  createPost,
  createPostsFixture,
  FRENCH_TEXT,
  type PostsFixture,
} from '../helpers/social-posts-fixture.js';

let f: PostsFixture;

beforeAll(async () => {
  f = await createPostsFixture({ withAssets: true });
});
afterAll(() => f.t.close());

describe('who may do what', () => {
  it('asks for a session, hides other workspaces, lets a viewer read but not write', async () => {
    expect((await f.t.request(undefined, { method: 'GET', url: f.postsUrl() })).statusCode).toBe(401);
    expect((await f.t.request(f.outsider, { method: 'GET', url: f.postsUrl() })).statusCode).toBe(404);
    expect((await f.t.request(f.viewer, { method: 'GET', url: f.postsUrl() })).statusCode).toBe(200);
    const refused = await f.t.request(f.viewer, { method: 'POST', url: f.postsUrl(), payload: bilingualPost(f.channelId) });
    expect(refused.statusCode).toBe(403);
  });

  it('lets a contributor write, and refuses a page or a post of another workspace', async () => {
    const post = await createPost(f, f.contributor);
    const foreignPage = await f.t.request(f.officer, { method: 'POST', url: f.postsUrl(), payload: bilingualPost(f.otherChannelId) });
    expect(foreignPage.statusCode).toBe(400);
    expect(foreignPage.json().fields.channelId.code).toBe('UNKNOWN_CHANNEL');
    const elsewhere = await f.t.request(f.outsider, { method: 'GET', url: f.postsUrl(`/${post.id}`, f.otherWorkspaceId) });
    expect(elsewhere.statusCode).toBe(404);
  });
});

describe('a bilingual post', () => {
  it('is created as a draft with what it will send: one message, Arabic first, French isolated, hashtags per language', async () => {
    const response = await f.t.request(f.officer, { method: 'POST', url: f.postsUrl(), payload: bilingualPost(f.channelId) });
    expect(response.statusCode, response.body).toBe(201);
    const post = response.json();
    expect(post).toMatchObject({ status: 'draft', reviewState: 'draft', languageMode: 'together', version: 1, scheduledAt: null });
    expect(post.messages).toHaveLength(1);
    const [message] = post.messages;
    expect(message.target).toBe('together');
    expect(message.message.startsWith(ARABIC_TEXT)).toBe(true);
    expect(message.message).toContain(`${FSI}${FRENCH_TEXT.split('\n')[0]}${PDI}`);
    expect(message.message).toContain('#الاقتصاد_التضامني #صفاقس');
    // The shadda of يسرّ is part of its letter: one character fewer than code points.
    expect(message.characters).toBe([...new Intl.Segmenter('ar', { granularity: 'grapheme' }).segment(message.message)].length);
    expect(message.characters).toBeLessThan([...message.message].length);
    expect(message.firstComment).toBe(`التسجيل عبر altermed.org/sfax\n\n${FSI}Inscription : altermed.org/sfax${PDI}`);
    const [audit] = await f.t.platform.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'social.post'), eq(auditLog.entityId, post.id), eq(auditLog.action, 'create')));
    expect(audit?.actorUserId).toBe(f.officer.userId);
  });

  it('per language gives one message per language', async () => {
    const post = await createPost(f, f.officer, bilingualPost(f.channelId, { languageMode: 'per_language' }));
    const detail = (await f.t.request(f.viewer, { method: 'GET', url: f.postsUrl(`/${post.id}`) })).json();
    expect(detail.messages.map((message: { target: string }) => message.target)).toEqual(['ar', 'fr']);
    expect(detail.messages[1].message).toBe(`${FRENCH_TEXT}\n\n#ESS #Sfax`);
  });

  it('is edited against the version read; an older version is a conflict; every edit is audited', async () => {
    const post = await createPost(f, f.officer);
    const edit = (version: number, fr: string) =>
      f.t.request(f.officer, {
        method: 'PATCH',
        url: f.postsUrl(`/${post.id}`),
        payload: { version, text: localized({ ar: ARABIC_TEXT, fr }, 'reviewed') },
      });
    const first = await edit(1, 'Atelier ESS à Sfax, samedi.');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await edit(1, 'Une autre version.');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
    const audits = await f.t.platform.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, post.id), eq(auditLog.action, 'update')));
    expect(audits).toHaveLength(1);
  });

  it('is deleted while it never went out', async () => {
    const post = await createPost(f, f.contributor);
    expect((await f.t.request(f.contributor, { method: 'DELETE', url: f.postsUrl(`/${post.id}`) })).statusCode).toBe(204);
    expect((await f.t.request(f.contributor, { method: 'GET', url: f.postsUrl(`/${post.id}`) })).statusCode).toBe(404);
  });

  it('is listed newest first, page by page, filtered by status', async () => {
    const firstPage = (await f.t.request(f.viewer, { method: 'GET', url: f.postsUrl('?limit=2') })).json();
    expect(firstPage.items).toHaveLength(2);
    expect(firstPage.nextCursor).toBeTruthy();
    const next = (await f.t.request(f.viewer, { method: 'GET', url: f.postsUrl(`?limit=2&cursor=${firstPage.nextCursor}`) })).json();
    const ids = [...firstPage.items, ...next.items].map((post: { id: string }) => post.id);
    expect(new Set(ids).size).toBe(ids.length);
    const drafts = (await f.t.request(f.viewer, { method: 'GET', url: f.postsUrl('?status=draft&limit=100') })).json();
    expect(drafts.items.length).toBeGreaterThan(0);
    expect(drafts.items.every((post: { status: string }) => post.status === 'draft')).toBe(true);
    const published = (await f.t.request(f.viewer, { method: 'GET', url: f.postsUrl('?status=published') })).json();
    expect(published.items).toEqual([]);
  });
});

describe('validation, in the reader’s language', () => {
  const create = (session = f.officer, overrides: Record<string, unknown> = {}) =>
    f.t.request(session, { method: 'POST', url: f.postsUrl(), payload: bilingualPost(f.channelId, overrides) });

  it('asks for text in at least one language (French for the officer, Arabic for the contributor)', async () => {
    const french = await create(f.officer, { text: localized({ ar: '', fr: '' }) });
    expect(french.statusCode).toBe(400);
    expect(french.json().fields.text).toEqual({ code: 'LOCALIZED_REQUIRED', message: 'Saisissez ce texte dans au moins une langue.' });
    const arabic = await create(f.contributor, { text: {} });
    expect(arabic.json().fields.text.code).toBe('LOCALIZED_REQUIRED');
    expect(arabic.json().fields.text.message).toMatch(/[\u0600-\u06FF]/);
  });

  it('refuses photos and a link together, more than ten photos, a bad hashtag, a bad link', async () => {
    const both = await create(f.officer, { assetIds: [f.assets.landscape], link: { url: 'https://altermed.org/sfax' } });
    expect(both.json().fields.link.code).toBe('PHOTOS_OR_LINK');
    const eleven = await create(f.officer, { assetIds: Array.from({ length: 11 }, () => crypto.randomUUID()) });
    expect(eleven.json().fields.assetIds.code).toBe('TOO_MANY');
    const hashtag = await create(f.contributor, { hashtags: { fr: ['économie solidaire'] } });
    expect(hashtag.json().fields['hashtags.fr.0']).toMatchObject({ code: 'HASHTAG_INVALID' });
    expect(hashtag.json().fields['hashtags.fr.0'].message).toMatch(/[\u0600-\u06FF]/);
    const link = await create(f.officer, { link: { url: 'javascript:alert(1)' } });
    expect(link.json().fields['link.url'].code).toBe('INVALID_URL');
  });

  it('counts characters as readers do: 63,206 emoji fit, one more does not', async () => {
    const atLimit = '🎉'.repeat(63_206);
    const fits = await create(f.officer, { text: localized({ fr: atLimit }), hashtags: {}, firstComment: {} });
    expect(fits.statusCode, fits.body.slice(0, 300)).toBe(201);
    const over = await create(f.officer, { text: localized({ fr: `${atLimit}!` }), hashtags: {}, firstComment: {} });
    expect(over.statusCode).toBe(400);
    expect(over.json().fields['text.fr.value'].code).toBe('TOO_LONG');
  });

  it('says when both languages together exceed the limit, and suggests one post per language', async () => {
    const text = localized({ ar: 'ب'.repeat(40_000), fr: 'é'.repeat(30_000) });
    const together = await create(f.officer, { text, hashtags: {}, firstComment: {} });
    expect(together.json().fields.text.code).toBe('TOGETHER_TOO_LONG');
    expect(together.json().fields.text.message).toContain('une publication par langue');
    const perLanguage = await create(f.officer, { text, hashtags: {}, firstComment: {}, languageMode: 'per_language' });
    expect(perLanguage.statusCode).toBe(201);
  });

  it('checks each photo’s consent for social use: expired, print only, another workspace’s', async () => {
    const assetIds = [f.assets.landscape, f.assets.social, f.assets.expired, f.assets.printOnly, f.assets.foreign];
    const french = await create(f.officer, { assetIds });
    expect(french.statusCode).toBe(400);
    const fields = french.json().fields;
    expect(Object.keys(fields).sort()).toEqual(['assetIds.2', 'assetIds.3', 'assetIds.4']);
    expect(fields['assetIds.2']).toEqual({
      code: 'CONSENT_EXPIRED',
      message: 'L’accord des personnes sur cette photo a expiré : renouvelez-le dans la médiathèque ou choisissez une autre photo.',
    });
    expect(fields['assetIds.3'].code).toBe('CONSENT_NOT_VALID');
    expect(fields['assetIds.4'].code).toBe('ASSET_NOT_FOUND');
    const arabic = await create(f.contributor, { assetIds: [f.assets.expired] });
    expect(arabic.json().fields['assetIds.0'].message).toBe(
      'انتهت صلاحية موافقة الأشخاص الظاهرين في هذه الصورة: جدّدوها في مكتبة الوسائط أو اختاروا صورة أخرى.',
    );
    const usable = await create(f.officer, { assetIds: [f.assets.landscape, f.assets.social] });
    expect(usable.statusCode).toBe(201);
    expect(usable.json().assetIds).toEqual([f.assets.landscape, f.assets.social]);
  });
});
