/**
 * Social's publishing jobs: `social.publish-due` (every minute, and as many workers as there are
 * processes: the claim shares the posts), `social.check-upcoming-channels` (every 15 minutes: the
 * token of every page with a post due in the next two hours, when not checked in the last hour) and
 * `social.check-channels` (daily: every connected page). A check that finds the token expired or a
 * permission missing marks the page and tells the admins then — before the post is due, not after.
 */
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-queue.js';
import type { Platform } from '../../platform/platform.js';
import { releaseHeldPostsOnReconnection } from './channel-holds.js';
import { checkChannel } from './channel-status.js';
import { findChannelsDueForCheck, findConnectedChannels } from './publish.repo.js';
import { createPublisher } from './publisher.js';

export const PUBLISH_DUE_POSTS_JOB = 'social.publish-due';
export const CHECK_UPCOMING_CHANNELS_JOB = 'social.check-upcoming-channels';
export const CHECK_CHANNELS_JOB = 'social.check-channels';

/** How far ahead of a post its page's token is checked, and how recent a check may be to count. */
export const CHECK_AHEAD_MS = 2 * 60 * 60_000;
export const CHECK_FRESH_MS = 60 * 60_000;

export function publishDuePostsJob(platform: Platform) {
  // Wired here so every process that runs jobs releases held posts when a check finds a page working again.
  releaseHeldPostsOnReconnection();
  const publisher = createPublisher(platform);
  return defineJob({
    name: PUBLISH_DUE_POSTS_JOB,
    schema: z.object({}),
    // Not `stately`: a killed process leaves its job active under the slot's key; two scans at once share posts by the claim.
    everyMinutes: 1,
    isSending: true,
    retryLimit: 0,
    handler: () => publisher.runDue(),
  });
}

/** Checks the tokens of the pages with a post due within `CHECK_AHEAD_MS`; returns how each check went. */
export async function checkUpcomingChannels(platform: Platform, now = new Date()) {
  const rows = await findChannelsDueForCheck(platform.database.db, {
    from: now,
    to: new Date(now.getTime() + CHECK_AHEAD_MS),
    checkedBefore: new Date(now.getTime() - CHECK_FRESH_MS),
  });
  const report = { checked: 0, needsReconnection: 0 };
  for (const { channel } of rows) {
    report.checked += 1;
    if ((await checkChannel(platform, channel.id)).result === 'needs-reconnection') report.needsReconnection += 1;
  }
  return report;
}

export async function checkAllChannels(platform: Platform) {
  const report = { checked: 0, needsReconnection: 0 };
  for (const channel of await findConnectedChannels(platform.database.db)) {
    report.checked += 1;
    if ((await checkChannel(platform, channel.id)).result === 'needs-reconnection') report.needsReconnection += 1;
  }
  return report;
}

export function checkUpcomingChannelsJob(platform: Platform) {
  return defineJob({
    name: CHECK_UPCOMING_CHANNELS_JOB,
    schema: z.object({}),
    everyMinutes: 15,
    retryLimit: 0,
    handler: () => checkUpcomingChannels(platform),
  });
}

export function checkChannelsJob(platform: Platform) {
  return defineJob({
    name: CHECK_CHANNELS_JOB,
    schema: z.object({}),
    everyMinutes: 24 * 60,
    retryLimit: 1,
    handler: () => checkAllChannels(platform),
  });
}
