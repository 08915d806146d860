/**
 * The insights routes on figures synced from the fake Graph API: page trends with the period before,
 * sums per campaign and per language, top posts — every expected number computed from what the fake
 * holds — and who may read them, the checks on the period, the empty state, and "refresh now"
 * through the job queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_INSIGHTS_JOB } from '../../src/server/modules/social/insights.jobs.js';
import { syncChannelInsights } from '../../src/server/modules/social/insights-sync.js';
import type { FakePost } from '../fakes/graph-api/state.js';
import {
  createInsightsFixture,
  DAY_MS,
  fakePageValue,
  fakePostValues,
  type InsightsFixture,
  makeCampaign,
  recordPost,
  remotePostsSince,
} from '../helpers/social-insights-fixture.js';

interface Expected {
  publicationId: string;
  remote: FakePost;
  group: string;
  campaignId: string | null;
}

let f: InsightsFixture;
const published: Expected[] = [];
let campaignA = '';
let campaignB = '';

beforeAll(async () => {
  f = await createInsightsFixture({ days: 30 });
  campaignA = await makeCampaign(f, 'Forum de Sfax', 'منتدى صفاقس');
  campaignB = await makeCampaign(f, 'Lettre d’information', 'النشرة الإخبارية');
  const remotes = remotePostsSince(f, f.day(-30));
  for (let index = 0; index < remotes.length; index += 1) {
    const campaignId = [campaignA, campaignB, null][index % 3] ?? null;
    const first = remotes[index] as FakePost;
    const second = remotes[index + 1];
    if (index % 5 === 0 && second) {
      const { publicationIds } = await recordPost(f, {
        mode: 'per_language',
        remote: [first, second],
        languages: ['ar', 'fr'],
        campaignId,
      });
      published.push({ publicationId: publicationIds[0] ?? '', remote: first, group: 'ar', campaignId });
      published.push({ publicationId: publicationIds[1] ?? '', remote: second, group: 'fr', campaignId });
      index += 1;
      continue;
    }
    const languages: Array<'ar' | 'fr'> = index % 7 === 3 ? ['fr'] : ['ar', 'fr'];
    const { publicationIds } = await recordPost(f, { mode: 'together', remote: [first], languages, campaignId });
    published.push({
      publicationId: publicationIds[0] ?? '',
      remote: first,
      group: languages.length === 1 ? 'fr' : 'bilingual',
      campaignId,
    });
  }
  expect((await syncChannelInsights(f.t.platform, f.channelId, { now: f.now })).outcome).toBe('done');
});
afterAll(() => f.stop());

const FROM = -20;
const TO = -1;
const range = () => `from=${f.day(FROM)}&to=${f.day(TO)}`;
const url = (suffix: string, query = range()) => `/api/workspaces/${f.workspaceId}/social/insights${suffix}?${query}`;

/** Publications published in [from, to] (UTC days). */
function inPeriod(from: number, to: number): Expected[] {
  const start = Date.parse(`${f.day(from)}T00:00:00Z`);
  const end = Date.parse(`${f.day(to + 1)}T00:00:00Z`);
  return published.filter((entry) => entry.remote.createdTime >= start && entry.remote.createdTime < end);
}

/** What the sync read: the posts of the last 28 days have figures, older ones none. */
function valuesOf(entry: Expected): Record<string, number> {
  return entry.remote.createdTime >= f.now.getTime() - 28 * DAY_MS ? fakePostValues(f, entry.remote) : {};
}

function sums(entries: Expected[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const entry of entries) for (const [metric, value] of Object.entries(valuesOf(entry))) total[metric] = (total[metric] ?? 0) + value;
  return total;
}

/** A stored page figure: the sync read the last 28 days. */
function storedPageValue(metric: string, offset: number): number | undefined {
  return offset >= -28 ? fakePageValue(f, metric, f.day(offset)) : undefined;
}

