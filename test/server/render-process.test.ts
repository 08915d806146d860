/**
 * The render process the app uses (typst-ts keeps native memory after every render, so compiling
 * happens in a child that is replaced now and then): same output as in-process, replacement after
 * its quota, a runaway template stopped by the timeout, errors carried back, and a clean stop.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/server/platform/errors.js';
import { ChildProcessBackend } from '../../src/server/platform/render/render-backends.js';
import { Renderer } from '../../src/server/platform/render/renderer.js';
import { TEMPLATES_DIR } from '../../src/server/platform/render/template-registry.js';

const FOLDERS = [TEMPLATES_DIR, path.resolve('test/fixtures/render-templates')];
const LOGO = readFileSync(path.resolve('test/fixtures/render-assets/logo.svg'));
const post = { title: { ar: 'ورشة الشركاء في تونس', fr: 'Atelier des partenaires' }, dateLine: { ar: 'تونس، 12 مارس 2026' } };

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function failure(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected the render to fail');
}

describe('render process', () => {
  let backend: ChildProcessBackend;
  let renderer: Renderer;
  let inProcess: Renderer;

  beforeAll(async () => {
    backend = new ChildProcessBackend({ maxRenders: 3, timeoutMs: 20_000 });
    renderer = await Renderer.create(FOLDERS, { backend });
    inProcess = await Renderer.create(FOLDERS);
  });
  afterAll(() => renderer.close());

  it('renders what this process renders, byte for byte', async () => {
    const request = { template: 'social-post', variant: 'ar' as const, data: post, assets: { logo: LOGO }, format: 'png' as const };
    const [child, local] = [await renderer.render(request), await inProcess.render(request)];
    expect(child.contentType).toBe('image/png');
    expect(child.bytes.equals(local.bytes)).toBe(true);
    expect(child.cacheKey).toBe(local.cacheKey);
  }, 60_000);

  it('replaces the child after its quota of renders and keeps rendering', async () => {
    const pids = new Set<number>();
    for (let index = 0; index < 7; index += 1) {
      const output = await renderer.render({
        template: 'social-post',
        variant: 'fr',
        data: { title: { fr: `Essai ${index}` } },
        format: 'pdf',
      });
      expect(output.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      if (backend.pid) pids.add(backend.pid);
    }
    expect(backend.started).toBeGreaterThanOrEqual(3);
    expect(pids.size).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it('carries a template error back as RENDER_FAILED', async () => {
    const error = await failure(() => renderer.render({ template: 'broken-test', variant: 'fr', data: { title: 'x' }, format: 'pdf' }));
    expect(error.code).toBe('RENDER_FAILED');
    expect(String(error.params.reason)).toContain('subtitle');
  }, 60_000);

  it('stops a runaway template at the timeout, then renders again', async () => {
    const quick = new ChildProcessBackend({ timeoutMs: 3_000 });
    const runaway = await Renderer.create(FOLDERS, { backend: quick });
    try {
      const error = await failure(() => runaway.render({ template: 'runaway-test', variant: 'fr', data: {}, format: 'pdf' }));
      expect(error.code).toBe('RENDER_FAILED');
      expect(String(error.params.reason)).toContain('longer than 3 s');
      const output = await runaway.render({ template: 'social-post', variant: 'fr', data: { title: { fr: 'Encore' } }, format: 'pdf' });
      expect(output.pageCount).toBe(1);
    } finally {
      await runaway.close();
    }
  }, 120_000);

  it('stops its child on close', async () => {
    const own = new ChildProcessBackend();
    const closing = await Renderer.create(FOLDERS, { backend: own });
    await closing.render({ template: 'social-post', variant: 'fr', data: { title: { fr: 'Fin' } }, format: 'svg' });
    const pid = own.pid as number;
    expect(isRunning(pid)).toBe(true);
    await closing.close();
    expect(isRunning(pid)).toBe(false);
  }, 60_000);
});
