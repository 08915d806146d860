/**
 * The issue's test of no duplicates, against the fake Graph API through the real Facebook channel: a
 * batch of scheduled posts (together and per language, some with photos, with first comments) meets
 * a hundred injected faults on the feed — 500 after the post was made, answers slower than the
 * client's timeout, connections dropped after or before the write, Graph's transient errors — and
 * reads of the page that fail; the page ends with exactly one copy of each publication.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FacebookChannel } from '../../src/server/modules/social/channels/facebook/facebook-channel.js';
import { localized } from '../../src/shared/localized-text.js';
import { FakeGraphApi, type Fault, faults } from '../fakes/graph-api/index.js';
import { createPublishFixture, type PublishFixture } from '../helpers/social-publish-fixture.js';

const PAGE = '20001';
const MINUTE = 60_000;
let fake: FakeGraphApi;
let f: PublishFixture;
const clock = { now: new Date(Date.now() + 1000) };

beforeAll(async () => {
  fake = await new FakeGraphApi({ now: () => clock.now.getTime() }).start();
  const channel = new FacebookChannel({
    graphUrl: fake.url,
    dialogUrl: fake.url,
    version: 'v26.0',
    appId: fake.appId,
    appSecret: fake.appSecret,
    // Shorter than the fake's slow answers, so those are timeouts; long enough that a loaded machine's ordinary answers are not.
    timeoutMs: 1_000,
    sleep: async () => {},
  });
  const token = fake.issuePageToken(PAGE);
  f = await createPublishFixture({
    withAssets: true,
    clock,
    publisher: {
      resolveChannel: (row) => ({ channel, account: { externalId: row.externalId, accessToken: token } }),
      // A publication may meet several faults in a row here; the bound on attempts is tested elsewhere.
      timings: { maxSendAttempts: 20 },
      batchSize: 10,
    },
  });
});
afterAll(async () => {
  await f.t.close();
  await fake.stop();
});

/** A deterministic shuffle (the same order on every run). */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  let seed = 7;
  for (let index = out.length - 1; index > 0; index--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const other = seed % (index + 1);
    [out[index], out[other]] = [out[other] as T, out[index] as T];
  }
  return out;
}

describe('a hundred faults across a batch of scheduled posts', () => {
  it('leaves exactly one copy of each publication on the page, and every post published', { timeout: 300_000 }, async () => {
    const ids: string[] = [];
    // 40 together and 20 per language: 80 publications.
    for (let index = 0; index < 60; index++) {
      const perLanguage = index % 3 === 0;
      ids.push(
        await f.duePost({
          languageMode: perLanguage ? 'per_language' : 'together',
          text: localized({
            ar: `المنشور رقم ${index}: لقاء الشركاء في صفاقس`,
            fr: `Publication n° ${index} : rencontre des partenaires à Sfax`,
          }),
          ...(index % 5 === 0 ? { assetIds: [f.assets.landscape] } : {}),
        }),
      );
    }
    const feed = `/${PAGE}/feed`;
    const plan: Fault[] = shuffled([
      ...Array.from({ length: 40 }, () => faults.errorAfterWrite()),
      ...Array.from({ length: 15 }, () => faults.slow(1_500)),
      ...Array.from({ length: 15 }, () => faults.drop(true)),
      ...Array.from({ length: 25 }, () => faults.drop(false)),
      ...Array.from({ length: 5 }, () => faults.serviceUnavailable()),
    ]);
    expect(plan).toHaveLength(100);
    for (const fault of plan) fake.inject({ method: 'POST', path: feed, fault });
    // Reading the page fails now and then: the publisher must wait, not guess.
    for (let index = 0; index < 8; index++) fake.inject({ method: 'GET', path: `/${PAGE}/published_posts`, fault: faults.unknownError() });
    fake.inject({ method: 'POST', path: /\/comments$/, times: 5, fault: faults.errorAfterWrite() });

    for (let round = 0; round < 60; round++) {
      await f.publisher.runDue();
      // A slow answer's write lands after the client gave up; let the fake finish before time moves on.
      await fake.idle();
      const statuses = await Promise.all(ids.map(async (id) => (await f.postRow(id)).status));
      if (statuses.every((status) => status === 'published')) break;
      f.advance(10 * MINUTE);
    }

    expect(fake.pendingFaults()).toEqual([]);
    const publications = (await Promise.all(ids.map((id) => f.publications(id)))).flat();
    expect(publications).toHaveLength(80);
    const onPage = fake.postsOf(PAGE);
    for (const publication of publications) {
      expect(['published', 'verified_present']).toContain(publication.state);
      const copies = onPage.filter((post) => post.message === publication.message);
      expect(
        copies.map((post) => post.id),
        publication.message,
      ).toEqual([publication.externalPostId]);
    }
    expect(onPage).toHaveLength(80);
    for (const id of ids) expect((await f.postRow(id)).status).toBe('published');
    // The lost answers were real: some publications needed more than one request, some were found on the page.
    expect(publications.some((publication) => publication.state === 'verified_present')).toBe(true);
    expect(publications.some((publication) => publication.attempts > 1)).toBe(true);
    // First comments: one each, none doubled by the lost answers.
    const comments = fake.state.comments.filter((comment) => comment.fromId === PAGE);
    for (const publication of publications) {
      expect(comments.filter((comment) => comment.postId === publication.externalPostId)).toHaveLength(1);
    }
  });
});
