/**
 * Pictures of a design at screen size: the live preview (every page, one under the other, at the
 * width of the page's panel) and thumbnails (first page). They are drawn from the SVG the rendering
 * service caches, and are kept in the file store beside it under the SVG's cache key and the width,
 * so typing a letter back or reopening a design costs a lookup.
 */
import { renderAsync } from '@resvg/resvg-js';
import sharp from 'sharp';
import { AppError } from '../../platform/errors.js';
import { svgToPng } from '../../platform/render/rasterize.js';
import { type RenderResult, renderStorageKey } from '../../platform/render/render.service.js';
import { FONTS_DIR } from '../../platform/render/typst-engine.js';
import type { FileStorage } from '../../platform/storage/storage.js';

export interface PreviewRequest {
  readonly svg: RenderResult;
  readonly width: number;
  /** Pixel size of the template's first page (its PNG), for thumbnails. */
  readonly page: { readonly width: number; readonly height: number };
  /** Every page (live preview) or the first (thumbnail). */
  readonly allPages: boolean;
  readonly workspaceId: string;
}

/** Every page of a Typst SVG as one PNG `width` pixels wide. */
async function rasterizeAllPages(svg: string, width: number): Promise<Buffer> {
  try {
    const image = await renderAsync(svg, {
      fitTo: { mode: 'width', value: width },
      // Glyphs are paths; fonts serve only SVG images with text inside (a logo), and only shipped ones.
      font: { loadSystemFonts: false, fontDirs: [FONTS_DIR], defaultFontFamily: 'Noto Sans' },
      logLevel: 'off',
    });
    return await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
      .png()
      .toBuffer();
  } catch (error) {
    throw new AppError('RENDER_FAILED', { params: { reason: error instanceof Error ? error.message : String(error) }, cause: error });
  }
}

/** The preview or thumbnail PNG of a rendered SVG, from the store when drawn before. */
export async function previewPng(storage: FileStorage, request: PreviewRequest): Promise<Buffer> {
  const variant = `${request.svg.cacheKey}-${request.allPages ? 'pages' : 'page1'}-${request.width}`;
  const key = renderStorageKey(variant, 'png', request.workspaceId).replace('/renders/', '/renders/previews/');
  if (await storage.exists(key)) return storage.get(key);
  const svg = request.svg.bytes.toString('utf8');
  const bytes = request.allPages
    ? await rasterizeAllPages(svg, request.width)
    : await svgToPng(svg, { width: request.width, height: Math.round((request.width * request.page.height) / request.page.width) });
  await storage.put(key, bytes);
  return bytes;
}
