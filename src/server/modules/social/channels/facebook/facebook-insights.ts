/**
 * Meta's insight metrics mapped to Tawasul's stable names. Meta renames and retires metrics
 * (impressions became "media views" in 2025, page_fans became page_follows): the mapping lives here
 * only, and a metric Meta stops answering is left absent, never stored as zero.
 */
import type { DailyMetrics, SocialMetric } from '../channel.js';

/** Page metrics, period `day`. Comments, shares and link clicks have no daily page metric any more: they come from posts. */
export const PAGE_METRIC_MAP: Record<string, SocialMetric> = {
  page_follows: 'followers',
  page_total_media_view_unique: 'reach',
  page_media_view: 'impressions',
  page_actions_post_reactions_total: 'reactions',
};

/** Post metrics, period `lifetime`; comments and shares are read from the post's fields. */
export const POST_METRIC_MAP: Record<string, SocialMetric> = {
  post_total_media_view_unique: 'reach',
  post_media_view: 'impressions',
  post_reactions_by_type_total: 'reactions',
  post_clicks_by_type: 'link_clicks',
};

export interface InsightSeries {
  name: string;
  period?: string;
  values?: Array<{ value: unknown; end_time?: string }>;
}

/** A number from a metric value: a count, or a breakdown summed (reactions by type), or one key of it. */
export function numberOf(value: unknown, key?: string): number | undefined {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object') {
    const entries = value as Record<string, unknown>;
    if (key) return typeof entries[key] === 'number' ? (entries[key] as number) : 0;
    return Object.values(entries).reduce<number>((sum, item) => sum + (typeof item === 'number' ? item : 0), 0);
  }
  return undefined;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The day a daily value covers: Graph stamps it with the end of the day (`end_time`, midnight in the
 * page's reporting zone, Pacific time), so the day is the one before.
 */
export function dayOfEndTime(endTime: string): string {
  return new Date(Date.parse(endTime.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')) - DAY_MS).toISOString().slice(0, 10);
}

/** Daily series → one row per day, only the metrics Meta answered. */
export function toDailyMetrics(series: InsightSeries[], since: string, until: string): DailyMetrics[] {
  const byDay = new Map<string, DailyMetrics>();
  for (const entry of series) {
    const metric = PAGE_METRIC_MAP[entry.name];
    if (!metric) continue;
    for (const point of entry.values ?? []) {
      if (!point.end_time) continue;
      const day = dayOfEndTime(point.end_time);
      if (day < since || day > until) continue;
      const value = numberOf(point.value);
      if (value === undefined) continue;
      const row = byDay.get(day) ?? { day, values: {} };
      row.values[metric] = value;
      byDay.set(day, row);
    }
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}