describe('page trends', () => {
  const overview = async (from: number, to: number) => {
    const response = await f.t.request(f.viewer, { method: 'GET', url: url('', `from=${f.day(from)}&to=${f.day(to)}`) });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    return { body, metric: (name: string) => body.metrics.find((entry: { metric: string }) => entry.metric === name) };
  };
  const offsets = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);
  const sum = (metric: string, days: number[]) => days.reduce((total, offset) => total + (storedPageValue(metric, offset) ?? 0), 0);

  it('gives each page metric’s daily series, its total and its change against the days before', async () => {
    const { body, metric } = await overview(-10, -1);
    expect(body.range).toMatchObject({ from: f.day(-10), to: f.day(-1), previousFrom: f.day(-20), previousTo: f.day(-11), days: 10 });
    expect(body.hasData).toBe(true);
    expect(body.channels).toEqual([expect.objectContaining({ id: f.channelId, status: 'connected' })]);
    const days = offsets(-10, -1);
    const reach = metric('reach');
    expect(reach.series).toEqual(days.map((offset) => ({ day: f.day(offset), value: fakePageValue(f, 'reach', f.day(offset)) })));
    const reachTotal = sum('reach', days);
    const reachBefore = sum('reach', offsets(-20, -11));
    expect(reach).toMatchObject({ source: 'page', total: reachTotal, previous: reachBefore });
    expect(reach.change).toBeCloseTo((reachTotal - reachBefore) / reachBefore, 10);

    const followers = metric('followers');
    const [last, before] = [fakePageValue(f, 'followers', f.day(-1)) ?? 0, fakePageValue(f, 'followers', f.day(-11)) ?? 0];
    expect(followers).toMatchObject({ total: last, previous: before });
    expect(followers.change).toBeCloseTo((last - before) / before, 10);

    const inRange = inPeriod(-10, -1);
    const previous = inPeriod(-20, -11);
    expect(body.publications).toBe(inRange.length);
    for (const name of ['comments', 'shares', 'link_clicks']) {
      const [total, earlier] = [sums(inRange)[name] ?? 0, sums(previous)[name] ?? 0];
      expect(metric(name), name).toMatchObject({ source: 'posts', total, previous: earlier, series: [] });
      expect(metric(name).change).toBeCloseTo((total - earlier) / earlier, 10);
    }
  });

  it('compares with nothing when stored figures cover less than half of the period before', async () => {
    // 20 days: the 20 before start 40 days back, and the first sync stored 28 days.
    const { body, metric } = await overview(FROM, TO);
    expect(metric('reach')).toMatchObject({ total: sum('reach', offsets(FROM, TO)), previous: sum('reach', offsets(-40, -21)) });
    expect(body.metrics.map((entry: { change: number | null }) => entry.change)).toEqual(body.metrics.map(() => null));
  });
});

describe('per campaign, per language, top posts', () => {
  it('sums the figures of each campaign’s posts, the posts of no campaign last', async () => {
    const response = await f.t.request(f.officer, { method: 'GET', url: url('/campaigns') });
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as Array<{ campaignId: string | null; publications: number; values: object; title: unknown }>;
    const inRange = inPeriod(FROM, TO);
    for (const campaignId of [campaignA, campaignB, null]) {
      const expected = inRange.filter((entry) => entry.campaignId === campaignId);
      expect(expected.length).toBeGreaterThan(0);
      const item = items.find((entry) => entry.campaignId === campaignId);
      expect(item, String(campaignId)).toMatchObject({ publications: expected.length, values: sums(expected) });
    }
    expect(items.at(-1)?.campaignId).toBeNull();
    expect(items.find((entry) => entry.campaignId === campaignA)?.title).toMatchObject({
      fr: { value: 'Forum de Sfax' },
      ar: { value: 'منتدى صفاقس' },
    });
  });

  it('sums by the language each post went out in, posts carrying both languages as bilingual', async () => {
    const response = await f.t.request(f.viewer, { method: 'GET', url: url('/languages') });
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as Array<{ group: string; publications: number; values: object }>;
    const inRange = inPeriod(FROM, TO);
    const groups = [...new Set(inRange.map((entry) => entry.group))];
    expect(groups.sort()).toEqual(['ar', 'bilingual', 'fr']);
    expect(items.map((item) => item.group)).toEqual(['ar', 'fr', 'bilingual']);
    for (const group of groups) {
      const expected = inRange.filter((entry) => entry.group === group);
      expect(items.find((item) => item.group === group)).toEqual({ group, publications: expected.length, values: sums(expected) });
    }
  });

  it('ranks the period’s posts by the metric asked', async () => {
    const response = await f.t.request(f.viewer, { method: 'GET', url: url('/top-posts', `${range()}&sort=shares&limit=5`) });
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as Array<{ publicationId: string; values: { shares: number }; group: string; text: object }>;
    const expected = [...inPeriod(FROM, TO)]
      .sort((a, b) => (valuesOf(b).shares ?? -1) - (valuesOf(a).shares ?? -1) || b.remote.createdTime - a.remote.createdTime)
      .slice(0, 5);
    expect(items.map((item) => item.publicationId)).toEqual(expected.map((entry) => entry.publicationId));
    expect(items.map((item) => item.values)).toEqual(expected.map(valuesOf));
    const perLanguage = items.find((item) => item.group === 'ar' || item.group === 'fr');
    if (perLanguage) expect(Object.keys(perLanguage.text)).toEqual([perLanguage.group]);
  });
});

