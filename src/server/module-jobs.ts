/**
 * Every module's jobs, given to each process that creates the platform (app, `tawasul worker`, CLI,
 * tests), so any process can run any job. A module adds its job factory here.
 */
import { NEWSLETTER_JOBS } from './modules/newsletter/newsletter.jobs.js';
import { taskRemindersJob } from './modules/planning/task-reminders.job.js';
import { SOCIAL_JOBS } from './modules/social/social.jobs.js';
import { STUDIO_JOBS } from './modules/studio/studio.jobs.js';
import type { JobDefinition } from './platform/jobs/job-queue.js';
import type { Platform } from './platform/platform.js';
import { RENDER_JOBS } from './platform/render/render.jobs.js';
import { publishDueReviewsJob } from './platform/review/publish-due.job.js';

export const MODULE_JOBS: Array<(platform: Platform) => JobDefinition> = [
  taskRemindersJob as (platform: Platform) => JobDefinition,
  publishDueReviewsJob as (platform: Platform) => JobDefinition,
  ...NEWSLETTER_JOBS,
  ...RENDER_JOBS,
  ...STUDIO_JOBS,
  ...SOCIAL_JOBS,
];
