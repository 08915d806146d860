/**
 * The sending engine's jobs: prepare (render + recipients), send-batch (the lanes of delivery) and a
 * minute scan that keeps every send moving after a crash or a restart — it queues again a prepare or
 * lane whose process died, starts a scheduled issue whose start was missed, finishes what is done, and
 * mirrors `scheduled` on issues. Prepare and send-batch are `isSending`: paused after a restore.
 */
import { z } from 'zod';
import { NEWSLETTER_ISSUE_CONTENT_TYPE } from '../../../../shared/newsletter/issue-api.schema.js';
import { defineJob } from '../../../platform/jobs/job-queue.js';
import type { Platform } from '../../../platform/platform.js';
import { registerPublicationListener } from '../../../platform/review/publication-listeners.js';
import { prepareSend } from './prepare-send.js';
import { findSendingIssues } from './send.repo.js';
import { finishIfDone, sendEngineOf } from './send-engine.js';
import { ensureLaneJobs, hasPrepareJob, PREPARE_SEND_JOB, RESUME_SENDS_JOB, SEND_BATCH_JOB, SEND_LANES } from './send-lanes.js';
import { pendingOutlook } from './send-progress.repo.js';
import { findPublishedDrafts, mirrorScheduledStatus, startPublishedIssue } from './send-start.js';

const IssueJobSchema = z.object({ workspaceId: z.uuid(), issueId: z.uuid() });

export function prepareSendJob(platform: Platform) {
  return defineJob({
    name: PREPARE_SEND_JOB,
    schema: IssueJobSchema,
    isSending: true,
    batchSize: 1,
    retryLimit: 3,
    retryDelay: 10,
    handler: async (data) => ({ outcome: await prepareSend(platform, data) }),
  });
}

export function sendBatchJob(platform: Platform) {
  return defineJob({
    name: SEND_BATCH_JOB,
    schema: IssueJobSchema.extend({
      lane: z
        .number()
        .int()
        .min(0)
        .max(SEND_LANES - 1),
    }),
    isSending: true,
    // One job per poll, so the lanes of a send spread over the worker processes.
    batchSize: 1,
    retryLimit: 2,
    retryDelay: 10,
    expireInSeconds: 10 * 60,
    handler: (data) => sendEngineOf(platform).runSlice(data),
  });
}

/** Keeps every send moving; returns what it did (the job's output on the Jobs page). */
export async function resumeSends(platform: Platform, now = new Date()) {
  const db = platform.database.db;
  const report = { started: 0, prepares: 0, lanes: 0, finished: 0 };
  await mirrorScheduledStatus(platform);
  for (const item of await findPublishedDrafts(platform, new Date(now.getTime() - 24 * 3_600_000))) {
    // A failure (no list left, say) was audited when the publication ran; try the others.
    await startPublishedIssue(platform, item.workspaceId, item.issueId).then(
      () => {
        report.started += 1;
      },
      () => undefined,
    );
  }
  for (const issue of await findSendingIssues(db)) {
    const input = { workspaceId: issue.workspaceId, issueId: issue.id };
    if (issue.recipientCount === null) {
      if (!(await hasPrepareJob(platform.database, issue.id))) {
        await platform.jobs.send(PREPARE_SEND_JOB, input);
        report.prepares += 1;
      }
      continue;
    }
    const outlook = await pendingOutlook(db, issue.id);
    if (outlook.isDueNow) report.lanes += await ensureLaneJobs(platform.jobs, input);
    else if (outlook.nextRetryAt) report.lanes += await ensureLaneJobs(platform.jobs, { ...input, startAfter: outlook.nextRetryAt });
    else if (await finishIfDone(platform, issue.workspaceId, issue.id)) report.finished += 1;
  }
  return report;
}

export function resumeSendsJob(platform: Platform) {
  // Wired here so every process that runs jobs (the app, `tawasul worker`) starts scheduled sends.
  registerPublicationListener(NEWSLETTER_ISSUE_CONTENT_TYPE, startPublishedIssue);
  return defineJob({
    name: RESUME_SENDS_JOB,
    schema: z.object({}),
    // Not `stately`: a process killed during the scan leaves its job active under the slot's key, and a
    // restarted process could not activate the same slot's job. Two scans at once are harmless.
    everyMinutes: 1,
    handler: () => resumeSends(platform),
  });
}
