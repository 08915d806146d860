/**
 * The rendering service other modules call (studio visuals and documents, events, press kits,
 * reports). A render is cached in the file store under the SHA-256 of everything its output depends
 * on, so asking again for the same thing is a lookup; long documents render in a job.
 */
import { RENDER_CONTENT_TYPES, type RenderFormat } from '../../../shared/render/render.schema.js';
import type { Platform } from '../platform.js';
import type { FileStorage } from '../storage/storage.js';
import { readCached } from './render-cache.js';
import { type Renderer, type RenderInput, sharedRenderer } from './renderer.js';

/** Documents estimated above this many pages render in a `render.document` job. */
export const RENDER_INLINE_MAX_PAGES = 20;

export interface RenderRequest extends RenderInput {
  /** Files of a workspace's renders are kept under its folder of the store. */
  readonly workspaceId?: string;
}

export interface RenderResult {
  readonly bytes: Buffer;
  readonly contentType: string;
  /** True when the bytes came from the file store without compiling. */
  readonly cached: boolean;
  readonly storageKey: string;
  readonly cacheKey: string;
}

export interface RenderOptions {
  /** Another renderer than the process's one (benchmarks and tests with their own templates). */
  readonly renderer?: Renderer;
}

/** Where a render's output is kept: `<workspace>/renders/<hash>.<ext>`, or `renders/…` without a workspace. */
export function renderStorageKey(cacheKey: string, format: RenderFormat, workspaceId?: string): string {
  return `${workspaceId ? `${workspaceId}/` : ''}renders/${cacheKey.slice(0, 2)}/${cacheKey}.${format}`;
}

/**
 * Renders a template to PDF, SVG or PNG, or returns the stored output of the same render.
 * Throws NOT_FOUND (template), VALIDATION_FAILED (data, variant, format, assets) or RENDER_FAILED.
 */
export async function renderTemplate(
  platform: { readonly storage: FileStorage },
  request: RenderRequest,
  options: RenderOptions = {},
): Promise<RenderResult> {
  const renderer = options.renderer ?? (await sharedRenderer());
  const prepared = renderer.prepare(request);
  const storageKey = renderStorageKey(prepared.cacheKey, prepared.format, request.workspaceId);
  const stored = await readCached(platform.storage, storageKey);
  if (stored) {
    return { bytes: stored, contentType: RENDER_CONTENT_TYPES[prepared.format], cached: true, storageKey, cacheKey: prepared.cacheKey };
  }
  const output = await renderer.produce(prepared);
  await platform.storage.put(storageKey, output.bytes);
  return { bytes: output.bytes, contentType: output.contentType, cached: false, storageKey, cacheKey: prepared.cacheKey };
}

/** A render whose images are already in the file store (what a job can carry). */
export interface StoredRenderRequest extends Omit<RenderRequest, 'assets'> {
  /** Asset slot → storage key of the image. */
  readonly assetKeys?: Readonly<Record<string, string>>;
  /** Render in a job even when short. */
  readonly background?: boolean;
}

export type RenderRequestOutcome =
  | ({ readonly state: 'ready' } & RenderResult)
  | { readonly state: 'queued'; readonly jobId: string | null; readonly storageKey: string; readonly contentType: string };

/** Reads the images of a stored request from the file store. */
export async function loadAssets(storage: FileStorage, assetKeys: Readonly<Record<string, string>> = {}): Promise<Record<string, Buffer>> {
  const assets: Record<string, Buffer> = {};
  for (const [slot, key] of Object.entries(assetKeys)) assets[slot] = await storage.get(key);
  return assets;
}

/**
 * Renders now, or — when asked (`background`) or when the template estimates more than
 * RENDER_INLINE_MAX_PAGES pages — queues a `render.document` job and says where the output will be
 * stored (poll `storage.exists(storageKey)` or the job). A render already in the store is `ready`.
 */
export async function requestRender(
  platform: Pick<Platform, 'storage' | 'jobs'>,
  request: StoredRenderRequest,
  options: RenderOptions = {},
): Promise<RenderRequestOutcome> {
  const renderer = options.renderer ?? (await sharedRenderer());
  const { assetKeys, background, ...rest } = request;
  const input: RenderRequest = { ...rest, assets: await loadAssets(platform.storage, assetKeys) };
  const prepared = renderer.prepare(input);
  const storageKey = renderStorageKey(prepared.cacheKey, prepared.format, request.workspaceId);
  const isLong = (prepared.template.manifest.estimatePages?.(JSON.parse(prepared.dataJson)) ?? 1) > RENDER_INLINE_MAX_PAGES;
  if ((background || isLong) && !(await platform.storage.exists(storageKey))) {
    const jobId = await platform.jobs.send('render.document', { ...rest, assetKeys: assetKeys ?? {} }, { singletonKey: storageKey });
    return { state: 'queued', jobId, storageKey, contentType: RENDER_CONTENT_TYPES[prepared.format] };
  }
  return { state: 'ready', ...(await renderTemplate(platform, input, options)) };
}
