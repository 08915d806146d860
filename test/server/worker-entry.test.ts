/**
 * `tawasul worker` runs from a bundle of src/server/worker.ts (bin/worker-bundle.mjs): what the bundle
 * holds (no HTTP app, no PGlite unless opened, packages by file URL, no `import.meta` of its own), and
 * a real worker process started from it, without tsx, that renders a template in the background — the
 * template manifests are compiled into the bundle. Packages a sending worker never needs (MJML,
 * better-auth, argon2, and the native sharp, resvg and Typst) are loaded on first use only.
 * On PostgreSQL the worker shares the server; on PGlite it opens the data directory after this process.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleWorker } from '../../bin/worker-bundle.mjs';
import { MODULE_JOBS } from '../../src/server/module-jobs.js';
import { parseConfig } from '../../src/server/platform/config.js';
import { createPlatform } from '../../src/server/platform/platform.js';
import { requestRender } from '../../src/server/platform/render/render.service.js';
import { closeSharedRenderer } from '../../src/server/platform/render/renderer.js';
import { LocalDiskStorage } from '../../src/server/platform/storage/storage.js';
import { isRunning, killWorker, startTawasulWorker, stopWorker, type WorkerProcess } from '../helpers/tawasul-worker.js';
import { openTestDatabase, testDriver } from '../helpers/test-database.js';

/** The static and dynamic import specifiers of a bundle. */
function importsOf(code: string): { static: string[]; dynamic: string[] } {
  return {
    static: [...code.matchAll(/^import\s[^'"]*?from\s*["']([^"']+)["']|^import\s*["']([^"']+)["']/gm)].map(
      (match) => match[1] ?? match[2] ?? '',
    ),
    dynamic: [...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1] ?? ''),
  };
}

describe("the worker's bundle", () => {
  it('holds the jobs and the template manifests but not the HTTP app; heavy packages load only when used', async () => {
    const url = await bundleWorker();
    const code = await readFile(fileURLToPath(url), 'utf8');
    const imports = importsOf(code);
    expect(imports.static.length).toBeGreaterThan(10);
    for (const specifier of [...imports.static, ...imports.dynamic]) {
      expect(specifier.startsWith('node:') || specifier.startsWith('file:///'), specifier).toBe(true);
    }
    // Module jobs of every module are in it…
    expect(code).toContain('newsletter.send-batch');
    expect(code).toContain('render.document');
    // …not the web server, and PGlite only as a dynamic import (a worker on PostgreSQL never loads it).
    expect(imports.static.some((specifier) => specifier.includes('/node_modules/fastify/'))).toBe(false);
    expect(imports.static.some((specifier) => specifier.includes('/@electric-sql/pglite/'))).toBe(false);
    expect(imports.dynamic.some((specifier) => specifier.includes('/@electric-sql/pglite/'))).toBe(true);
    // Packages a worker that only sends never uses are imported when first needed, not at start.
    for (const name of ['/mjml/', '/better-auth/', '/@node-rs/argon2/', '/sharp/', '/@resvg/', '/typst-ts-node-compiler']) {
      expect(
        imports.static.filter((specifier) => specifier.includes(name)),
        name,
      ).toEqual([]);
    }
    expect(imports.dynamic.some((specifier) => specifier.includes('/mjml/'))).toBe(true);
    expect(imports.dynamic.some((specifier) => specifier.includes('/better-auth/'))).toBe(true);
    // The manifests are in the bundle (no TypeScript loader at run time).
    expect(code).toContain(JSON.stringify(fileURLToPath(new URL('../../templates/typst/a4-brief/manifest.ts', import.meta.url))));
    expect(code).toMatch(/BUNDLED_MANIFESTS = (\/\* @__PURE__ \*\/ )?new Map\(\[\[/);
    // Every import.meta.url is its source file's: the migrations are found beside the sources.
    expect(code).not.toMatch(/\bimport\.meta\b/);
    expect(code).toContain(JSON.stringify(new URL('../../src/server/platform/db/database.ts', import.meta.url).href));
  });
});

describe('a `tawasul worker` started from the bundle', () => {
  let dataDir: string | undefined;
  const workers: WorkerProcess[] = [];
  afterAll(async () => {
    for (const worker of workers) if (isRunning(worker)) await killWorker(worker);
    await closeSharedRenderer();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('renders a template queued by another process (manifests from the bundle, no tsx)', { timeout: 120_000 }, async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'tawasul-worker-entry-'));
    const serverDatabase = testDriver() === 'postgresql' ? await openTestDatabase() : undefined;
    const env: Record<string, string> = {
      DATA_DIR: dataDir,
      SECRET_KEY: 'w'.repeat(64),
      ...(serverDatabase ? { DATABASE_URL: serverDatabase.url as string } : {}),
    };
    // This process queues the render, then lets the worker have the database (PGlite: one process at a time).
    const platform = await createPlatform(parseConfig({ ...env, LOG_LEVEL: 'silent' }), {
      database: serverDatabase,
      moduleJobs: MODULE_JOBS,
    });
    const queued = await requestRender(platform, {
      template: 'a4-brief',
      variant: 'bilingual',
      data: {
        title: { ar: 'تقرير الشبكة', fr: 'Rapport du réseau' },
        sections: [{ heading: { ar: 'مقدمة', fr: 'Introduction' }, paragraphs: [{ ar: 'نص قصير.', fr: 'Un court texte.' }] }],
      },
      format: 'pdf',
      background: true,
    });
    expect(queued.state).toBe('queued');
    if (serverDatabase) await platform.jobs.stop();
    else await platform.close();

    const worker = await startTawasulWorker(env);
    workers.push(worker);
    const storage = new LocalDiskStorage(path.join(dataDir, 'files'));
    const deadline = Date.now() + 90_000;
    while (!(await storage.exists(queued.storageKey)) && isRunning(worker) && Date.now() < deadline) await sleep(100);
    expect(await storage.exists(queued.storageKey), worker.errors()).toBe(true);
    expect((await storage.get(queued.storageKey)).subarray(0, 5).toString()).toBe('%PDF-');
    // It ran from the bundle, not through tsx's fallback.
    expect(worker.errors()).not.toContain('running through tsx');
    await stopWorker(worker);
    expect(worker.child.exitCode).toBe(0);
    if (serverDatabase) await platform.close();
  });
});
