/** The newsletter's jobs (import, sending), listed once for src/server/module-jobs.ts. */
import type { JobDefinition } from '../../platform/jobs/job-queue.js';
import type { Platform } from '../../platform/platform.js';
import { prepareSendJob, resumeSendsJob, sendBatchJob } from './sending/send.jobs.js';
import { subscriberImportJob } from './subscriber-import.job.js';

export const NEWSLETTER_JOBS: Array<(platform: Platform) => JobDefinition> = [
  subscriberImportJob as (platform: Platform) => JobDefinition,
  prepareSendJob as (platform: Platform) => JobDefinition,
  sendBatchJob as (platform: Platform) => JobDefinition,
  resumeSendsJob as (platform: Platform) => JobDefinition,
];
