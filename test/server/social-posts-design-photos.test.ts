/**
 * A studio design attached to a post: its PNG rendered through the studio's export into the library
 * (people and consent copies carried over, the same render given back once), and its photos'
 * consent checked again — as it is now — when the post is saved, read and scheduled; refusals named
 * on the design before anything is written.
 */
import { eq } from 'drizzle-orm';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socialDesignPhotos } from '../../src/server/modules/social/design-photos.tables.js';
import { assets } from '../../src/server/modules/studio/studio.tables.js';
import { auditLog } from '../../src/server/platform/platform.tables.js';
import {
  bilingualPost,
  createPost,
  createPostsFixture,
  type PostsFixture,
  schedule,
  setReviewState,
} from '../helpers/social-posts-fixture.js';

let f: PostsFixture;
const designPhotosUrl = () => `/api/workspaces/${f.workspaceId}/social/design-photos`;
const designsUrl = (workspaceId = f.workspaceId) => `/api/workspaces/${workspaceId}/studio/designs`;

function codes(response: { json(): { fields?: Record<string, { code: string }> } }): Record<string, string> {
  return Object.fromEntries(Object.entries(response.json().fields ?? {}).map(([field, value]) => [field, value.code]));
}

async function makeDesign(template: string, image: string | null, session = f.contributor, workspaceId = f.workspaceId) {
  const response = await f.t.request(session, {
    method: 'POST',
    url: designsUrl(workspaceId),
    payload: {
      title: 'Atelier ESS Sfax',
      template,
      variant: 'bilingual',
      data: {
        title: { ar: 'ورشة الاقتصاد التضامني في صفاقس', fr: 'Atelier ESS à Sfax' },
        ...(image ? { image } : {}),
      },
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

async function attach(designId: string, session = f.contributor) {
  return f.t.request(session, { method: 'POST', url: designPhotosUrl(), payload: { designId } });
}

async function consentsOf(assetId: string) {
  const response = await f.t.request(f.contributor, {
    method: 'GET',
    url: `/api/workspaces/${f.workspaceId}/studio/assets/${assetId}/consents`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as Array<{ id: string; personName: string; scope: string[]; expiresOn: string | null }>;
}

async function assetCount() {
  return (await f.t.platform.database.db.select({ id: assets.id }).from(assets).where(eq(assets.workspaceId, f.workspaceId))).length;
}

beforeAll(async () => {
  f = await createPostsFixture({ withAssets: true });
}, 120_000);

afterAll(async () => {
  await f?.t.close();
});

describe('a design as a post photo', { timeout: 120_000 }, () => {
  let designId: string;
  let photoId: string;

  it('is rendered at the template’s size into the library, showing the same people with copies of their consent', async () => {
    designId = await makeDesign('social-post', f.assets.social);
    const response = await attach(designId);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ designId, reused: false });
    photoId = response.json().assetId;

    const asset = await f.t.request(f.contributor, { method: 'GET', url: `/api/workspaces/${f.workspaceId}/studio/assets/${photoId}` });
    expect(asset.statusCode, asset.body).toBe(200);
    expect(asset.json()).toMatchObject({
      kind: 'image',
      showsPeople: true,
      title: { fr: { value: 'Atelier ESS Sfax' } },
      alt: { ar: { value: 'ورشة الاقتصاد التضامني في صفاقس' }, fr: { value: 'Atelier ESS à Sfax' } },
    });
    expect(asset.json().consent.usableFor).toContain('social');
    expect((await consentsOf(photoId)).map((consent) => [consent.personName, consent.scope])).toEqual([['Salma B.', ['social', 'web']]]);

    const file = await f.t.request(f.contributor, {
      method: 'GET',
      url: `/api/workspaces/${f.workspaceId}/studio/assets/${photoId}/download`,
    });
    const png = PNG.sync.read(file.rawPayload);
    expect([png.width, png.height]).toEqual([1080, 1080]);

    const [link] = await f.t.platform.database.db.select().from(socialDesignPhotos).where(eq(socialDesignPhotos.assetId, photoId));
    expect(link).toMatchObject({ workspaceId: f.workspaceId, designId, sourceAssetIds: [f.assets.social] });
    const audit = await f.t.platform.database.db.select().from(auditLog).where(eq(auditLog.entityId, photoId));
    expect(audit.map((row) => row.action)).toEqual(['create']);
  });

  it('gives back the same photo when the design has not changed, and goes into a post like any library photo', async () => {
    const count = await assetCount();
    const again = await attach(designId);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ assetId: photoId, designId, reused: true });
    expect(await assetCount()).toBe(count);

    const post = await createPost(f, f.contributor, bilingualPost(f.channelId, { assetIds: [photoId, f.assets.landscape] }));
    const detail = await f.t.request(f.contributor, { method: 'GET', url: f.postsUrl(`/${post.id}`) });
    expect(detail.json().assetIds).toEqual([photoId, f.assets.landscape]);
    expect(detail.json().photoProblems).toEqual({});
  });

  it('stops the visual as soon as the original photo’s people narrow their consent: on read, on save, on schedule, on a new render', async () => {
    const post = await createPost(f, f.contributor, bilingualPost(f.channelId, { assetIds: [photoId] }));
    await setReviewState(f, post.id, 'approved');
    const [consent] = await consentsOf(f.assets.social);
    const narrowed = await f.t.request(f.contributor, {
      method: 'PATCH',
      url: `/api/workspaces/${f.workspaceId}/studio/assets/${f.assets.social}/consents/${consent?.id}`,
      payload: { scope: ['print'] },
    });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    // The copy on the rendered photo still says "social": the original decides.
    expect((await consentsOf(photoId))[0]?.scope).toEqual(['social', 'web']);

    const detail = await f.t.request(f.contributor, { method: 'GET', url: f.postsUrl(`/${post.id}`) });
    expect(detail.json().photoProblems).toEqual({ [photoId]: 'CONSENT_NOT_VALID' });
    const saved = await f.t.request(f.contributor, {
      method: 'POST',
      url: f.postsUrl(),
      payload: bilingualPost(f.channelId, { assetIds: [f.assets.landscape, photoId] }),
    });
    expect(saved.statusCode).toBe(400);
    expect(codes(saved)).toEqual({ 'assetIds.1': 'CONSENT_NOT_VALID' });
    const scheduled = await schedule(f, f.officer, post.id, { mode: 'at', date: '2099-06-01', time: '10:00' });
    expect(scheduled.statusCode).toBe(400);
    expect(codes(scheduled)).toEqual({ 'assetIds.0': 'CONSENT_NOT_VALID' });
    const rendered = await attach(designId);
    expect(rendered.statusCode).toBe(400);
    expect(codes(rendered)).toEqual({ designId: 'CONSENT_NOT_VALID' });
    // In the contributor's language, on the design they picked.
    expect(rendered.json().fields.designId.message).toContain('موافقتهم');
  });

  it('refuses a print poster whose photo’s people agreed to print only, before rendering or writing anything', async () => {
    const posterId = await makeDesign('a3-poster', f.assets.printOnly);
    const count = await assetCount();
    const response = await attach(posterId);
    expect(response.statusCode).toBe(400);
    expect(codes(response)).toEqual({ designId: 'CONSENT_NOT_VALID' });
    expect(await assetCount()).toBe(count);
  });

  it('renders a design without photos as a photo showing no one, usable everywhere', async () => {
    const plainId = await makeDesign('web-banner', null);
    const response = await attach(plainId);
    expect(response.statusCode, response.body).toBe(200);
    const asset = await f.t.request(f.contributor, {
      method: 'GET',
      url: `/api/workspaces/${f.workspaceId}/studio/assets/${response.json().assetId}`,
    });
    expect(asset.json()).toMatchObject({ showsPeople: false, consent: { status: 'not_required' } });
  });
});

describe('who may attach a design', { timeout: 60_000 }, () => {
  it('asks for writers of the workspace; another workspace’s design is not found', async () => {
    const designId = await makeDesign('social-post', f.assets.landscape);
    expect((await attach(designId, f.viewer)).statusCode).toBe(403);
    expect((await attach(designId, f.reviewer)).statusCode).toBe(403);
    expect((await f.t.request(f.outsider, { method: 'POST', url: designPhotosUrl(), payload: { designId } })).statusCode).toBe(404);
    const foreignDesign = await makeDesign('social-post', f.assets.foreign, f.outsider, f.otherWorkspaceId);
    expect((await attach(foreignDesign)).statusCode).toBe(404);
    const unauthenticated = await f.t.request(undefined, { method: 'POST', url: designPhotosUrl(), payload: { designId } });
    expect(unauthenticated.statusCode).toBe(401);
  });
});
