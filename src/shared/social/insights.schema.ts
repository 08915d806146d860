/**
 * API shapes of social insights (page and post figures stored daily): one zod schema per request and
 * answer, shared by the routes, the OpenAPI document and the insights page (STYLE G3).
 */
import { z } from 'zod';
import { CONTENT_LANGUAGES } from '../languages.js';
import { calendarDateSchema, daysBetween } from '../planning/calendar-date.js';
import { SOCIAL_CHANNEL_STATUSES } from './channels-api.schema.js';

/** Tawasul's own metric names (the server's `SOCIAL_METRICS`; a network's names are mapped by its channel). */
export const INSIGHT_METRICS = ['followers', 'reach', 'impressions', 'reactions', 'comments', 'shares', 'link_clicks'] as const;
export type InsightMetric = (typeof INSIGHT_METRICS)[number];

/** Figures of a post (lifetime): every metric but the page's followers. */
export const POST_INSIGHT_METRICS = ['reach', 'impressions', 'reactions', 'comments', 'shares', 'link_clicks'] as const;
export type PostInsightMetric = (typeof POST_INSIGHT_METRICS)[number];

/**
 * Where a metric's figure for a period comes from: the page's daily figures (followers, reach,
 * impressions, reactions), or the posts published in the period (comments, shares and link clicks
 * have no daily page figure at Meta any more).
 */
export const INSIGHT_METRIC_SOURCE: Record<InsightMetric, 'page' | 'posts'> = {
  followers: 'page',
  reach: 'page',
  impressions: 'page',
  reactions: 'page',
  comments: 'posts',
  shares: 'posts',
  link_clicks: 'posts',
};

/** A level is read at the end of a period (followers); a count is summed over its days. */
export function isLevelMetric(metric: InsightMetric): boolean {
  return metric === 'followers';
}

/** The periods the page offers, in days ending yesterday. */
export const INSIGHT_RANGE_DAYS = [7, 28, 90] as const;
export const INSIGHT_DEFAULT_DAYS = 28;
/** The longest period asked by dates (a year, leap day included). */
export const INSIGHT_MAX_DAYS = 366;

/** A post's figures are grouped by the language it went out in; a post carrying every language at once is `bilingual`. */
export const INSIGHT_LANGUAGE_GROUPS = [...CONTENT_LANGUAGES, 'bilingual'] as const;
export type InsightLanguageGroup = (typeof INSIGHT_LANGUAGE_GROUPS)[number];

const periodFields = {
  /** A period of N days ending yesterday in the workspace's calendar (ignored when `from` and `to` are given). */
  days: z.coerce
    .number()
    .int()
    .refine((value) => (INSIGHT_RANGE_DAYS as readonly number[]).includes(value), { message: 'INVALID_VALUE' })
    .optional(),
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
  channelId: z.string().uuid().optional(),
  lang: z.string().optional(),
};

function refinePeriod(query: { from?: string; to?: string }, context: z.RefinementCtx) {
  if ((query.from === undefined) !== (query.to === undefined)) {
    context.addIssue({ code: 'custom', path: [query.from ? 'to' : 'from'], message: 'REQUIRED' });
    return;
  }
  if (query.from && query.to) {
    const span = daysBetween(query.from, query.to) + 1;
    if (span < 1) context.addIssue({ code: 'custom', path: ['to'], message: 'DATE_RANGE_REVERSED' });
    else if (span > INSIGHT_MAX_DAYS) context.addIssue({ code: 'custom', path: ['to'], message: 'DATE_RANGE_TOO_LONG' });
  }
}

export const InsightsQuerySchema = z.strictObject(periodFields).superRefine(refinePeriod);
export type InsightsQuery = z.infer<typeof InsightsQuerySchema>;

