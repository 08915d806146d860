/**
 * Saved designs: the template list, create/update/duplicate/delete with a field error per field,
 * images refused when their people's consent does not cover the template's use, the asset library's
 * usage fed by `asset_ids`, audit entries, permissions and other workspaces.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/platform/platform.tables.js';
import { createDesignsFixture, type DesignsFixture, forumPosterData } from '../helpers/designs-fixture.js';

let f: DesignsFixture;
beforeAll(async () => {
  f = await createDesignsFixture();
});
afterAll(() => f.t.close());

/** Field error codes of a problem+json answer (each field also carries its message). */
function codes(response: { json(): { fields?: Record<string, { code: string }> } }): Record<string, string> {
  return Object.fromEntries(Object.entries(response.json().fields ?? {}).map(([field, value]) => [field, value.code]));
}

async function createDesign(body: Record<string, unknown>, session = f.contributor) {
  return f.t.request(session, { method: 'POST', url: f.designsUrl(), payload: body });
}

describe('templates', () => {
  it('lists every visual template with its sizes, variants, consent use and form', async () => {
    const response = await f.t.request(f.viewer, { method: 'GET', url: f.designsUrl('/templates') });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Array<Record<string, unknown> & { name: string; fields: Array<{ key: string; kind: string }> }>;
    const byName = Object.fromEntries(items.map((item) => [item.name, item]));
    expect(Object.keys(byName).sort()).toEqual(
      ['a3-poster', 'a5-flyer', 'facebook-cover', 'invitation', 'quote-card', 'social-post', 'story', 'web-banner'].sort(),
    );
    expect(byName.story).toMatchObject({ png: { width: 1080, height: 1920 }, use: 'social', variants: ['ar', 'fr', 'bilingual'] });
    expect(byName['a3-poster']).toMatchObject({ paper: 'A3', use: 'print', formats: ['png', 'pdf'] });
    expect(byName['web-banner']).toMatchObject({ use: 'web', png: { width: 1200, height: 400 } });
    expect(byName['quote-card']?.fields.map((field) => [field.key, field.kind])).toContainEqual(['photo', 'image']);
    expect(byName['a3-poster']?.fields.map((field) => field.kind)).toEqual(
      expect.arrayContaining(['localizedText', 'image', 'date', 'time', 'colour']),
    );
  });
});

describe('creating and editing designs', () => {
  it('saves a design with the ids of its images and an audit entry', async () => {
    const response = await createDesign({
      title: 'Affiche du forum',
      template: 'a3-poster',
      variant: 'bilingual',
      data: forumPosterData(f.assets.everything),
    });
    expect(response.statusCode, response.body).toBe(201);
    const design = response.json();
    expect(design).toMatchObject({ template: 'a3-poster', variant: 'bilingual', assetIds: [f.assets.everything], assetProblems: {} });
    expect(design.data.title.ar).toBe('منتدى ريادة الأعمال الجماعية — صفاقس');
    const [entry] = await f.t.platform.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'design'), eq(auditLog.entityId, design.id)));
    expect(entry?.action).toBe('create');
    // The asset library's usage reads design.asset_ids.
    const usage = await f.t.request(f.viewer, { method: 'GET', url: f.assetsUrl(`/${f.assets.everything}/usage`) });
    expect(usage.json().designs.map((item: { id: string }) => item.id)).toContain(design.id);
  });

  it('reports each invalid field of the form', async () => {
    const response = await createDesign({
      title: '   ',
      template: 'a3-poster',
      variant: 'ar',
      data: {
        title: { ar: 'ط'.repeat(161), fr: 42 },
        date: '2026-02-30',
        startTime: '25:00',
        accentColour: 'orange',
        image: 'not-an-id',
        colour: '#ffffff',
      },
    });
    expect(response.statusCode).toBe(400);
    // The route's schema answers first: the title.
    expect(codes(response)).toEqual({ title: 'REQUIRED' });
    const second = await createDesign({
      title: 'Affiche',
      template: 'a3-poster',
      variant: 'ar',
      data: {
        title: { ar: 'ط'.repeat(161), fr: 42 },
        date: '2026-02-30',
        startTime: '25:00',
        accentColour: 'orange',
        image: 'not-an-id',
        colour: '#ffffff',
      },
    });
    expect(second.statusCode).toBe(400);
    expect(codes(second)).toEqual({
      'data.title.ar': 'TOO_LONG',
      'data.title.fr': 'INVALID_VALUE',
      'data.date': 'INVALID_FORMAT',
      'data.startTime': 'INVALID_FORMAT',
      'data.accentColour': 'INVALID_COLOUR',
      'data.image': 'INVALID_FORMAT',
      'data.colour': 'UNKNOWN_FIELD',
    });
    expect(second.json().message).toBeTruthy();
  });

  it('refuses an unknown template and a variant the API does not know', async () => {
    const unknown = await createDesign({ title: 'x', template: 'billboard', variant: 'ar', data: {} });
    expect(codes(unknown)).toEqual({ template: 'UNKNOWN_TEMPLATE' });
    const variant = await createDesign({ title: 'x', template: 'story', variant: 'en', data: {} });
    expect(variant.statusCode).toBe(400);
    expect(Object.keys(variant.json().fields)).toEqual(['variant']);
  });

  it('saves a draft whose texts are still missing (the preview and the export ask for them)', async () => {
    const response = await createDesign({ title: 'Brouillon', template: 'story', variant: 'bilingual', data: {} });
    expect(response.statusCode).toBe(201);
    expect(response.json().assetIds).toEqual([]);
  });
});

