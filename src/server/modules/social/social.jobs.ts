/** Social's jobs (publishing, insights and comments sync, token checks), listed once for src/server/module-jobs.ts. */
import type { JobDefinition } from '../../platform/jobs/job-queue.js';
import type { Platform } from '../../platform/platform.js';
import { syncCommentsJob } from './comment-sync.job.js';
import { syncInsightsJob } from './insights.jobs.js';
import { checkChannelsJob, checkUpcomingChannelsJob, publishDuePostsJob } from './publish-post.job.js';

export const SOCIAL_JOBS: Array<(platform: Platform) => JobDefinition> = [
  publishDuePostsJob as (platform: Platform) => JobDefinition,
  checkUpcomingChannelsJob as (platform: Platform) => JobDefinition,
  checkChannelsJob as (platform: Platform) => JobDefinition,
  syncInsightsJob as (platform: Platform) => JobDefinition,
  syncCommentsJob as (platform: Platform) => JobDefinition,
];
