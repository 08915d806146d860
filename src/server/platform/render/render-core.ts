/**
 * One compile-and-export, the part of a render that runs where the compiler lives (in this process
 * or in the render process): images mapped in memory, Typst compiled with the request's inputs,
 * PDF or SVG exported, PNG rasterized. Everything here is plain data, so it crosses a process
 * boundary unchanged.
 */
import { RENDER_CONTENT_TYPES, type RenderFormat } from '../../../shared/render/render.schema.js';
import { scaledForPng, svgToPng } from './rasterize.js';
import type { TypstEngine } from './typst-engine.js';

export interface CompileAsset {
  readonly virtualPath: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly type: string;
}

export interface CompileJob {
  /** Virtual path of the template's entry file. */
  readonly mainPath: string;
  /** `sys.inputs`: `data`, `variant`, `assets`. */
  readonly inputs: Record<string, string>;
  readonly format: RenderFormat;
  /** Pixel size of a PNG (the first page). */
  readonly png?: { readonly width: number; readonly height: number };
  readonly assets: readonly CompileAsset[];
}

export interface CompileOutput {
  readonly bytes: Buffer;
  readonly contentType: string;
  readonly pageCount: number;
  readonly warnings: string[];
}

/** Typst keeps intermediate results for reuse; old ones are dropped every few renders. */
const EVICT_EVERY = 16;
const EVICT_MAX_AGE = 10;
const rendersSinceEviction = new WeakMap<TypstEngine, number>();

/** Runs one job on an engine that already has the template files mapped. */
export async function runCompileJob(engine: TypstEngine, job: CompileJob): Promise<CompileOutput> {
  // Images no PNG pixel needs at full size are scaled down first (a photo is never shown larger
  // than twice the page). From here on nothing is awaited until the export is done, so two
  // renders never see each other's images.
  const maxSide = job.png ? 2 * Math.max(job.png.width, job.png.height) : 0;
  const files = await Promise.all(
    job.assets.map(async (asset) => ({
      virtualPath: asset.virtualPath,
      bytes: (job.format === 'png' && (await scaledForPng(asset.bytes, asset.sha256, asset.type, maxSide))) || asset.bytes,
    })),
  );
  for (const file of files) engine.mapFile(file.virtualPath, file.bytes);
  let compiled: ReturnType<TypstEngine['compile']>;
  let exported: Buffer | string;
  try {
    compiled = engine.compile(job.mainPath, job.inputs);
    exported = job.format === 'pdf' ? engine.pdf(compiled.document) : engine.svg(compiled.document);
  } finally {
    for (const file of files) engine.unmapFile(file.virtualPath);
    const count = (rendersSinceEviction.get(engine) ?? 0) + 1;
    rendersSinceEviction.set(engine, count % EVICT_EVERY);
    if (count >= EVICT_EVERY) engine.evictCache(EVICT_MAX_AGE);
  }
  const bytes =
    job.format === 'png' && job.png
      ? await svgToPng(exported as string, job.png)
      : typeof exported === 'string'
        ? Buffer.from(exported)
        : exported;
  return { bytes, contentType: RENDER_CONTENT_TYPES[job.format], pageCount: compiled.pageCount, warnings: compiled.warnings };
}
