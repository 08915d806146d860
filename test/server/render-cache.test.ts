/**
 * Renders are cached in the file store by the hash of everything they depend on; long or
 * background renders run as `render.document` jobs (real job queue, PGlite or PostgreSQL).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderStorageKey, renderTemplate, requestRender } from '../../src/server/platform/render/render.service.js';
import { closeSharedRenderer, Renderer } from '../../src/server/platform/render/renderer.js';
import { LocalDiskStorage } from '../../src/server/platform/storage/storage.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const LOGO = path.resolve('test/fixtures/render-assets/logo.svg');
const data = {
  title: { ar: 'مذكرة قصيرة', fr: 'Une note courte' },
  sections: [{ heading: { ar: 'مقدمة', fr: 'Introduction' }, paragraphs: [{ ar: 'نص قصير.', fr: 'Un texte court.' }] }],
};

describe('render cache (file store on disk, no database)', () => {
  let folder: string;
  let storage: LocalDiskStorage;
  let renderer: Renderer;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'tawasul-render-cache-'));
    storage = new LocalDiskStorage(folder);
    renderer = await Renderer.create();
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('stores a render, then answers the same request from the store with the same bytes', async () => {
    const request = { template: 'a4-brief', variant: 'fr' as const, data, format: 'pdf' as const };
    const first = await renderTemplate({ storage }, request, { renderer });
    expect(first.cached).toBe(false);
    expect(first.contentType).toBe('application/pdf');
    expect(first.storageKey).toBe(renderStorageKey(first.cacheKey, 'pdf'));
    expect((await readFile(path.join(folder, first.storageKey))).equals(first.bytes)).toBe(true);

    const produce = vi.spyOn(renderer, 'produce');
    const second = await renderTemplate({ storage }, { ...request, data: structuredClone(data) }, { renderer });
    expect(produce).not.toHaveBeenCalled();
    produce.mockRestore();
    expect(second.cached).toBe(true);
    expect(second.storageKey).toBe(first.storageKey);
    expect(second.contentType).toBe('application/pdf');
    expect(second.bytes.equals(first.bytes)).toBe(true);
  });

  it('misses when the data, variant, format, an image or the workspace differ', async () => {
    const base = { template: 'a4-brief', variant: 'fr' as const, data, format: 'pdf' as const };
    const keys = new Set<string>();
    for (const request of [
      base,
      { ...base, data: { ...data, subtitle: { fr: 'Autre' } } },
      { ...base, variant: 'bilingual' as const },
      { ...base, format: 'png' as const },
      { ...base, assets: { logo: await readFile(LOGO) } },
      { ...base, workspaceId: '00000000-0000-4000-8000-000000000001' },
    ]) {
      keys.add((await renderTemplate({ storage }, request, { renderer })).storageKey);
    }
    expect(keys.size).toBe(6);
    expect([...keys].filter((key) => key.startsWith('00000000-0000-4000-8000-000000000001/renders/'))).toHaveLength(1);
  });
});

describe('render.document job', () => {
  let t: TestApp;
  beforeAll(async () => {
    // MODULE_JOBS, which every process registers, has render.document.
    t = await createTestApp();
  });
  afterAll(async () => {
    // The service renders in a child process (render-backends.ts): stop it with the app.
    await closeSharedRenderer();
    await t.close();
  });

  it('renders in the background when asked, then the same request is ready from the store', async () => {
    const workspace = await t.make.workspace();
    const logoKey = `${workspace.id}/assets/logo.svg`;
    await t.platform.storage.put(logoKey, await readFile(LOGO));
    const request = {
      template: 'a4-brief',
      variant: 'bilingual' as const,
      data,
      format: 'pdf' as const,
      workspaceId: workspace.id,
      assetKeys: { logo: logoKey },
      background: true,
    };
    const queued = await requestRender(t.platform, request);
    expect(queued.state).toBe('queued');
    expect(queued.storageKey.startsWith(`${workspace.id}/renders/`)).toBe(true);
    expect(await t.platform.storage.exists(queued.storageKey)).toBe(false);

    // The tick also runs the recurring jobs of other modules.
    expect(await t.platform.jobs.tick()).toBeGreaterThanOrEqual(1);
    expect(await t.platform.storage.exists(queued.storageKey)).toBe(true);

    const ready = await requestRender(t.platform, request);
    expect(ready.state).toBe('ready');
    if (ready.state !== 'ready') return;
    expect(ready.cached).toBe(true);
    expect(ready.storageKey).toBe(queued.storageKey);
    expect(ready.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('queues a document estimated longer than the inline limit without being asked', async () => {
    const paragraph = { fr: 'Un paragraphe de rapport assez long pour remplir des pages. '.repeat(60) };
    const sections = Array.from({ length: 40 }, (_, index) => ({ heading: { fr: `Partie ${index + 1}` }, paragraphs: [paragraph] }));
    const outcome = await requestRender(t.platform, {
      template: 'a4-brief',
      variant: 'fr',
      data: { title: { fr: 'Rapport' }, sections },
      format: 'pdf',
    });
    expect(outcome.state).toBe('queued');
    expect(await t.platform.jobs.tick()).toBeGreaterThanOrEqual(1);
    expect(await t.platform.storage.exists(outcome.storageKey)).toBe(true);
  });

  it('renders a short request at once', async () => {
    const outcome = await requestRender(t.platform, {
      template: 'social-post',
      variant: 'fr',
      data: { title: { fr: 'Tout de suite' } },
      format: 'png',
    });
    expect(outcome.state).toBe('ready');
    expect(outcome.contentType).toBe('image/png');
  });
});
