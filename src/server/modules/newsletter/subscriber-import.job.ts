/**
 * `newsletter.import-subscribers`: runs one subscriber import. A retry after a crash resumes from the
 * import's `processed_rows` (see import/import-runner.ts); after the last retry the import is marked
 * failed so the wizard stops waiting.
 */
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-queue.js';
import type { Platform } from '../../platform/platform.js';
import { finishImport } from './import/import.repo.js';
import { createImportRunner, LostImportClaim } from './import/import-runner.js';

export const SUBSCRIBER_IMPORT_JOB = 'newsletter.import-subscribers';
const RETRY_LIMIT = 3;

export function subscriberImportJob(platform: Platform) {
  const runner = createImportRunner(platform);
  return defineJob({
    name: SUBSCRIBER_IMPORT_JOB,
    schema: z.object({ importId: z.string().uuid() }),
    // One queued and one running job per import (the singleton key is the import id).
    policy: 'stately',
    retryLimit: RETRY_LIMIT,
    retryDelay: 5,
    expireInSeconds: 30 * 60,
    handler: async ({ importId }, context) => {
      try {
        const row = await runner.run(importId);
        return { status: row?.status ?? 'nothing-to-run', processedRows: row?.processedRows ?? null };
      } catch (error) {
        // Another run holds the import (a retry overlapping a slow first run): it will finish it.
        if (error instanceof LostImportClaim) return { status: 'taken-over' };
        if (context.retryCount >= RETRY_LIMIT) await finishImport(platform.database.db, importId, { status: 'failed', error: 'INTERNAL' });
        throw error;
      }
    },
  });
}
