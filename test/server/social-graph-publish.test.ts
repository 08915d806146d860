/** Publishing against the fake: text, link, several photos, and the answers lost after the post was made. */
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { faults } from '../fakes/graph-api/index.js';
import { type GraphFixture, rejectionOf, SANDBOX_PAGE_ID, startGraphFixture } from '../helpers/graph-fixture.js';

let g: GraphFixture;
let jpeg: Buffer;
beforeAll(async () => {
  g = await startGraphFixture({ timeoutMs: 1_500 });
  jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0f766e' } })
    .jpeg()
    .toBuffer();
});
afterAll(() => g.stop());
afterEach(() => g.fake.clearFaults());

const BILINGUAL = 'ورشة صفاقس حول التعاونيات النسائية\n\nAtelier de Sfax sur les coopératives de femmes';

describe('publishing', () => {
  it('publishes a bilingual text on the page, with the version from configuration and its permalink', async () => {
    const published = await g.channel.publish(g.account, { message: BILINGUAL, idempotencyKey: 'a' });
    const stored = g.fake.postsOf(SANDBOX_PAGE_ID).find((post) => post.id === published.externalId);
    expect(stored?.message).toBe(BILINGUAL);
    expect(published.permalinkUrl).toBe(`https://www.facebook.com/${SANDBOX_PAGE_ID}/posts/${published.externalId.split('_')[1]}`);
    const feedCall = g.fake.requests.find((request) => request.method === 'POST' && request.path === `/${SANDBOX_PAGE_ID}/feed`);
    expect(feedCall?.version).toBe('v26.0');
    // The token travels in the Authorization header with an appsecret_proof, never in the recorded parameters.
    expect(feedCall?.params.appsecret_proof).toMatch(/^[0-9a-f]{64}$/);
  });

  it('publishes a link post', async () => {
    const published = await g.channel.publish(g.account, {
      message: 'Inscriptions',
      link: 'https://altermed.example/forum',
      idempotencyKey: 'b',
    });
    expect(g.fake.postsOf(SANDBOX_PAGE_ID).find((post) => post.id === published.externalId)?.link).toBe('https://altermed.example/forum');
  });

  it('uploads several photos unpublished, then makes one post attaching them all', async () => {
    const photos = [1, 2, 3].map((n) => ({ bytes: jpeg, mimeType: 'image/jpeg' as const, altText: `صورة ${n}` }));
    const published = await g.channel.publish(g.account, { message: 'Photos de la visite', photos, idempotencyKey: 'c' });
    const post = g.fake.postsOf(SANDBOX_PAGE_ID).find((entry) => entry.id === published.externalId);
    expect(post?.photoIds).toHaveLength(3);
    const stored = g.fake.state.photos.filter((photo) => post?.photoIds.includes(photo.id));
    expect(stored.map((photo) => [photo.published, photo.postId, photo.mimeType])).toEqual(
      Array(3).fill([false, published.externalId, 'image/jpeg']),
    );
    expect(stored.map((photo) => photo.altText)).toEqual(['صورة 1', 'صورة 2', 'صورة 3']);
    const uploads = g.fake.requests.filter((request) => request.path === `/${SANDBOX_PAGE_ID}/photos`);
    expect(uploads.every((upload) => upload.params.published === 'false' && upload.files.includes('source'))).toBe(true);
  });

  it('refuses more than ten photos, or photos with a link, before calling Meta', async () => {
    const photo = { bytes: jpeg, mimeType: 'image/jpeg' as const };
    const before = g.fake.requests.length;
    expect(
      await rejectionOf(g.channel.publish(g.account, { message: 'x', photos: Array(11).fill(photo), idempotencyKey: 'd' })),
    ).toMatchObject({
      kind: 'invalid-request',
    });
    expect(
      await rejectionOf(g.channel.publish(g.account, { message: 'x', photos: [photo], link: 'https://a.example', idempotencyKey: 'd' })),
    ).toMatchObject({
      kind: 'invalid-request',
    });
    expect(g.fake.requests.length).toBe(before);
  });
});