export const TopPostsQuerySchema = z
  .strictObject({
    ...periodFields,
    sort: z.enum(POST_INSIGHT_METRICS).default('reach'),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .superRefine(refinePeriod);
export type TopPostsQuery = z.infer<typeof TopPostsQuerySchema>;

/** The period read and the one before it, of the same length, as calendar dates of the workspace. */
export const InsightRangeSchema = z.object({
  from: z.string(),
  to: z.string(),
  previousFrom: z.string(),
  previousTo: z.string(),
  days: z.number().int(),
  timeZone: z.string(),
});
export type InsightRange = z.infer<typeof InsightRangeSchema>;

export const InsightPointSchema = z.object({ day: z.string(), value: z.number().nullable() });
export type InsightPoint = z.infer<typeof InsightPointSchema>;

export const InsightMetricSummarySchema = z.object({
  metric: z.enum(INSIGHT_METRICS),
  source: z.enum(['page', 'posts']),
  /** The period's figure (a level's last value, a count's sum); null when nothing was read for it. */
  total: z.number().nullable(),
  previous: z.number().nullable(),
  /** (total − previous) / previous; null when either is unknown or the previous is zero. */
  change: z.number().nullable(),
  /** One point per day of the period for page metrics (null: no figure that day); empty for post metrics. */
  series: z.array(InsightPointSchema),
});
export type InsightMetricSummary = z.infer<typeof InsightMetricSummarySchema>;

export const InsightChannelSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  status: z.enum(SOCIAL_CHANNEL_STATUSES),
  sandbox: z.boolean(),
});

export const InsightsOverviewSchema = z.object({
  range: InsightRangeSchema,
  channels: z.array(InsightChannelSchema),
  /** Whether any figure was ever stored for these channels (the page's empty state otherwise). */
  hasData: z.boolean(),
  /** The last time figures were read from the network. */
  lastSyncedAt: z.string().nullable(),
  /** Publications (posts on the page) published in the period. */
  publications: z.number().int(),
  metrics: z.array(InsightMetricSummarySchema),
});
export type InsightsOverview = z.infer<typeof InsightsOverviewSchema>;

const PostValuesSchema = z.partialRecord(z.enum(POST_INSIGHT_METRICS), z.number());
export type PostInsightValues = z.infer<typeof PostValuesSchema>;

const LocalizedOut = z.partialRecord(z.enum(CONTENT_LANGUAGES), z.object({ value: z.string(), status: z.string() }));

export const CampaignInsightSchema = z.object({
  /** null: posts linked to no campaign. */
  campaignId: z.string().uuid().nullable(),
  title: LocalizedOut.nullable(),
  publications: z.number().int(),
  /** Sums of the publications' latest figures; a metric never read for any of them is absent. */
  values: PostValuesSchema,
});
export type CampaignInsight = z.infer<typeof CampaignInsightSchema>;

export const CampaignInsightListSchema = z.object({ range: InsightRangeSchema, items: z.array(CampaignInsightSchema) });
export type CampaignInsightList = z.infer<typeof CampaignInsightListSchema>;

export const LanguageInsightSchema = z.object({
  group: z.enum(INSIGHT_LANGUAGE_GROUPS),
  publications: z.number().int(),
  values: PostValuesSchema,
});
export type LanguageInsight = z.infer<typeof LanguageInsightSchema>;

export const LanguageInsightListSchema = z.object({ range: InsightRangeSchema, items: z.array(LanguageInsightSchema) });
export type LanguageInsightList = z.infer<typeof LanguageInsightListSchema>;

export const TopPostSchema = z.object({
  publicationId: z.string().uuid(),
  postId: z.string().uuid(),
  group: z.enum(INSIGHT_LANGUAGE_GROUPS),
  /** The post's text in the languages this publication carried (one for a per-language post). */
  text: LocalizedOut,
  publishedAt: z.string(),
  permalinkUrl: z.string().nullable(),
  campaignId: z.string().uuid().nullable(),
  values: PostValuesSchema,
});
export type TopPost = z.infer<typeof TopPostSchema>;

export const TopPostListSchema = z.object({ range: InsightRangeSchema, items: z.array(TopPostSchema) });
export type TopPostList = z.infer<typeof TopPostListSchema>;

export const InsightsRefreshSchema = z.strictObject({ channelId: z.string().uuid().optional() });
export const InsightsRefreshAnswerSchema = z.object({
  /** Channels whose figures will be read again now (connected ones). */
  queued: z.number().int(),
});
export type InsightsRefreshAnswer = z.infer<typeof InsightsRefreshAnswerSchema>;
