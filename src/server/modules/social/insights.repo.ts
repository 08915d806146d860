/**
 * All SQL of insights (STYLE G5): the sync's upserts and the reads of the insights page. Page figures
 * are read by workspace and day (index `social_page_metric_workspace_day_idx`), a period's posts by
 * workspace and publication time (`social_publication_workspace_published_idx`) and each one's latest
 * figures by its unique (publication, metric, day) index — a year of data reads only its period.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, max, type SQL, sql } from 'drizzle-orm';
import type { LocalizedText } from '../../../shared/localized-text.js';
import type { CalendarDate } from '../../../shared/planning/calendar-date.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { campaigns } from '../planning/campaigns.tables.js';
import { SOCIAL_METRICS, type SocialMetric } from './channels/channel.js';
import { socialChannels, socialPageMetrics, socialPostMetrics, socialPosts, socialPublications } from './social.tables.js';

/** The last day with a stored page figure of the channel, or undefined before the first sync. */
export async function findLastPageMetricDay(db: DbOrTransaction, channelId: string): Promise<CalendarDate | undefined> {
  const [row] = await db
    .select({ day: max(socialPageMetrics.day) })
    .from(socialPageMetrics)
    .where(eq(socialPageMetrics.channelId, channelId));
  return row?.day ?? undefined;
}

/** Writes daily page figures; a day and metric read again gets the new value. */
export async function upsertPageMetrics(
  db: DbOrTransaction,
  input: { workspaceId: string; channelId: string; rows: Array<{ day: CalendarDate; metric: SocialMetric; value: number }> },
): Promise<number> {
  if (input.rows.length === 0) return 0;
  await db
    .insert(socialPageMetrics)
    .values(input.rows.map((row) => ({ workspaceId: input.workspaceId, channelId: input.channelId, ...row })))
    .onConflictDoUpdate({
      target: [socialPageMetrics.channelId, socialPageMetrics.day, socialPageMetrics.metric],
      set: { value: sql`excluded.value`, syncedAt: sql`now()` },
    });
  return input.rows.length;
}

/** Writes a publication's lifetime figures as read on `capturedOn`; a second reading that day replaces the first. */
export async function upsertPostMetrics(
  db: DbOrTransaction,
  input: { workspaceId: string; publicationId: string; capturedOn: CalendarDate; values: Partial<Record<SocialMetric, number>> },
): Promise<number> {
  const rows = Object.entries(input.values)
    .filter((entry): entry is [SocialMetric, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1]))
    .map(([metric, value]) => ({
      workspaceId: input.workspaceId,
      publicationId: input.publicationId,
      capturedOn: input.capturedOn,
      metric,
      value: Math.round(value),
    }));
  if (rows.length === 0) return 0;
  await db
    .insert(socialPostMetrics)
    .values(rows)
    .onConflictDoUpdate({
      target: [socialPostMetrics.publicationId, socialPostMetrics.metric, socialPostMetrics.capturedOn],
      set: { value: sql`excluded.value`, syncedAt: sql`now()` },
    });
  return rows.length;
}

/** The channel's publications on the page published since `since` (those whose figures still move). */
export function findPublicationsToSync(db: DbOrTransaction, channelId: string, since: Date) {
  return db
    .select({ id: socialPublications.id, workspaceId: socialPublications.workspaceId, externalPostId: socialPublications.externalPostId })
    .from(socialPublications)
    .where(
      and(
        eq(socialPublications.channelId, channelId),
        isNotNull(socialPublications.externalPostId),
        gte(socialPublications.publishedAt, since),
      ),
    )
    .orderBy(asc(socialPublications.publishedAt), asc(socialPublications.id));
}

/** Connected pages (of one workspace, or all): the ones the sync reads. */
export async function findConnectedChannelIds(db: DbOrTransaction, workspaceId?: string): Promise<string[]> {
  const rows = await db
    .select({ id: socialChannels.id })
    .from(socialChannels)
    .where(and(eq(socialChannels.status, 'connected'), workspaceId ? eq(socialChannels.workspaceId, workspaceId) : undefined))
    .orderBy(asc(socialChannels.id));
  return rows.map((row) => row.id);
}

/** The workspace's pages, for the period's filter and warnings. */
export function findWorkspaceChannels(db: DbOrTransaction, workspaceId: string) {
  return db
    .select({ id: socialChannels.id, name: socialChannels.name, status: socialChannels.status, sandbox: socialChannels.sandbox })
    .from(socialChannels)
    .where(eq(socialChannels.workspaceId, workspaceId))
    .orderBy(asc(socialChannels.name), asc(socialChannels.id));
}

function pageScope(workspaceId: string, channelId: string | undefined): SQL | undefined {
  return and(eq(socialPageMetrics.workspaceId, workspaceId), channelId ? eq(socialPageMetrics.channelId, channelId) : undefined);
}

/** Daily page figures from `from` to `to`, summed over the channels in scope: one row per day and metric. */
export async function findPageMetricDays(
  db: DbOrTransaction,
  input: { workspaceId: string; channelId?: string; from: CalendarDate; to: CalendarDate },
): Promise<Array<{ day: CalendarDate; metric: string; value: number }>> {
  const rows = await db
    .select({ day: socialPageMetrics.day, metric: socialPageMetrics.metric, value: sql<string>`sum(${socialPageMetrics.value})::float8` })
    .from(socialPageMetrics)
    .where(and(pageScope(input.workspaceId, input.channelId), gte(socialPageMetrics.day, input.from), lte(socialPageMetrics.day, input.to)))
    .groupBy(socialPageMetrics.day, socialPageMetrics.metric)
    .orderBy(asc(socialPageMetrics.day));
  return rows.map((row) => ({ day: row.day, metric: row.metric, value: Number(row.value) }));
}

