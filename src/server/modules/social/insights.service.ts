/**
 * What the insights page reads: a period of the workspace's calendar (7, 28 or 90 days ending
 * yesterday, or two dates) and the period before it of the same length.
 * - Page metrics (followers, reach, impressions, reactions) come from the daily page figures:
 *   followers is a level (the last day's value), the others are summed over the days.
 * - Post metrics (and comments, shares, link clicks, which Meta no longer gives per page and day)
 *   come from the publications published in the period, each with its latest lifetime figures.
 * - The change against the period before is given only when stored figures cover at least half of
 *   that period (a page connected last week has no month before to compare with); a count's change
 *   compares daily averages over the days with a figure — the same as its totals when both periods
 *   are complete, and still fair when a day is missing.
 * - Per campaign: the posts' campaign; per language: the language a per-language post went out in,
 *   `bilingual` for a post carrying several languages at once (one carrying a single language counts
 *   under it).
 */
import type { LocalizedText } from '../../../shared/localized-text.js';
import {
  addDays,
  type CalendarDate,
  calendarDateAt,
  datesBetween,
  subtractDays,
  zonedDateTimeToInstant,
} from '../../../shared/planning/calendar-date.js';
import {
  type CampaignInsight,
  type CampaignInsightList,
  INSIGHT_DEFAULT_DAYS,
  INSIGHT_LANGUAGE_GROUPS,
  INSIGHT_METRIC_SOURCE,
  INSIGHT_METRICS,
  type InsightLanguageGroup,
  type InsightMetric,
  type InsightMetricSummary,
  type InsightRange,
  type InsightsOverview,
  type InsightsQuery,
  isLevelMetric,
  type LanguageInsightList,
  POST_INSIGHT_METRICS,
  type PostInsightValues,
  type TopPostList,
  type TopPostsQuery,
} from '../../../shared/social/insights.schema.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { queueInsightRefresh } from './insights.jobs.js';
import {
  findOwnedChannelIds,
  findPageMetricDays,
  findPeriodPublications,
  findSyncState,
  findWorkspaceChannels,
  type PeriodPublication,
} from './insights.repo.js';

/** A period resolved in the workspace's calendar, with the instants bounding its publications. */
export interface ResolvedPeriod {
  range: InsightRange;
  channelId?: string;
  today: CalendarDate;
  start: Date;
  end: Date;
  previousStart: Date;
}

/** The period asked (dates, or N days ending yesterday) and the one before it. */
export function resolvePeriod(query: Pick<InsightsQuery, 'days' | 'from' | 'to'>, today: CalendarDate, timeZone: string) {
  let from: CalendarDate;
  let to: CalendarDate;
  if (query.from && query.to) {
    from = query.from;
    to = query.to;
  } else {
    to = subtractDays(today, 1);
    from = subtractDays(to, (query.days ?? INSIGHT_DEFAULT_DAYS) - 1);
  }
  const days = datesBetween(from, to).length;
  const previousTo = subtractDays(from, 1);
  const previousFrom = subtractDays(previousTo, days - 1);
  const midnight = (day: CalendarDate) => zonedDateTimeToInstant(day, '00:00', timeZone);
  return {
    range: { from, to, previousFrom, previousTo, days, timeZone },
    start: midnight(from),
    end: midnight(addDays(to, 1)),
    previousStart: midnight(previousFrom),
  };
}

/** The language group of a publication: its language, or its post's only language, or bilingual. */
export function languageGroupOf(publication: Pick<PeriodPublication, 'target' | 'text'>): InsightLanguageGroup {
  const isGroup = (value: string): value is InsightLanguageGroup => (INSIGHT_LANGUAGE_GROUPS as readonly string[]).includes(value);
  if (publication.target !== 'together') return isGroup(publication.target) ? publication.target : 'bilingual';
  const languages = Object.entries(publication.text)
    .filter(([, entry]) => entry?.value.trim())
    .map(([language]) => language);
  return languages.length === 1 && languages[0] && isGroup(languages[0]) ? languages[0] : 'bilingual';
}

