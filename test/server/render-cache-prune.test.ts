/**
 * The render cache's upkeep: a hit marks the render as used; the daily `render.prune-cache` job
 * deletes renders and previews unused for RENDER_CACHE_DAYS, in every workspace, and nothing else.
 */
import { utimes } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/server/platform/render/render.service.js';
import { pruneRenderCache } from '../../src/server/platform/render/render-cache.js';
import { closeSharedRenderer } from '../../src/server/platform/render/renderer.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const DAY = 86_400_000;

describe('render cache upkeep', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await closeSharedRenderer();
    await t.close();
  });

  async function putAged(key: string, ageDays: number) {
    await t.platform.storage.put(key, Buffer.from(key));
    const when = new Date(Date.now() - ageDays * DAY);
    await utimes(path.join(t.platform.storage.localRoot ?? '', key), when, when);
  }

  it('deletes renders and previews unused for the configured days, in every workspace, and keeps the rest', async () => {
    const first = await t.make.workspace();
    const second = await t.make.workspace();
    const old = [
      `renders/aa/${'a'.repeat(64)}.pdf`,
      `${first.id}/renders/bb/${'b'.repeat(64)}.png`,
      `${second.id}/renders/previews/cc/c-pages-480-2.png`,
    ];
    const recent = [`${first.id}/renders/dd/${'d'.repeat(64)}.svg`];
    // Uploads and exports live beside the renders and are never the cache's to delete.
    const library = [`${first.id}/ee/00000000-0000-4000-8000-000000000001`];
    for (const key of old) await putAged(key, t.platform.config.renderCacheDays + 1);
    for (const key of recent) await putAged(key, t.platform.config.renderCacheDays - 1);
    for (const key of library) await putAged(key, 400);

    const report = await pruneRenderCache(
      t.platform.database.db,
      t.platform.storage,
      new Date(Date.now() - t.platform.config.renderCacheDays * DAY),
    );

    expect(report.files).toBe(old.length);
    expect(report.bytes).toBe(old.reduce((sum, key) => sum + Buffer.byteLength(key), 0));
    for (const key of old) expect(await t.platform.storage.exists(key), key).toBe(false);
    for (const key of [...recent, ...library]) expect(await t.platform.storage.exists(key), key).toBe(true);
  });

  it('keeps an old render that was just asked for again, and the job prunes the others', async () => {
    const workspace = await t.make.workspace();
    const request = { template: 'social-post', variant: 'fr' as const, data: { title: { fr: 'Toujours utile' } }, format: 'svg' as const };
    const used = await renderTemplate(t.platform, { ...request, workspaceId: workspace.id });
    const unused = await renderTemplate(t.platform, { ...request, data: { title: { fr: 'Oublié' } }, workspaceId: workspace.id });
    const aged = new Date(Date.now() - (t.platform.config.renderCacheDays + 5) * DAY);
    for (const key of [used.storageKey, unused.storageKey]) await utimes(path.join(t.platform.storage.localRoot ?? '', key), aged, aged);

    const again = await renderTemplate(t.platform, { ...request, workspaceId: workspace.id });
    expect(again.cached).toBe(true);

    // A recurring job: the process's first tick queues today's slot and runs it.
    expect(await t.platform.jobs.tick()).toBeGreaterThanOrEqual(1);
    expect(await t.platform.storage.exists(used.storageKey)).toBe(true);
    expect(await t.platform.storage.exists(unused.storageKey)).toBe(false);
  });
});
