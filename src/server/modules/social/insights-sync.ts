/**
 * Reads a page's insights from its network and stores them (the daily job and "refresh now"):
 * - page figures from the last stored day (read again a few days back, since Meta settles recent
 *   days late) up to yesterday; the first time, the last 28 days;
 * - the lifetime figures of the page's posts published in the last 28 days, as read today.
 * Every write is an upsert, so running it twice changes nothing; a metric missing from the answer
 * writes nothing, so its history stays. A token that no longer works marks the page for
 * reconnection (admins told once, channel-status.ts); throttling and an unreachable network end the
 * run for that page with what to do next, figures already stored kept.
 */
import { type CalendarDate, calendarDateAt, subtractDays } from '../../../shared/planning/calendar-date.js';
import { AppError } from '../../platform/errors.js';
import type { Platform } from '../../platform/platform.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { type ChannelAccess, type ChannelResolver, defaultChannelAccess } from './channel-access.js';
import { markNeedsReconnection, reconnectionReasonOf } from './channel-status.js';
import { ChannelError, type ChannelErrorKind, SOCIAL_METRICS, type SocialMetric } from './channels/channel.js';
import { findChannelById } from './channels.repo.js';
import { findLastPageMetricDay, findPublicationsToSync, upsertPageMetrics, upsertPostMetrics } from './insights.repo.js';

const DAY_MS = 86_400_000;
/** Days read on the first sync of a page. */
export const INSIGHTS_BACKFILL_DAYS = 28;
/** Posts younger than this have their figures read again at each sync. */
export const INSIGHTS_POST_WINDOW_DAYS = 28;
/** Stored days read again at each sync: Meta revises the last days' figures for a while. */
export const INSIGHTS_SETTLE_DAYS = 2;
/** The longest gap filled at once (a page reconnected after months). */
export const INSIGHTS_MAX_GAP_DAYS = 365;

export type InsightSyncOutcome = 'done' | 'skipped' | 'needs-reconnection' | 'throttled' | 'unavailable';

export interface InsightSyncReport {
  channelId: string;
  outcome: InsightSyncOutcome;
  /** Page figures written (one per day and metric). */
  pageValues: number;
  /** Posts whose figures were read. */
  posts: number;
  /** Posts the network no longer knows (deleted on the page): skipped. */
  postsGone: number;
  /** For `throttled`: how long the network asked to wait. */
  retryAfterMs?: number;
  errorKind?: ChannelErrorKind;
}

export interface InsightSyncOptions {
  now?: Date;
  /** Days read on a first sync (the demo reads its whole month). */
  backfillDays?: number;
  /** Posts published in these last days have their figures read (the demo reads its whole month). */
  postWindowDays?: number;
  /** The channel behind a row (tests may give another); the registry's by default. */
  resolveChannel?: ChannelResolver;
}

/** The days to read: from a few days before the last stored one (or the backfill) to yesterday. */
export function pageMetricWindow(input: { today: CalendarDate; lastStored?: CalendarDate; backfillDays: number }): {
  since: CalendarDate;
  until: CalendarDate;
} {
  const until = subtractDays(input.today, 1);
  const earliest = subtractDays(until, INSIGHTS_MAX_GAP_DAYS - 1);
  if (!input.lastStored) return { since: subtractDays(until, Math.max(1, input.backfillDays) - 1), until };
  const since = subtractDays(input.lastStored, INSIGHTS_SETTLE_DAYS);
  // The middle of the three dates: `since` kept between the earliest day read and yesterday.
  return { since: [earliest, since, until].sort()[1] ?? until, until };
}

function isSocialMetric(value: string): value is SocialMetric {
  return (SOCIAL_METRICS as readonly string[]).includes(value);
}

/** Syncs one channel's insights. Never throws a ChannelError: the outcome says what happened. */
export async function syncChannelInsights(
  platform: Platform,
  channelId: string,
  options: InsightSyncOptions = {},
): Promise<InsightSyncReport> {
  const db = platform.database.db;
  const now = options.now ?? new Date();
  const report: InsightSyncReport = { channelId, outcome: 'skipped', pageValues: 0, posts: 0, postsGone: 0 };
  const row = await findChannelById(db, channelId);
  if (row?.status !== 'connected') return report;
  const workspace = await findWorkspaceById(db, row.workspaceId);
  if (!workspace) return report;

  let access: ChannelAccess;
  try {
    access = await (options.resolveChannel ?? ((channel) => defaultChannelAccess(platform, channel)))(row);
  } catch (error) {
    // SECRET_KEY changed since the page was connected: its token cannot be read back.
    if (error instanceof AppError && error.code === 'SECRET_UNREADABLE') {
      await markNeedsReconnection(platform, row, 'token-invalid');
      return { ...report, outcome: 'needs-reconnection' };
    }
    throw error;
  }

  const today = calendarDateAt(now, workspace.timeZone);
  try {
    const window = pageMetricWindow({
      today,
      lastStored: await findLastPageMetricDay(db, channelId),
      backfillDays: options.backfillDays ?? INSIGHTS_BACKFILL_DAYS,
    });
    const days = await access.channel.pageMetrics(access.account, window);
    const values = days
      .filter((entry) => entry.day >= window.since && entry.day <= window.until)
      .flatMap((entry) =>
        Object.entries(entry.values)
          .filter((value): value is [SocialMetric, number] => isSocialMetric(value[0]) && typeof value[1] === 'number')
          .map(([metric, value]) => ({ day: entry.day, metric, value: Math.round(value) })),
      );
    report.pageValues = await upsertPageMetrics(db, { workspaceId: row.workspaceId, channelId, rows: values });

    const postWindowMs = (options.postWindowDays ?? INSIGHTS_POST_WINDOW_DAYS) * DAY_MS;
    const publications = await findPublicationsToSync(db, channelId, new Date(now.getTime() - postWindowMs));
    for (const publication of publications) {
      if (!publication.externalPostId) continue;
      try {
        const figures = await access.channel.postMetrics(access.account, { postExternalId: publication.externalPostId });
        await upsertPostMetrics(db, {
          workspaceId: publication.workspaceId,
          publicationId: publication.id,
          capturedOn: today,
          values: figures,
        });
        report.posts += 1;
      } catch (error) {
        // A post deleted on the page answers "unknown object": its figures stay as last read.
        if (error instanceof ChannelError && error.kind === 'invalid-request') report.postsGone += 1;
        else throw error;
      }
    }
    return { ...report, outcome: 'done' };
  } catch (error) {
    if (!(error instanceof ChannelError)) throw error;
    switch (error.kind) {
      case 'needs-reconnection':
      case 'permission-missing':
        await markNeedsReconnection(platform, row, reconnectionReasonOf(error));
        return { ...report, outcome: 'needs-reconnection', errorKind: error.kind };
      case 'throttled':
        return { ...report, outcome: 'throttled', errorKind: error.kind, retryAfterMs: error.retryAfterMs };
      case 'transient':
      case 'outcome-unknown':
      case 'invalid-request':
      case 'duplicate-content':
        return { ...report, outcome: 'unavailable', errorKind: error.kind };
      default: {
        const unknown: never = error.kind;
        throw new Error(`unhandled channel error ${String(unknown)}`);
      }
    }
  }
}