/** Sums the publications' figures per metric; a metric none of them has is absent. */
export function sumValues(publications: Array<Pick<PeriodPublication, 'values'>>): PostInsightValues {
  const sums: PostInsightValues = {};
  for (const publication of publications) {
    for (const metric of POST_INSIGHT_METRICS) {
      const value = publication.values[metric];
      if (value !== undefined) sums[metric] = (sums[metric] ?? 0) + value;
    }
  }
  return sums;
}

/** A period's figure of a page metric from its days: a level's last known value, a count's sum. */
export function periodTotal(metric: InsightMetric, values: Array<number | null>): number | null {
  const known = values.filter((value): value is number => value !== null);
  if (known.length === 0) return null;
  return isLevelMetric(metric) ? (known.at(-1) ?? null) : known.reduce((sum, value) => sum + value, 0);
}

export function changeOf(total: number | null, previous: number | null): number | null {
  if (total === null || previous === null || previous === 0) return null;
  return (total - previous) / previous;
}

/** What a period's figure is compared on: a level's last value, a count's average per day with a figure. */
export function comparableOf(metric: InsightMetric, values: Array<number | null>): number | null {
  const total = periodTotal(metric, values);
  if (total === null || isLevelMetric(metric)) return total;
  return total / values.filter((value) => value !== null).length;
}

/** Whether the period before is covered enough by stored days (at least half) to be compared with. */
export function isComparable(previousDays: CalendarDate[], storedDays: Set<CalendarDate>): boolean {
  return previousDays.filter((day) => storedDays.has(day)).length * 2 >= previousDays.length;
}

function languagesOfPublication(publication: PeriodPublication): LocalizedText {
  if (publication.target === 'together') return publication.text;
  const entry = publication.text[publication.target as keyof LocalizedText];
  return entry ? { [publication.target]: entry } : publication.text;
}

