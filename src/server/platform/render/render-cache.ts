/**
 * The render cache's upkeep. Renders and their previews live under `renders/` folders of the file
 * store (one per workspace, one without); the live preview stores a render per pause in typing, so
 * without upkeep the folder only grows. A hit marks the file as used, and a daily job deletes what
 * nobody asked for in RENDER_CACHE_DAYS. Nothing else points at these files (exports are copied
 * into the file library), so a pruned render is simply drawn again when asked.
 */
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { defineJob } from '../jobs/job-queue.js';
import type { Platform } from '../platform.js';
import { workspaces } from '../platform.tables.js';
import type { FileStorage } from '../storage/storage.js';

const DAY = 86_400_000;
export const PRUNE_RENDER_CACHE_JOB = 'render.prune-cache';

/** The stored bytes of a cached render or preview, marked as used; undefined when not stored. */
export async function readCached(storage: FileStorage, key: string): Promise<Buffer | undefined> {
  if (!(await storage.exists(key))) return undefined;
  const bytes = await storage.get(key);
  await storage.touch(key);
  return bytes;
}

export interface PruneReport {
  readonly files: number;
  readonly bytes: number;
}

/** Deletes the cached renders of every workspace (and the shared ones) not used since `before`. */
export async function pruneRenderCache(db: Db, storage: FileStorage, before: Date): Promise<PruneReport> {
  const folders = ['renders/', ...(await db.select({ id: workspaces.id }).from(workspaces)).map(({ id }) => `${id}/renders/`)];
  let files = 0;
  let bytes = 0;
  for (const folder of folders) {
    for await (const entry of storage.list(folder)) {
      if (entry.usedAt >= before) continue;
      await storage.delete(entry.key);
      files += 1;
      bytes += entry.bytes;
    }
  }
  return { files, bytes };
}

export function pruneRenderCacheJob(platform: Platform) {
  return defineJob({
    name: PRUNE_RENDER_CACHE_JOB,
    schema: z.object({}),
    policy: 'stately',
    everyMinutes: 24 * 60,
    retryLimit: 0,
    handler: () => pruneRenderCache(platform.database.db, platform.storage, new Date(Date.now() - platform.config.renderCacheDays * DAY)),
  });
}