describe('who may read, and the period', () => {
  it('answers members only; another workspace’s page is refused as a filter', async () => {
    expect((await f.t.request(undefined, { method: 'GET', url: url('') })).statusCode).toBe(401);
    expect((await f.t.request(f.outsider, { method: 'GET', url: url('/campaigns') })).statusCode).toBe(404);
    const foreign = await f.t.request(f.viewer, { method: 'GET', url: url('/languages', `${range()}&channelId=${f.otherChannelId}`) });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().fields.channelId.code).toBe('UNKNOWN_CHANNEL');
    const own = await f.t.request(f.viewer, { method: 'GET', url: url('/languages', `${range()}&channelId=${f.channelId}`) });
    expect(own.statusCode).toBe(200);
  });

  it('refuses half a period, a reversed one, one over a year, and an unknown length', async () => {
    const codes = async (query: string) => {
      const response = await f.t.request(f.viewer, { method: 'GET', url: url('', query) });
      expect(response.statusCode, query).toBe(400);
      return Object.fromEntries(
        Object.entries(response.json().fields as Record<string, { code: string }>).map(([key, value]) => [key, value.code]),
      );
    };
    expect(await codes(`from=${f.day(-5)}`)).toEqual({ to: 'REQUIRED' });
    expect(await codes(`from=${f.day(-1)}&to=${f.day(-5)}`)).toEqual({ to: 'DATE_RANGE_REVERSED' });
    expect(await codes(`from=${f.day(-400)}&to=${f.day(-1)}`)).toEqual({ to: 'DATE_RANGE_TOO_LONG' });
    expect(Object.keys(await codes('days=5'))).toEqual(['days']);
    const week = await f.t.request(f.viewer, { method: 'GET', url: url('', 'days=7') });
    expect(week.json().range.days).toBe(7);
  });

  it('shows an empty state for a workspace with no page', async () => {
    const workspace = await f.t.make.workspace();
    const viewer = await f.t.signIn((await f.t.make.member(workspace.id, 'viewer')).email);
    const response = await f.t.request(viewer, { method: 'GET', url: `/api/workspaces/${workspace.id}/social/insights` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ channels: [], hasData: false, lastSyncedAt: null, publications: 0 });
    expect(body.metrics.every((entry: { total: unknown }) => entry.total === null)).toBe(true);
    expect(body.range.days).toBe(28);
  });
});

describe('refresh now', () => {
  it('queues one read of the workspace’s pages however often it is asked, and the queue runs it', async () => {
    const refresh = () =>
      f.t.request(f.viewer, { method: 'POST', url: `/api/workspaces/${f.workspaceId}/social/insights/refresh`, payload: {} });
    const first = await refresh();
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json()).toEqual({ queued: 1 });
    expect((await refresh()).statusCode).toBe(202);
    const jobs = async (state: string) =>
      (
        await f.t.platform.database.executeSql(`select output from pgboss.job where name = $1 and singleton_key = $2 and state = $3`, [
          SYNC_INSIGHTS_JOB,
          `refresh:${f.workspaceId}`,
          state,
        ])
      ).rows;
    expect(await jobs('created')).toHaveLength(1);
    await f.t.platform.jobs.tick();
    expect(await jobs('created')).toHaveLength(0);
    const done = await jobs('completed');
    expect(done).toHaveLength(1);
    expect(done[0]?.output).toMatchObject({ channels: 1, done: 1 });
    const overview = await f.t.request(f.viewer, { method: 'GET', url: url('') });
    expect(Date.parse(overview.json().lastSyncedAt)).toBeGreaterThan(Date.now() - 60_000);
    const foreign = await f.t.request(f.viewer, {
      method: 'POST',
      url: `/api/workspaces/${f.workspaceId}/social/insights/refresh`,
      payload: { channelId: f.otherChannelId },
    });
    expect(foreign.statusCode).toBe(400);
  });
});
