/**
 * `render.document`: a long render (or one asked for in the background) run by a worker, its output
 * stored where `requestRender` said it would be; `render.prune-cache` (render-cache.ts). Spread `RENDER_JOBS` into MODULE_JOBS.
 */
import { z } from 'zod';
import { RenderFormatSchema, RenderVariantSchema } from '../../../shared/render/render.schema.js';
import { defineJob, type JobDefinition } from '../jobs/job-queue.js';
import type { Platform } from '../platform.js';
import { loadAssets, renderTemplate } from './render.service.js';
import { pruneRenderCacheJob } from './render-cache.js';

export const RenderDocumentJobSchema = z.object({
  template: z.string().min(1).max(100),
  variant: RenderVariantSchema,
  format: RenderFormatSchema,
  data: z.unknown(),
  workspaceId: z.string().uuid().optional(),
  assetKeys: z.record(z.string(), z.string()).default({}),
});

export function renderDocumentJob(platform: Platform) {
  return defineJob({
    name: 'render.document',
    schema: RenderDocumentJobSchema,
    // One queued and one running render per output key (the key is the hash of the render).
    policy: 'stately',
    retryLimit: 2,
    expireInSeconds: 10 * 60,
    batchSize: 1,
    async handler(job) {
      const { assetKeys, ...request } = job;
      const result = await renderTemplate(platform, { ...request, assets: await loadAssets(platform.storage, assetKeys) });
      return { storageKey: result.storageKey, bytes: result.bytes.byteLength, cached: result.cached };
    },
  });
}

/** The platform's render jobs. */
export const RENDER_JOBS: Array<(platform: Platform) => JobDefinition> = [
  renderDocumentJob as (platform: Platform) => JobDefinition,
  pruneRenderCacheJob as (platform: Platform) => JobDefinition,
];