describe('images must be usable for the template’s use', () => {
  const attempt = (template: string, image: string) =>
    createDesign({
      title: 'Essai',
      template,
      variant: 'fr',
      data: template === 'quote-card' ? { quote: { fr: 'Essai' }, photo: image } : { title: { fr: 'Essai' }, image },
    });

  it('takes an image showing no one anywhere, and people with a consent for that use', async () => {
    expect((await attempt('a3-poster', f.assets.landscape)).statusCode).toBe(201);
    expect((await attempt('story', f.assets.socialOnly)).statusCode).toBe(201);
    expect((await attempt('quote-card', f.assets.socialOnly)).statusCode).toBe(201);
    expect((await attempt('web-banner', f.assets.socialOnly)).statusCode).toBe(201);
  });

  it('refuses people agreeing to social media only on a printed poster, flyer or invitation', async () => {
    for (const template of ['a3-poster', 'a5-flyer', 'invitation']) {
      const response = await attempt(template, f.assets.socialOnly);
      expect(response.statusCode, template).toBe(400);
      expect(codes(response)).toEqual({ 'data.image': 'CONSENT_NOT_VALID' });
    }
  });

  it('refuses an expired or missing consent, another workspace’s image and an archived one', async () => {
    expect(codes(await attempt('social-post', f.assets.expired))).toEqual({ 'data.image': 'CONSENT_NOT_VALID' });
    expect(codes(await attempt('social-post', f.assets.missing))).toEqual({ 'data.image': 'CONSENT_NOT_VALID' });
    expect(codes(await attempt('social-post', f.assets.foreign))).toEqual({ 'data.image': 'ASSET_NOT_FOUND' });
    const archived = (
      await f.t.request(f.officer, { method: 'PATCH', url: f.assetsUrl(`/${f.assets.landscape}`), payload: { isArchived: true } })
    ).statusCode;
    expect(archived).toBe(200);
    expect(codes(await attempt('social-post', f.assets.landscape))).toEqual({ 'data.image': 'ASSET_ARCHIVED' });
    await f.t.request(f.officer, { method: 'PATCH', url: f.assetsUrl(`/${f.assets.landscape}`), payload: { isArchived: false } });
  });
});

