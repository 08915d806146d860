/**
 * `studio.document-export`: a long document (or one asked for in the background) rendered to PDF by
 * a worker, stored as a file of the workspace and set as the document's last render. One job per
 * document version (`singletonKey`); it renders the document as it is when the job runs. When the
 * last attempt fails, the document's export state says `failed` with the reason.
 */
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-queue.js';
import type { Platform } from '../../platform/platform.js';
import { createDocumentsService, DOCUMENT_EXPORT_JOB } from './documents.service.js';

export const DocumentExportJobSchema = z.object({
  workspaceId: z.uuid(),
  documentId: z.uuid(),
  userId: z.string().nullable(),
});

const RETRY_LIMIT = 1;

export function documentExportJob(platform: Platform) {
  const service = createDocumentsService(platform);
  return defineJob({
    name: DOCUMENT_EXPORT_JOB,
    schema: DocumentExportJobSchema,
    policy: 'stately',
    retryLimit: RETRY_LIMIT,
    expireInSeconds: 10 * 60,
    batchSize: 1,
    handler: (job, context) => service.runExportJob(job, context.retryCount >= RETRY_LIMIT),
  });
}
