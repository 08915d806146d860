/** Reading back from the fake: paging, posts in a window, comments, insights, and the usage-header back-off. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { faults } from '../fakes/graph-api/index.js';
import { type GraphFixture, SANDBOX_PAGE_ID, startGraphFixture } from '../helpers/graph-fixture.js';

let g: GraphFixture;
let seededPostIds: string[];
beforeAll(async () => {
  g = await startGraphFixture();
  seededPostIds = g.fake.seed(SANDBOX_PAGE_ID, { days: 30 }).posts.map((post) => post.id);
});
afterAll(() => g.stop());
afterEach(() => {
  g.fake.clearFaults();
  g.fake.usage = { app: 2, page: 3, regainMinutes: 0 };
});

const DAY = 24 * 3600 * 1000;

describe('posts and paging', () => {
  it('finds the posts of a time window, newest first, following next links across pages', async () => {
    const until = new Date();
    const since = new Date(until.getTime() - 31 * DAY);
    const before = g.fake.requests.length;
    const found = await g.channel.findPublished(g.account, { since, until });
    expect(found.map((post) => post.externalId).sort()).toEqual([...seededPostIds].sort());
    expect(found.map((post) => post.createdAt.getTime())).toEqual([...found.map((post) => post.createdAt.getTime())].sort((a, b) => b - a));
    const calls = g.fake.requests.slice(before);
    expect(calls.every((call) => call.path === `/${SANDBOX_PAGE_ID}/published_posts`)).toBe(true);
    // Graph serves at most 100 per page: the fake serves 25 unless asked; the channel asks 100 and follows `next`.
    expect(calls[0]?.params.limit).toBe('100');
  });

  it('pages through more than a hundred posts, and stops reading once the limit is reached', async () => {
    const fixture = await startGraphFixture();
    try {
      for (let n = 0; n < 130; n += 1)
        await fixture.channel.publish(fixture.account, { message: `Publication ${n}`, idempotencyKey: String(n) });
      const all = await fixture.channel.findPublished(fixture.account, {
        since: new Date(Date.now() - DAY),
        until: new Date(Date.now() + 1000),
      });
      expect(all).toHaveLength(130);
      expect(new Set(all.map((post) => post.externalId)).size).toBe(130);
      const pageCalls = fixture.fake.requests.filter((call) => call.path.endsWith('/published_posts'));
      expect(pageCalls.length).toBe(2);
      expect(pageCalls[1]?.params.after).toBeTruthy();
      const before = fixture.fake.requests.length;
      const recent = await fixture.channel.listRecentPosts(fixture.account, { since: new Date(Date.now() - DAY), limit: 10 });
      expect(recent.map((post) => post.message)).toEqual(Array.from({ length: 10 }, (_, i) => `Publication ${129 - i}`));
      expect(fixture.fake.requests.length - before).toBe(1);
    } finally {
      await fixture.stop();
    }
  });

  it('finds only the window asked', async () => {
    const until = new Date(Date.now() - 10 * DAY);
    const found = await g.channel.findPublished(g.account, { since: new Date(until.getTime() - 5 * DAY), until });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((post) => post.createdAt <= until && post.createdAt >= new Date(until.getTime() - 5 * DAY))).toBe(true);
  });
});

describe('comments', () => {
  it('lists comments and replies oldest first, in Arabic and French, telling the page’s own replies apart', async () => {
    const postId = seededPostIds.find((id) => g.fake.state.comments.some((comment) => comment.postId === id && comment.parentId)) ?? '';
    const comments = await g.channel.listComments(g.account, { postExternalId: postId });
    const stored = g.fake.state.comments.filter((comment) => comment.postId === postId);
    expect(comments).toHaveLength(stored.length);
    const reply = comments.find((comment) => comment.parentExternalId);
    expect(reply).toMatchObject({ fromPage: true });
    expect(comments.find((comment) => comment.externalId === reply?.parentExternalId)?.fromPage).toBe(false);
    expect(comments.map((comment) => comment.createdAt.getTime())).toEqual(
      [...comments.map((comment) => comment.createdAt.getTime())].sort((a, b) => a - b),
    );
    const all = g.fake.state.comments.map((comment) => comment.message).join(' ');
    expect(all).toMatch(/[\u0600-\u06FF]/);
    expect(all).toMatch(/[àâçéèêëîïôûùüÿœ’]/);
  });

  it('pages through a long thread, reads only what came after `since`, sees a new comment arrive', async () => {
    const postId = seededPostIds[0] ?? '';
    for (let n = 0; n < 120; n += 1) g.fake.simulateComment(postId, { message: `تعليق رقم ${n}`, fromName: 'سلمى' });
    const all = await g.channel.listComments(g.account, { postExternalId: postId });
    expect(all.filter((comment) => comment.message.startsWith('تعليق رقم'))).toHaveLength(120);
    // Graph's `since` is in whole seconds: leave a clear second between the old thread and the new comment.
    const since = new Date(Date.now() + 5000);
    const latest = g.fake.simulateComment(postId, { message: 'Une nouvelle question ?', fromName: 'Karim' });
    latest.createdTime = since.getTime() + 1000;
    const fresh = await g.channel.listComments(g.account, { postExternalId: postId, since });
    expect(fresh.map((comment) => comment.message)).toEqual(['Une nouvelle question ?']);
  });

  it('replies as the page in Arabic, and hides then shows a comment', async () => {
    const postId = seededPostIds[1] ?? '';
    const target = g.fake.state.comments.find((comment) => comment.postId === postId && !comment.parentId);
    const reply = await g.channel.comment(g.account, { targetExternalId: target?.id ?? '', message: 'شكرًا على سؤالكم، التسجيل مفتوح.' });
    const stored = g.fake.state.comments.find((comment) => comment.id === reply.externalId);
    expect(stored).toMatchObject({ parentId: target?.id, fromId: SANDBOX_PAGE_ID, message: 'شكرًا على سؤالكم، التسجيل مفتوح.' });
    await g.channel.hideComment(g.account, { externalId: target?.id ?? '', hidden: true });
    expect(g.fake.state.comments.find((comment) => comment.id === target?.id)?.isHidden).toBe(true);
    await g.channel.hideComment(g.account, { externalId: target?.id ?? '', hidden: false });
    expect(g.fake.state.comments.find((comment) => comment.id === target?.id)?.isHidden).toBe(false);
  });
});

describe('insights', () => {
  it('reads daily page figures under Tawasul’s names, one row per day asked', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) - offset * DAY).toISOString().slice(0, 10);
    const rows = await g.channel.pageMetrics(g.account, { since: day(7), until: day(1) });
    expect(rows.map((row) => row.day)).toEqual([7, 6, 5, 4, 3, 2, 1].map(day));
    const stored = g.fake.state.insights[SANDBOX_PAGE_ID] ?? {};
    const reactions = stored.page_actions_post_reactions_total?.[day(3)] as Record<string, number>;
    expect(rows[4]?.values).toEqual({
      followers: stored.page_follows?.[day(3)],
      impressions: stored.page_media_view?.[day(3)],
      reach: stored.page_total_media_view_unique?.[day(3)],
      reactions: Object.values(reactions).reduce((sum, value) => sum + value, 0),
    });
    const call = g.fake.requests.findLast((request) => request.path.endsWith('/insights'));
    expect(call?.params).toMatchObject({ period: 'day', since: day(7), until: day(0) });
  });

  it('leaves out a metric Meta retired instead of storing zero, and keeps the others', async () => {
    g.fake.deprecatedMetrics.add('page_media_view');
    try {
      const today = new Date().toISOString().slice(0, 10);
      const rows = await g.channel.pageMetrics(g.account, {
        since: new Date(Date.parse(today) - 3 * DAY).toISOString().slice(0, 10),
        until: today,
      });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => !('impressions' in row.values) && typeof row.values.followers === 'number')).toBe(true);
    } finally {
      g.fake.deprecatedMetrics.clear();
    }
  });

  it('splits a long period into windows of ninety days', async () => {
    const before = g.fake.requests.length;
    await g.channel.pageMetrics(g.account, { since: '2026-01-01', until: '2026-06-30' });
    expect(g.fake.requests.slice(before).map((request) => [request.params.since, request.params.until])).toEqual([
      ['2026-01-01', '2026-04-01'],
      ['2026-04-01', '2026-06-30'],
      ['2026-06-30', '2026-07-01'],
    ]);
  });

  it('reads a post’s lifetime figures, with comments and shares from the post', async () => {
    const post = g.fake.postsOf(SANDBOX_PAGE_ID).find((entry) => entry.shares > 0) ?? g.fake.postsOf(SANDBOX_PAGE_ID)[0];
    const values = await g.channel.postMetrics(g.account, { postExternalId: post?.id ?? '' });
    const clicks = post?.insights.post_clicks_by_type as Record<string, number>;
    expect(values).toEqual({
      impressions: post?.insights.post_media_view,
      reach: post?.insights.post_total_media_view_unique,
      reactions: Object.values(post?.insights.post_reactions_by_type_total as Record<string, number>).reduce((a, b) => a + b, 0),
      link_clicks: clicks['link clicks'],
      shares: post?.shares,
      comments: g.fake.state.comments.filter((comment) => comment.postId === post?.id).length,
    });
  });
});

describe('usage headers', () => {
  it('reports the page’s usage and does not wait while it is low', async () => {
    g.waits.length = 0;
    await g.channel.listRecentPosts(g.account, { since: new Date(0), limit: 1 });
    expect(g.channel.usage(g.account)?.highestPercent).toBe(3);
    await g.channel.listRecentPosts(g.account, { since: new Date(0), limit: 1 });
    expect(g.waits).toEqual([]);
  });

  it('spaces calls above 75 %, more the closer to 100 %', async () => {
    g.waits.length = 0;
    g.fake.usage = { app: 10, page: 80, regainMinutes: 0 };
    await g.channel.listRecentPosts(g.account, { since: new Date(0), limit: 1 });
    await g.channel.listRecentPosts(g.account, { since: new Date(0), limit: 1 });
    g.fake.usage = { app: 10, page: 95, regainMinutes: 0 };
    await g.channel.listRecentPosts(g.account, { since: new Date(0), limit: 1 });
    await g.channel.listRecentPosts(g.account, { since: new Date(0), limit: 1 });
    // Each wait follows the usage the previous answer reported: 80 % → 1.6 s, then 95 % → 6.4 s.
    expect(g.waits).toEqual([1600, 1600, 6400]);
  });

  it('stops at 100 % until the time Meta gives, without calling it', async () => {
    g.fake.usage = { app: 10, page: 100, regainMinutes: 7 };
    await g.channel.listRecentPosts(g.account, { since: new Date(0), limit: 1 });
    const before = g.fake.requests.length;
    await expect(g.channel.listRecentPosts(g.account, { since: new Date(0), limit: 1 })).rejects.toMatchObject({ kind: 'throttled' });
    expect(g.fake.requests.length).toBe(before);
    const usage = g.channel.usage(g.account);
    expect(usage?.highestPercent).toBe(100);
    expect(usage?.resetAfterMs).toBeGreaterThan(6 * 60_000);
    expect(usage?.resetAfterMs).toBeLessThanOrEqual(7 * 60_000);
  });

  it('a page’s own limit stops that page only', async () => {
    const fixture = await startGraphFixture();
    try {
      fixture.fake.inject({ method: 'GET', path: /published_posts$/, fault: faults.businessThrottled(30) });
      await expect(fixture.channel.listRecentPosts(fixture.account, { since: new Date(0), limit: 1 })).rejects.toMatchObject({
        kind: 'throttled',
      });
      await expect(fixture.channel.listRecentPosts(fixture.account, { since: new Date(0), limit: 1 })).rejects.toMatchObject({
        kind: 'throttled',
      });
      const other = { externalId: '20002', accessToken: fixture.fake.issuePageToken('20002') };
      await expect(fixture.channel.listRecentPosts(other, { since: new Date(0), limit: 1 })).resolves.toEqual([]);
    } finally {
      await fixture.stop();
    }
  });

  it('counts the app’s budget (X-App-Usage) for every page', async () => {
    const fixture = await startGraphFixture();
    try {
      fixture.fake.inject({ method: 'GET', path: /published_posts$/, fault: faults.appThrottled() });
      await expect(fixture.channel.listRecentPosts(fixture.account, { since: new Date(0), limit: 1 })).rejects.toMatchObject({
        kind: 'throttled',
      });
      const other = { externalId: '20002', accessToken: fixture.fake.issuePageToken('20002') };
      await expect(fixture.channel.listRecentPosts(other, { since: new Date(0), limit: 1 })).rejects.toMatchObject({ kind: 'throttled' });
    } finally {
      await fixture.stop();
    }
  });
});