export function createInsightsService(platform: Platform) {
  const db = platform.database.db;

  async function periodOf(ctx: ServiceContext, query: Pick<InsightsQuery, 'days' | 'from' | 'to' | 'channelId'>): Promise<ResolvedPeriod> {
    const workspaceId = ctx.membership.workspaceId;
    const workspace = await findWorkspaceById(db, workspaceId);
    if (!workspace) throw new AppError('NOT_FOUND');
    if (query.channelId && !(await findOwnedChannelIds(db, workspaceId, [query.channelId])).has(query.channelId)) {
      throw new AppError('VALIDATION_FAILED', { fields: { channelId: 'UNKNOWN_CHANNEL' } });
    }
    const today = calendarDateAt(new Date(), workspace.timeZone);
    return { ...resolvePeriod(query, today, workspace.timeZone), channelId: query.channelId, today };
  }

  function publicationsOf(ctx: ServiceContext, period: ResolvedPeriod, which: 'current' | 'previous' = 'current') {
    return findPeriodPublications(db, {
      workspaceId: ctx.membership.workspaceId,
      channelId: period.channelId,
      start: which === 'current' ? period.start : period.previousStart,
      end: which === 'current' ? period.end : period.start,
    });
  }

  return {
    async overview(ctx: ServiceContext, query: InsightsQuery): Promise<InsightsOverview> {
      const workspaceId = ctx.membership.workspaceId;
      const period = await periodOf(ctx, query);
      const { range } = period;
      const [channels, days, current, previous, sync] = await Promise.all([
        findWorkspaceChannels(db, workspaceId),
        findPageMetricDays(db, { workspaceId, channelId: period.channelId, from: range.previousFrom, to: range.to }),
        publicationsOf(ctx, period),
        publicationsOf(ctx, period, 'previous'),
        findSyncState(db, { workspaceId, channelId: period.channelId, recentSince: subtractDays(period.today, 10) }),
      ]);
      const byMetric = new Map<string, Map<CalendarDate, number>>();
      for (const row of days) {
        const values = byMetric.get(row.metric) ?? new Map<CalendarDate, number>();
        values.set(row.day, row.value);
        byMetric.set(row.metric, values);
      }
      const currentDays = datesBetween(range.from, range.to);
      const previousDays = datesBetween(range.previousFrom, range.previousTo);
      const comparable = isComparable(previousDays, new Set(days.map((row) => row.day)));
      const currentSums = sumValues(current);
      const previousSums = sumValues(previous);
      const metrics = INSIGHT_METRICS.map((metric): InsightMetricSummary => {
        const source = INSIGHT_METRIC_SOURCE[metric];
        if (source === 'posts') {
          const postMetric = metric as keyof PostInsightValues;
          const total = currentSums[postMetric] ?? null;
          const before = previousSums[postMetric] ?? null;
          return { metric, source, total, previous: before, change: comparable ? changeOf(total, before) : null, series: [] };
        }
        const values = byMetric.get(metric);
        const series = currentDays.map((day) => ({ day, value: values?.get(day) ?? null }));
        const currentValues = series.map((point) => point.value);
        const previousValues = previousDays.map((day) => values?.get(day) ?? null);
        const change = comparable ? changeOf(comparableOf(metric, currentValues), comparableOf(metric, previousValues)) : null;
        return { metric, source, total: periodTotal(metric, currentValues), previous: periodTotal(metric, previousValues), change, series };
      });
      return {
        range,
        channels,
        hasData: sync.hasData,
        lastSyncedAt: sync.lastSyncedAt?.toISOString() ?? null,
        publications: current.length,
        metrics,
      } as InsightsOverview;
    },

    async campaigns(ctx: ServiceContext, query: InsightsQuery): Promise<CampaignInsightList> {
      const period = await periodOf(ctx, query);
      const groups = new Map<string, PeriodPublication[]>();
      for (const publication of await publicationsOf(ctx, period)) {
        const key = publication.campaignId ?? '';
        groups.set(key, [...(groups.get(key) ?? []), publication]);
      }
      const items = [...groups.entries()].map(
        ([key, publications]): CampaignInsight => ({
          campaignId: key || null,
          title: (publications[0]?.campaignTitle as CampaignInsight['title']) ?? null,
          publications: publications.length,
          values: sumValues(publications),
        }),
      );
      // Campaigns by reach, the posts of no campaign last.
      items.sort(
        (a, b) =>
          Number(a.campaignId === null) - Number(b.campaignId === null) ||
          (b.values.reach ?? -1) - (a.values.reach ?? -1) ||
          b.publications - a.publications,
      );
      return { range: period.range, items };
    },

    async languages(ctx: ServiceContext, query: InsightsQuery): Promise<LanguageInsightList> {
      const period = await periodOf(ctx, query);
      const groups = new Map<InsightLanguageGroup, PeriodPublication[]>();
      for (const publication of await publicationsOf(ctx, period)) {
        const group = languageGroupOf(publication);
        groups.set(group, [...(groups.get(group) ?? []), publication]);
      }
      const items = INSIGHT_LANGUAGE_GROUPS.filter((group) => groups.has(group)).map((group) => {
        const publications = groups.get(group) ?? [];
        return { group, publications: publications.length, values: sumValues(publications) };
      });
      return { range: period.range, items };
    },

    async topPosts(ctx: ServiceContext, query: TopPostsQuery): Promise<TopPostList> {
      const period = await periodOf(ctx, query);
      const publications = await publicationsOf(ctx, period);
      const ranked = [...publications].sort(
        (a, b) =>
          (b.values[query.sort] ?? -1) - (a.values[query.sort] ?? -1) ||
          b.publishedAt.getTime() - a.publishedAt.getTime() ||
          a.id.localeCompare(b.id),
      );
      const items = ranked.slice(0, query.limit).map((publication) => ({
        publicationId: publication.id,
        postId: publication.postId,
        group: languageGroupOf(publication),
        text: languagesOfPublication(publication) as TopPostList['items'][number]['text'],
        publishedAt: publication.publishedAt.toISOString(),
        permalinkUrl: publication.permalinkUrl,
        campaignId: publication.campaignId,
        values: sumValues([publication]),
      }));
      return { range: period.range, items };
    },

    async refresh(ctx: ServiceContext, input: { channelId?: string }) {
      const workspaceId = ctx.membership.workspaceId;
      if (input.channelId && !(await findOwnedChannelIds(db, workspaceId, [input.channelId])).has(input.channelId)) {
        throw new AppError('VALIDATION_FAILED', { fields: { channelId: 'UNKNOWN_CHANNEL' } });
      }
      return { queued: await queueInsightRefresh(platform, { workspaceId, channelId: input.channelId }) };
    },
  };
}