describe('update, duplicate, delete', () => {
  it('updates the variant and data, moves asset_ids along, and refuses a stale edit', async () => {
    const created = (
      await createDesign({
        title: 'Carte',
        template: 'social-post',
        variant: 'ar',
        data: { title: { ar: 'ورشة' }, image: f.assets.socialOnly },
      })
    ).json();
    const updated = await f.t.request(f.contributor, {
      method: 'PATCH',
      url: f.designsUrl(`/${created.id}`),
      payload: {
        variant: 'bilingual',
        data: { title: { ar: 'ورشة', fr: 'Atelier' }, image: f.assets.landscape },
        expectedUpdatedAt: created.updatedAt,
      },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ variant: 'bilingual', assetIds: [f.assets.landscape] });
    const stale = await f.t.request(f.contributor, {
      method: 'PATCH',
      url: f.designsUrl(`/${created.id}`),
      payload: { title: 'Autre', expectedUpdatedAt: created.updatedAt },
    });
    expect(stale.statusCode).toBe(409);
    const usage = await f.t.request(f.viewer, { method: 'GET', url: f.assetsUrl(`/${f.assets.socialOnly}/usage`) });
    expect(usage.json().designs.map((item: { id: string }) => item.id)).not.toContain(created.id);
  });

  it('duplicates a design with a new title, then deletes it', async () => {
    const created = (
      await createDesign({ title: 'Citation', template: 'quote-card', variant: 'fr', data: { quote: { fr: 'Ensemble.' } } })
    ).json();
    const copy = await f.t.request(f.contributor, {
      method: 'POST',
      url: f.designsUrl(`/${created.id}/duplicate`),
      payload: { title: 'Citation (copie)' },
    });
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ title: 'Citation (copie)', template: 'quote-card', data: { quote: { fr: 'Ensemble.' } } });
    expect(copy.json().id).not.toBe(created.id);
    expect((await f.t.request(f.contributor, { method: 'DELETE', url: f.designsUrl(`/${copy.json().id}`) })).statusCode).toBe(204);
    expect((await f.t.request(f.viewer, { method: 'GET', url: f.designsUrl(`/${copy.json().id}`) })).statusCode).toBe(404);
  });

  it('lists designs last edited first, page by page', async () => {
    const first = await f.t.request(f.viewer, { method: 'GET', url: f.designsUrl('?limit=2') });
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toBeTruthy();
    const second = (await f.t.request(f.viewer, { method: 'GET', url: f.designsUrl(`?limit=2&cursor=${page.nextCursor}`) })).json();
    const ids = [...page.items, ...second.items].map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    const times = [...page.items, ...second.items].map((item: { updatedAt: string }) => item.updatedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const posters = (await f.t.request(f.viewer, { method: 'GET', url: f.designsUrl('?template=a3-poster') })).json();
    expect(posters.items.every((item: { template: string }) => item.template === 'a3-poster')).toBe(true);
  });
});

describe('permissions and workspaces', () => {
  it('lets a viewer read but not write', async () => {
    expect((await createDesign({ title: 'x', template: 'story', variant: 'ar', data: {} }, f.viewer)).statusCode).toBe(403);
    const list = await f.t.request(f.viewer, { method: 'GET', url: f.designsUrl() });
    const id = list.json().items[0].id;
    expect((await f.t.request(f.viewer, { method: 'PATCH', url: f.designsUrl(`/${id}`), payload: { title: 'x' } })).statusCode).toBe(403);
    expect((await f.t.request(f.viewer, { method: 'DELETE', url: f.designsUrl(`/${id}`) })).statusCode).toBe(403);
  });

  it('answers 401 without a session', async () => {
    expect((await f.t.request(undefined, { method: 'GET', url: f.designsUrl() })).statusCode).toBe(401);
  });

  it('hides designs from another workspace’s members (404, so ids cannot be probed)', async () => {
    const id = (await f.t.request(f.viewer, { method: 'GET', url: f.designsUrl() })).json().items[0].id;
    const other = `/api/workspaces/${f.otherWorkspaceId}/studio/designs/${id}`;
    for (const [method, url] of [
      ['GET', f.designsUrl(`/${id}`)],
      ['GET', f.designsUrl(`/${id}/export?format=png`)],
      ['GET', other],
      ['PATCH', other],
      ['DELETE', other],
      ['GET', `${other}/export?format=pdf`],
      ['GET', `${other}/thumbnail`],
      ['POST', `${other}/duplicate`],
    ] as const) {
      const response = await f.t.request(f.outsider, { method, url, payload: method === 'PATCH' || method === 'POST' ? {} : undefined });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
  });
});
