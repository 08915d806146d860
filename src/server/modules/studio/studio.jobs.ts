/** The studio's jobs (long document exports), listed once for src/server/module-jobs.ts. */
import type { JobDefinition } from '../../platform/jobs/job-queue.js';
import type { Platform } from '../../platform/platform.js';
import { documentExportJob } from './documents.jobs.js';

export const STUDIO_JOBS: Array<(platform: Platform) => JobDefinition> = [documentExportJob as (platform: Platform) => JobDefinition];
