/**
 * `social.sync-insights`: daily for every connected page, and at once for a workspace's pages when
 * someone asks to refresh. A page the network throttles is read again when the network says (at
 * least a minute later), one it cannot reach a quarter of an hour later, doubling — three times at
 * most, then the next daily run takes over. Stately: one job waiting per key (a day's run, a
 * workspace's refresh, a page's retry), so pressing "refresh" ten times reads the page once.
 */
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-queue.js';
import type { Platform } from '../../platform/platform.js';
import { findConnectedChannelIds } from './insights.repo.js';
import { type InsightSyncOptions, type InsightSyncReport, syncChannelInsights } from './insights-sync.js';

export const SYNC_INSIGHTS_JOB = 'social.sync-insights';

const MINUTE_MS = 60_000;
/** Follow-up runs of one page after throttling or an unreachable network, before the next daily run. */
export const INSIGHTS_MAX_RETRIES = 3;

export const SyncInsightsJobSchema = z.object({
  /** One page (a retry); else the connected pages of `workspaceId`; else every connected page. */
  channelId: z.string().uuid().optional(),
  workspaceId: z.string().uuid().optional(),
  attempt: z.number().int().min(0).max(INSIGHTS_MAX_RETRIES).optional(),
});
export type SyncInsightsJob = z.infer<typeof SyncInsightsJobSchema>;

async function channelIdsOf(platform: Platform, data: SyncInsightsJob): Promise<string[]> {
  if (data.channelId) return [data.channelId];
  return findConnectedChannelIds(platform.database.db, data.workspaceId);
}

/** When to read a page again after `report`, or undefined (done, or nothing more to try before tomorrow). */
export function retryDelayOf(report: InsightSyncReport, attempt: number): number | undefined {
  if (attempt >= INSIGHTS_MAX_RETRIES) return undefined;
  if (report.outcome === 'throttled') return Math.max(MINUTE_MS, report.retryAfterMs ?? 10 * MINUTE_MS);
  if (report.outcome === 'unavailable') return 15 * MINUTE_MS * 2 ** attempt;
  return undefined;
}

/** Runs one job: every page in its scope, one after the other; each page's follow-up queued on its own. */
export async function runInsightSync(platform: Platform, data: SyncInsightsJob, options: InsightSyncOptions = {}) {
  const now = options.now ?? new Date();
  const attempt = data.attempt ?? 0;
  const reports: InsightSyncReport[] = [];
  for (const channelId of await channelIdsOf(platform, data)) {
    const report = await syncChannelInsights(platform, channelId, { ...options, now });
    reports.push(report);
    const delay = retryDelayOf(report, attempt);
    if (delay !== undefined) {
      await platform.jobs.send(
        SYNC_INSIGHTS_JOB,
        { channelId, attempt: attempt + 1 },
        { startAfter: new Date(now.getTime() + delay), singletonKey: `retry:${channelId}` },
      );
    }
  }
  return {
    channels: reports.length,
    done: reports.filter((report) => report.outcome === 'done').length,
    needsReconnection: reports.filter((report) => report.outcome === 'needs-reconnection').length,
    retried: reports.filter((report) => retryDelayOf(report, attempt) !== undefined).length,
  };
}

/** Queues a refresh of a workspace's connected pages (or one of them); returns how many pages it will read. */
export async function queueInsightRefresh(platform: Platform, input: { workspaceId: string; channelId?: string }): Promise<number> {
  const count = (await channelIdsOf(platform, { workspaceId: input.workspaceId })).filter(
    (id) => !input.channelId || id === input.channelId,
  ).length;
  if (count === 0) return 0;
  await platform.jobs.send(SYNC_INSIGHTS_JOB, input.channelId ? { channelId: input.channelId } : { workspaceId: input.workspaceId }, {
    singletonKey: `refresh:${input.channelId ?? input.workspaceId}`,
  });
  return count;
}

export function syncInsightsJob(platform: Platform) {
  return defineJob({
    name: SYNC_INSIGHTS_JOB,
    schema: SyncInsightsJobSchema,
    everyMinutes: 24 * 60,
    policy: 'stately',
    // Follow-ups are queued per page by the handler itself; a failed run waits for the next day.
    retryLimit: 0,
    expireInSeconds: 60 * 60,
    handler: (data) => runInsightSync(platform, data),
  });
}
