/**
 * The insights sync against the fake Graph API through the app's own Facebook channel: the first run
 * reads the last 28 days and the posts of the last 28 days; a second run changes nothing and reads
 * from two days before the last stored day; a metric Meta stops answering keeps its history; a
 * throttled page is read again later; an expired token marks the page for reconnection.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FacebookChannel } from '../../src/server/modules/social/channels/facebook/facebook-channel.js';
import { runInsightSync, SYNC_INSIGHTS_JOB } from '../../src/server/modules/social/insights.jobs.js';
import { findPeriodPublications } from '../../src/server/modules/social/insights.repo.js';
import { syncChannelInsights } from '../../src/server/modules/social/insights-sync.js';
import { socialPageMetrics, socialPostMetrics } from '../../src/server/modules/social/social.tables.js';
import { notifications } from '../../src/server/platform/notifications/notifications.tables.js';
import { faults } from '../fakes/graph-api/index.js';
import {
  channelRow,
  createInsightsFixture,
  DAY_MS,
  fakePageValue,
  fakePostValues,
  type InsightsFixture,
  PAGE,
  recordPost,
  remotePostsSince,
} from '../helpers/social-insights-fixture.js';

let f: InsightsFixture;
const publicationOf = new Map<string, string>();

beforeAll(async () => {
  f = await createInsightsFixture({ days: 30 });
  for (const remote of remotePostsSince(f, f.day(-30))) {
    const { publicationIds } = await recordPost(f, { mode: 'together', remote: [remote], languages: ['ar', 'fr'] });
    publicationOf.set(remote.id, publicationIds[0] ?? '');
  }
});
afterAll(() => f.stop());

const db = () => f.t.platform.database.db;
const pageRows = () =>
  db()
    .select({ day: socialPageMetrics.day, metric: socialPageMetrics.metric, value: socialPageMetrics.value })
    .from(socialPageMetrics)
    .where(eq(socialPageMetrics.channelId, f.channelId))
    .orderBy(asc(socialPageMetrics.day), asc(socialPageMetrics.metric));
const postRows = () =>
  db()
    .select({
      publicationId: socialPostMetrics.publicationId,
      capturedOn: socialPostMetrics.capturedOn,
      metric: socialPostMetrics.metric,
      value: socialPostMetrics.value,
    })
    .from(socialPostMetrics)
    .where(eq(socialPostMetrics.workspaceId, f.workspaceId))
    .orderBy(asc(socialPostMetrics.publicationId), asc(socialPostMetrics.capturedOn), asc(socialPostMetrics.metric));
const insightCalls = () => f.fake.requests.filter((call) => call.path === `/${PAGE}/insights`);

describe('the first sync', () => {
  it('reads the last 28 days of page figures and the posts published in the last 28 days, as Meta holds them', async () => {
    const report = await syncChannelInsights(f.t.platform, f.channelId, { now: f.now });
    expect(report).toMatchObject({ outcome: 'done', postsGone: 0 });

    const rows = await pageRows();
    const days = [...new Set(rows.map((row) => row.day))];
    expect(days).toEqual(Array.from({ length: 28 }, (_, index) => f.day(index - 28)));
    expect(new Set(rows.map((row) => row.metric))).toEqual(new Set(['followers', 'reach', 'impressions', 'reactions']));
    for (const row of rows) expect(row.value, `${row.metric} ${row.day}`).toBe(fakePageValue(f, row.metric, row.day));
    expect(report.pageValues).toBe(rows.length);
    expect(insightCalls()[0]?.params.since).toBe(f.day(-28));

    const recent = f.fake.postsOf(PAGE).filter((post) => post.createdTime >= f.now.getTime() - 28 * DAY_MS);
    const old = f.fake.postsOf(PAGE).filter((post) => post.createdTime < f.now.getTime() - 28 * DAY_MS);
    expect(recent.length).toBeGreaterThan(10);
    expect(old.length).toBeGreaterThan(0);
    expect(report.posts).toBe(recent.length);
    const snapshots = await postRows();
    for (const post of recent) {
      const stored = snapshots.filter((row) => row.publicationId === publicationOf.get(post.id));
      expect(stored.every((row) => row.capturedOn === f.today)).toBe(true);
      expect(Object.fromEntries(stored.map((row) => [row.metric, row.value]))).toEqual(fakePostValues(f, post));
    }
    for (const post of old) expect(snapshots.some((row) => row.publicationId === publicationOf.get(post.id))).toBe(false);
  });

  it('changes nothing when run again, reading from two days before the last stored day', async () => {
    const [pagesBefore, postsBefore] = [await pageRows(), await postRows()];
    const before = insightCalls().length;
    const report = await syncChannelInsights(f.t.platform, f.channelId, { now: f.now });
    expect(report.outcome).toBe('done');
    expect(await pageRows()).toEqual(pagesBefore);
    expect(await postRows()).toEqual(postsBefore);
    const calls = insightCalls().slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.params.since).toBe(f.day(-3));
  });

  it('takes a figure Meta revised for a recent day, without a second row', async () => {
    const follows = f.fake.state.insights[PAGE]?.page_follows ?? {};
    follows[f.day(-2)] = Number(follows[f.day(-2)]) + 7;
    const count = (await pageRows()).length;
    await syncChannelInsights(f.t.platform, f.channelId, { now: f.now });
    const rows = await pageRows();
    expect(rows).toHaveLength(count);
    expect(rows.find((row) => row.day === f.day(-2) && row.metric === 'followers')?.value).toBe(fakePageValue(f, 'followers', f.day(-2)));
  });
});

describe('a metric Meta stops answering', () => {
  it('gets no new figures while its history, and each post’s last figure, stay', async () => {
    const impressionsBefore = (await pageRows()).filter((row) => row.metric === 'impressions');
    expect(impressionsBefore).toHaveLength(28);
    // The next day: Meta has figures for the day just ended, but no longer answers impressions.
    const stored = f.fake.state.insights[PAGE] ?? {};
    for (const [name, value] of [
      ['page_follows', 2999],
      ['page_total_media_view_unique', 640],
      ['page_media_view', 1000],
      ['page_actions_post_reactions_total', { like: 9, love: 3 }],
    ] as const) {
      stored[name] = { ...(stored[name] ?? {}), [f.day(0)]: value };
    }
    f.fake.deprecatedMetrics.add('page_media_view');
    f.fake.deprecatedMetrics.add('post_media_view');
    const tomorrow = new Date(f.now.getTime() + DAY_MS);
    try {
      const report = await syncChannelInsights(f.t.platform, f.channelId, { now: tomorrow });
      expect(report.outcome).toBe('done');
      const rows = await pageRows();
      expect(rows.filter((row) => row.day === f.day(0)).map((row) => row.metric)).toEqual(['followers', 'reach', 'reactions']);
      expect(rows.filter((row) => row.metric === 'impressions')).toEqual(impressionsBefore);

      const fresh = (await postRows()).filter((row) => row.capturedOn === f.day(1));
      expect(fresh.length).toBeGreaterThan(0);
      expect(fresh.some((row) => row.metric === 'impressions')).toBe(false);
      // The post's impressions are still known: the last reading before Meta stopped answering.
      const publications = await findPeriodPublications(db(), {
        workspaceId: f.workspaceId,
        start: new Date(f.now.getTime() - 28 * DAY_MS),
        end: tomorrow,
      });
      expect(publications.length).toBeGreaterThan(10);
      for (const publication of publications) {
        const remote = f.fake.postsOf(PAGE).find((post) => publicationOf.get(post.id) === publication.id);
        expect(publication.values.impressions).toBe(remote ? fakePostValues(f, remote).impressions : -1);
        expect(publication.values.reach).toBe(remote ? fakePostValues(f, remote).reach : -1);
      }
    } finally {
      f.fake.deprecatedMetrics.clear();
    }
  });
});

describe('throttling and an expired token', () => {
  it('reads a throttled page again when Meta says, with the figures read so far kept', async () => {
    // A channel of its own, so the throttling it remembers for the page does not reach the other tests.
    const channel = new FacebookChannel({
      graphUrl: f.fake.url,
      dialogUrl: f.fake.url,
      version: 'v26.0',
      appId: f.fake.appId,
      appSecret: f.fake.appSecret,
      sleep: async () => {},
    });
    f.fake.inject({ path: /^\/\d+_\d+\/insights$/, fault: faults.pageThrottled(12) });
    const before = (await pageRows()).length;
    const summary = await runInsightSync(
      f.t.platform,
      { channelId: f.channelId },
      { now: f.now, resolveChannel: (row) => ({ channel, account: { externalId: row.externalId, accessToken: f.token } }) },
    );
    expect(summary).toMatchObject({ channels: 1, done: 0, retried: 1 });
    expect((await pageRows()).length).toBe(before);
    const queued = await f.t.platform.database.executeSql(
      `select data, start_after from pgboss.job where name = $1 and singleton_key = $2 and state = 'created'`,
      [SYNC_INSIGHTS_JOB, `retry:${f.channelId}`],
    );
    expect(queued.rows).toHaveLength(1);
    expect(queued.rows[0]?.data).toEqual({ channelId: f.channelId, attempt: 1 });
    const startAfter = new Date(String(queued.rows[0]?.start_after)).getTime();
    expect(startAfter).toBeGreaterThanOrEqual(f.now.getTime() + 11 * 60_000);
  });

  it('marks the page for reconnection on an expired token, tells the admins, keeps the history, and skips the page after', async () => {
    const [pagesBefore, postsBefore] = [await pageRows(), await postRows()];
    f.fake.invalidateToken(f.token, 463);
    const report = await syncChannelInsights(f.t.platform, f.channelId, { now: f.now });
    expect(report.outcome).toBe('needs-reconnection');
    expect(await channelRow(f)).toMatchObject({ status: 'needs_reconnection', statusReason: 'token-expired' });
    const told = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, f.admin.userId), eq(notifications.kind, 'social-channel-needs-reconnection')));
    expect(told).toHaveLength(1);
    expect(await pageRows()).toEqual(pagesBefore);
    expect(await postRows()).toEqual(postsBefore);

    const calls = f.fake.requests.length;
    expect((await syncChannelInsights(f.t.platform, f.channelId, { now: f.now })).outcome).toBe('skipped');
    expect(await runInsightSync(f.t.platform, { workspaceId: f.workspaceId }, { now: f.now })).toMatchObject({ channels: 0 });
    expect(f.fake.requests.length).toBe(calls);
    const [count] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(eq(notifications.kind, 'social-channel-needs-reconnection'));
    expect(count?.n).toBe(1);
  });
});