describe('answers lost after the request was sent', () => {
  async function expectUnknownThenFound(message: string) {
    const sentAt = new Date(Date.now() - 1000);
    const error = await rejectionOf(g.channel.publish(g.account, { message, idempotencyKey: message }));
    expect(error).toMatchObject({ kind: 'outcome-unknown' });
    const found = await g.channel.findPublished(g.account, { since: sentAt, until: new Date(Date.now() + 1000) });
    return found.filter((post) => post.message === message);
  }

  it('a 500 after the post was created is an unknown outcome, and the post is found on the page', async () => {
    g.fake.inject({ method: 'POST', path: `/${SANDBOX_PAGE_ID}/feed`, fault: faults.errorAfterWrite() });
    expect(await expectUnknownThenFound('Après une erreur 500')).toHaveLength(1);
  });

  it('a connection dropped after the post was created is an unknown outcome, and the post is found', async () => {
    g.fake.inject({ method: 'POST', path: `/${SANDBOX_PAGE_ID}/feed`, fault: faults.drop(true) });
    expect(await expectUnknownThenFound('Connexion coupée après écriture')).toHaveLength(1);
  });

  it('a connection dropped before anything was done is still unknown to us, and the page shows no post', async () => {
    g.fake.inject({ method: 'POST', path: `/${SANDBOX_PAGE_ID}/feed`, fault: faults.drop(false) });
    expect(await expectUnknownThenFound('Connexion coupée avant écriture')).toHaveLength(0);
  });

  it('a timeout on the feed post is an unknown outcome; on a read it is transient', async () => {
    g.fake.inject({ method: 'POST', path: `/${SANDBOX_PAGE_ID}/feed`, fault: faults.slow(10_000) });
    expect(await rejectionOf(g.channel.publish(g.account, { message: 'Lent', idempotencyKey: 'e' }))).toMatchObject({
      kind: 'outcome-unknown',
    });
    g.fake.inject({ method: 'GET', path: `/${SANDBOX_PAGE_ID}/published_posts`, fault: faults.slow(10_000) });
    expect(await rejectionOf(g.channel.listRecentPosts(g.account, { since: new Date(0), limit: 1 }))).toMatchObject({ kind: 'transient' });
  });

  it('a lost answer while uploading a photo is transient (an unpublished photo is never a duplicate post)', async () => {
    g.fake.inject({ method: 'POST', path: `/${SANDBOX_PAGE_ID}/photos`, fault: faults.errorAfterWrite() });
    const before = g.fake.postsOf(SANDBOX_PAGE_ID).length;
    const error = await rejectionOf(
      g.channel.publish(g.account, { message: 'x', photos: [{ bytes: jpeg, mimeType: 'image/jpeg' }], idempotencyKey: 'f' }),
    );
    expect(error).toMatchObject({ kind: 'transient' });
    expect(g.fake.postsOf(SANDBOX_PAGE_ID).length).toBe(before);
  });

  it('a failure reading the permalink after a successful post does not fail the publication', async () => {
    g.fake.inject({ method: 'GET', path: /^\/\d+_\d+$/, fault: faults.serviceUnavailable() });
    const published = await g.channel.publish(g.account, { message: 'Publié malgré tout', idempotencyKey: 'g' });
    expect(g.fake.postsOf(SANDBOX_PAGE_ID).some((post) => post.id === published.externalId)).toBe(true);
    expect(published.permalinkUrl).toBeUndefined();
  });
});

describe('deleting', () => {
  it('deletes a post, and deleting it again is not an error', async () => {
    const published = await g.channel.publish(g.account, { message: 'À supprimer', idempotencyKey: 'h' });
    await g.channel.deletePost(g.account, published.externalId);
    expect(g.fake.postsOf(SANDBOX_PAGE_ID).some((post) => post.id === published.externalId)).toBe(false);
    await expect(g.channel.deletePost(g.account, published.externalId)).resolves.toBeUndefined();
  });
});
