/** Reading page and post insights through the Graph client (the metric names live in facebook-insights.ts). */
import { type ChannelAccount, ChannelError, type DailyMetrics, type SocialMetric } from '../channel.js';
import { type InsightSeries, numberOf, PAGE_METRIC_MAP, POST_METRIC_MAP, toDailyMetrics } from './facebook-insights.js';
import type { GraphClient } from './graph-client.js';

const DAY_MS = 24 * 3600 * 1000;
/** Graph serves at most 90 days of daily insights per call. */
const INSIGHTS_WINDOW_DAYS = 90;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Insight series, asking again metric by metric when Meta refuses one (a retired metric fails the whole call). */
async function insightSeries(
  client: GraphClient,
  account: ChannelAccount,
  objectId: string,
  metrics: string[],
  query: Record<string, string>,
): Promise<InsightSeries[]> {
  const ask = (names: string[]) =>
    client.call<{ data: InsightSeries[] }>({
      method: 'GET',
      path: `${objectId}/insights`,
      token: account.accessToken,
      pageId: account.externalId,
      query: { metric: names.join(','), ...query },
      kind: 'read',
      permission: 'read_insights',
    });
  try {
    return (await ask(metrics)).data;
  } catch (error) {
    if (!(error instanceof ChannelError) || error.kind !== 'invalid-request' || metrics.length === 1) throw error;
  }
  const series: InsightSeries[] = [];
  for (const metric of metrics) {
    try {
      series.push(...(await ask([metric])).data);
    } catch (error) {
      if (!(error instanceof ChannelError) || error.kind !== 'invalid-request') throw error;
    }
  }
  return series;
}

/** Daily page figures from `since` to `until` (inclusive dates), in windows of ninety days. */
export async function readPageMetrics(
  client: GraphClient,
  account: ChannelAccount,
  input: { since: string; until: string },
): Promise<DailyMetrics[]> {
  const rows: DailyMetrics[] = [];
  for (let start = input.since; start <= input.until; start = addDays(start, INSIGHTS_WINDOW_DAYS)) {
    const end = [addDays(start, INSIGHTS_WINDOW_DAYS - 1), input.until].sort()[0] ?? input.until;
    // `until` is exclusive in Graph's daily windows: ask up to the day after.
    const series = await insightSeries(client, account, account.externalId, Object.keys(PAGE_METRIC_MAP), {
      period: 'day',
      since: start,
      until: addDays(end, 1),
    });
    rows.push(...toDailyMetrics(series, start, end));
  }
  return rows;
}

/** A post's lifetime figures; comments and shares come from the post's own fields. */
export async function readPostMetrics(
  client: GraphClient,
  account: ChannelAccount,
  postExternalId: string,
): Promise<Partial<Record<SocialMetric, number>>> {
  const values: Partial<Record<SocialMetric, number>> = {};
  const series = await insightSeries(client, account, postExternalId, Object.keys(POST_METRIC_MAP), { period: 'lifetime' });
  for (const entry of series) {
    const metric = POST_METRIC_MAP[entry.name];
    const value = numberOf(entry.values?.[0]?.value, metric === 'link_clicks' ? 'link clicks' : undefined);
    if (metric && value !== undefined) values[metric] = value;
  }
  const post = await client.call<{ shares?: { count: number }; comments?: { summary?: { total_count?: number } } }>({
    method: 'GET',
    path: postExternalId,
    token: account.accessToken,
    pageId: account.externalId,
    query: { fields: 'shares,comments.summary(true).limit(0)' },
    kind: 'read',
    permission: 'pages_read_engagement',
  });
  // Graph leaves `shares` out of a post nobody shared.
  values.shares = post.shares?.count ?? 0;
  if (post.comments?.summary?.total_count !== undefined) values.comments = post.comments.summary.total_count;
  return values;
}
