/**
 * Pictures of a design or a document at screen size: the live preview (every page, one under the
 * other, at the width of the page's panel), one page of a document (the editor's preview) and
 * thumbnails (first page). They are drawn from the SVG the rendering
 * service caches, and are kept in the file store beside it under the SVG's cache key and the width,
 * so typing a letter back or reopening a design costs a lookup.
 */
import { svgPagesToPng, svgPageToPng, svgToPng } from '../../platform/render/rasterize.js';
import { type RenderResult, renderStorageKey } from '../../platform/render/render.service.js';
import { readCached } from '../../platform/render/render-cache.js';
import type { FileStorage } from '../../platform/storage/storage.js';

/** Raised when the drawing changes for the same SVG (2: pages after the first no longer hide it). */
const PREVIEW_FORMAT = 2;

export interface PreviewRequest {
  readonly svg: RenderResult;
  readonly width: number;
  /** Pixel size of the template's first page (its PNG), for thumbnails. */
  readonly page: { readonly width: number; readonly height: number };
  /** Every page (live preview) or the first (thumbnail). */
  readonly allPages: boolean;
  /** One page (1-based) at its own size instead, e.g. a document's page in the editor. */
  readonly pageNumber?: number;
  readonly workspaceId: string;
}

/** The preview or thumbnail PNG of a rendered SVG, from the store when drawn before. */
export async function previewPng(storage: FileStorage, request: PreviewRequest): Promise<Buffer> {
  const pages = request.pageNumber ? `p${request.pageNumber}` : request.allPages ? 'pages' : 'page1';
  const variant = `${request.svg.cacheKey}-${pages}-${request.width}-${PREVIEW_FORMAT}`;
  const key = renderStorageKey(variant, 'png', request.workspaceId).replace('/renders/', '/renders/previews/');
  const stored = await readCached(storage, key);
  if (stored) return stored;
  const svg = request.svg.bytes.toString('utf8');
  const bytes = request.pageNumber
    ? await svgPageToPng(svg, request.pageNumber, request.width)
    : request.allPages
      ? await svgPagesToPng(svg, request.width)
      : await svgToPng(svg, { width: request.width, height: Math.round((request.width * request.page.height) / request.page.width) });
  await storage.put(key, bytes);
  return bytes;
}
