/**
 * The demo's posts: the sandbox page's month recorded as published posts with their ledger rows, a
 * month ahead scheduled in Arabic and French within Facebook's limits, queue slots, posts still in
 * the workflow, on the calendar; once only; and the first scheduled one really goes out to the page.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublisher } from '../../src/server/modules/social/publisher.js';
import { seedSocialPostsDemo } from '../../src/server/modules/social/social.seed.js';
import { socialPosts, socialPublications, socialQueueSlots } from '../../src/server/modules/social/social.tables.js';
import type { LocalizedText } from '../../src/shared/localized-text.js';
import { characterIssues } from '../../src/shared/social/posts.schema.js';
import { FakeGraphApi } from '../fakes/graph-api/index.js';
import { createPostsFixture, type PostsFixture } from '../helpers/social-posts-fixture.js';

const PAGE = '20001';
const DAY = 86_400_000;
let fake: FakeGraphApi;
let f: PostsFixture;
const now = new Date();

beforeAll(async () => {
  fake = await new FakeGraphApi().start();
  fake.seed(PAGE, { days: 30 });
  f = await createPostsFixture({
    channelToken: fake.issuePageToken(PAGE),
    env: { FACEBOOK_GRAPH_URL: fake.url, FACEBOOK_DIALOG_URL: fake.url, FACEBOOK_APP_ID: fake.appId, FACEBOOK_APP_SECRET: fake.appSecret },
  });
});
afterAll(async () => {
  await f.t.close();
  await fake.stop();
});

describe('the demo’s posts', () => {
  it('records the page’s month, schedules the next one, and runs once', async () => {
    const count = await seedSocialPostsDemo(f.t.platform, f.workspaceId, f.channelId, now);
    expect(await seedSocialPostsDemo(f.t.platform, f.workspaceId, f.channelId, now)).toBe(0);
    const db = f.t.platform.database.db;
    const posts = await db.select().from(socialPosts).where(eq(socialPosts.workspaceId, f.workspaceId));
    expect(posts).toHaveLength(count);

    const onPage = fake.postsOf(PAGE);
    const published = posts.filter((post) => post.status === 'published');
    expect(published).toHaveLength(onPage.length);
    const ledger = await db.select().from(socialPublications).where(eq(socialPublications.channelId, f.channelId));
    expect(ledger.map((row) => row.externalPostId).sort()).toEqual(onPage.map((post) => post.id).sort());
    for (const post of published) expect(post.publishedAt?.getTime()).toBeLessThan(now.getTime());

    const scheduled = posts.filter((post) => post.status === 'scheduled');
    expect(scheduled.length).toBeGreaterThanOrEqual(8);
    for (const post of scheduled) {
      const at = post.scheduledAt?.getTime() ?? 0;
      expect(at).toBeGreaterThan(now.getTime());
      expect(at).toBeLessThan(now.getTime() + 31 * DAY);
      const text = post.text as LocalizedText;
      expect(text.ar?.value).toMatch(/[\u0600-\u06FF]/);
      expect(text.fr?.value).toMatch(/[a-zé]/);
      expect(characterIssues({ languageMode: post.languageMode as 'together', text, hashtags: post.hashtags }, ['ar', 'fr'])).toEqual([]);
    }
    expect(new Set(scheduled.map((post) => post.languageMode))).toEqual(new Set(['together', 'per_language']));
    expect(scheduled.some((post) => post.linkUrl)).toBe(true);

    const api = (await f.t.request(f.viewer, { method: 'GET', url: f.postsUrl('?limit=100') })).json();
    const statuses = new Set(api.items.map((post: { status: string }) => post.status));
    for (const status of ['published', 'scheduled', 'in_review', 'approved', 'draft']) expect(statuses).toContain(status);
    expect(await db.select().from(socialQueueSlots).where(eq(socialQueueSlots.channelId, f.channelId))).toHaveLength(3);

    const from = new Date(now.getTime() - 31 * DAY).toISOString().slice(0, 10);
    const to = new Date(now.getTime() + 31 * DAY).toISOString().slice(0, 10);
    const calendar = (
      await f.t.request(f.viewer, {
        method: 'GET',
        url: `/api/workspaces/${f.workspaceId}/calendar?from=${from}&to=${to}&kinds=social-post`,
      })
    ).json();
    expect(calendar.entries).toHaveLength(published.length + scheduled.length);
  });

  it('publishes the first scheduled post to the sandbox page when its time comes', async () => {
    const before = fake.postsOf(PAGE).length;
    const publisher = createPublisher(f.t.platform, { now: () => new Date(now.getTime() + 2 * DAY) });
    const report = await publisher.runDue();
    expect(report.published).toBe(1);
    expect(fake.postsOf(PAGE)).toHaveLength(before + 1);
    expect(fake.postsOf(PAGE).at(-1)?.message).toContain('ينطلق منتدى الاقتصاد الاجتماعي والتضامني في الدار البيضاء');
  });
});
