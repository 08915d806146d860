/**
 * `social.sync-comments`, every five minutes: the comments of every connected page's recent posts
 * (comment-sync.ts). Idempotent (a run that finds nothing new writes nothing), so two processes
 * meeting on the same slot cost calls, never duplicates; a throttled page waits in every process.
 */
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-queue.js';
import type { Platform } from '../../platform/platform.js';
import { createCommentSync } from './comment-sync.js';

export const SYNC_COMMENTS_JOB = 'social.sync-comments';
export const SYNC_COMMENTS_EVERY_MINUTES = 5;

export function syncCommentsJob(platform: Platform) {
  const sync = createCommentSync(platform);
  return defineJob({
    name: SYNC_COMMENTS_JOB,
    schema: z.object({}),
    everyMinutes: SYNC_COMMENTS_EVERY_MINUTES,
    retryLimit: 0,
    handler: async () => {
      const reports = await sync.syncAll();
      return reports.map((report) => ({
        channelId: report.channelId,
        result: report.result,
        added: report.added,
        changed: report.changed,
        ...(report.error ? { error: report.error.kind } : {}),
      }));
    },
  });
}