/** Whether anything was ever stored for the channels in scope, and the latest reading of page figures since `recentSince`. */
export async function findSyncState(
  db: DbOrTransaction,
  input: { workspaceId: string; channelId?: string; recentSince: CalendarDate },
): Promise<{ hasData: boolean; lastSyncedAt: Date | null }> {
  const [any] = await db
    .select({ day: socialPageMetrics.day })
    .from(socialPageMetrics)
    .where(pageScope(input.workspaceId, input.channelId))
    .limit(1);
  const [anyPost] = any
    ? [any]
    : await db
        .select({ day: socialPostMetrics.capturedOn })
        .from(socialPostMetrics)
        .innerJoin(socialPublications, eq(socialPublications.id, socialPostMetrics.publicationId))
        .where(
          and(
            eq(socialPostMetrics.workspaceId, input.workspaceId),
            input.channelId ? eq(socialPublications.channelId, input.channelId) : undefined,
          ),
        )
        .limit(1);
  const [latest] = await db
    .select({ at: max(socialPageMetrics.syncedAt) })
    .from(socialPageMetrics)
    .where(and(pageScope(input.workspaceId, input.channelId), gte(socialPageMetrics.day, input.recentSince)));
  return { hasData: Boolean(any ?? anyPost), lastSyncedAt: latest?.at ?? null };
}

export interface PeriodPublication {
  id: string;
  postId: string;
  target: string;
  message: string;
  permalinkUrl: string | null;
  publishedAt: Date;
  campaignId: string | null;
  campaignTitle: LocalizedText | null;
  text: LocalizedText;
  values: Partial<Record<SocialMetric, number>>;
}

/** The metrics a post has (the page's followers are not a post's). */
const POST_METRICS = SOCIAL_METRICS.filter((metric) => metric !== 'followers');

/**
 * The publications published in [start, end) (instants) on the channels in scope, each with its
 * latest figure of every metric ever read (a metric the network retired keeps its last value). Each
 * latest figure is one backward probe of the (publication, metric, day) index: a year of daily
 * readings costs no more than one.
 */
export function periodPublicationsQuery(db: DbOrTransaction, input: { workspaceId: string; channelId?: string; start: Date; end: Date }) {
  const latest = (metric: SocialMetric) =>
    sql<string | null>`(select ${socialPostMetrics.value} from ${socialPostMetrics}
      where ${socialPostMetrics.publicationId} = ${socialPublications.id} and ${socialPostMetrics.metric} = ${metric}
      order by ${socialPostMetrics.capturedOn} desc limit 1)`;
  return db
    .select({
      id: socialPublications.id,
      postId: socialPublications.postId,
      target: socialPublications.target,
      message: socialPublications.message,
      permalinkUrl: socialPublications.permalinkUrl,
      publishedAt: socialPublications.publishedAt,
      campaignId: socialPosts.campaignId,
      campaignTitle: campaigns.title,
      text: socialPosts.text,
      latest: sql<Record<string, number | null>>`jsonb_build_object(${sql.join(
        POST_METRICS.map((metric) => sql`${metric}::text, ${latest(metric)}`),
        sql`, `,
      )})`,
    })
    .from(socialPublications)
    .innerJoin(socialPosts, eq(socialPosts.id, socialPublications.postId))
    .leftJoin(campaigns, eq(campaigns.id, socialPosts.campaignId))
    .where(
      and(
        eq(socialPublications.workspaceId, input.workspaceId),
        gte(socialPublications.publishedAt, input.start),
        lt(socialPublications.publishedAt, input.end),
        isNotNull(socialPublications.externalPostId),
        input.channelId ? eq(socialPublications.channelId, input.channelId) : undefined,
      ),
    )
    .orderBy(desc(socialPublications.publishedAt), asc(socialPublications.id));
}

/** The period's publications with their latest figures (see periodPublicationsQuery). */
export async function findPeriodPublications(
  db: DbOrTransaction,
  input: { workspaceId: string; channelId?: string; start: Date; end: Date },
): Promise<PeriodPublication[]> {
  const rows = await periodPublicationsQuery(db, input);
  return rows.map(({ latest: values, ...row }) => {
    const figures: Partial<Record<SocialMetric, number>> = {};
    for (const metric of POST_METRICS) {
      const value = values[metric];
      if (value !== null && value !== undefined) figures[metric] = Number(value);
    }
    return {
      ...row,
      publishedAt: row.publishedAt as Date,
      campaignTitle: (row.campaignTitle as LocalizedText | null) ?? null,
      text: row.text as LocalizedText,
      values: figures,
    };
  });
}

/** The ids of `channelIds` that are this workspace's (a filter naming another workspace's page finds nothing). */
export async function findOwnedChannelIds(db: DbOrTransaction, workspaceId: string, channelIds: string[]): Promise<Set<string>> {
  if (channelIds.length === 0) return new Set();
  const rows = await db
    .select({ id: socialChannels.id })
    .from(socialChannels)
    .where(and(eq(socialChannels.workspaceId, workspaceId), inArray(socialChannels.id, channelIds)));
  return new Set(rows.map((row) => row.id));
}
