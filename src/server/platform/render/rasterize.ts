/**
 * PNG from Typst's SVG: resvg draws it, sharp encodes the pixels (twice as fast as resvg's own
 * encoder, and smaller files); both run in libuv's thread pool, so the event loop stays free.
 * Typst draws glyphs as paths, so no font is needed, except by an SVG image embedded in the page (a
 * logo with text): resvg then gets the shipped fonts and never the machine's.
 */
import { renderAsync } from '@resvg/resvg-js';
import sharp from 'sharp';
import { AppError } from '../errors.js';
import { FONTS_DIR } from './typst-engine.js';

const ROOT_TAG = /<svg\b[^>]*>/;

/**
 * Keeps the first page: Typst stacks pages vertically in one SVG, so the first page is the top
 * `width × width·(height/width)` of the drawing.
 */
export function cropToFirstPage(svg: string, pixels: { width: number; height: number }): string {
  const root = ROOT_TAG.exec(svg)?.[0];
  const viewBox = root && /viewBox="([\d.\s-]+)"/.exec(root)?.[1]?.trim().split(/\s+/).map(Number);
  if (!root || !viewBox || viewBox.length !== 4) throw new AppError('RENDER_FAILED', { params: { reason: 'unexpected SVG from Typst' } });
  const [x = 0, y = 0, width = 0, fullHeight = 0] = viewBox;
  const height = Math.min(fullHeight, (width * pixels.height) / pixels.width);
  const cropped = root
    .replace(/viewBox="[^"]*"/, `viewBox="${x} ${y} ${width} ${height}"`)
    .replace(/\sheight="[^"]*"/, ` height="${height}pt"`);
  return svg.replace(root, cropped);
}

/** The first page as a PNG exactly `width` pixels wide. */
export async function svgToPng(svg: string, pixels: { width: number; height: number }): Promise<Buffer> {
  const page = cropToFirstPage(svg, pixels);
  const needsFonts = page.includes('data:image/svg+xml');
  try {
    const image = await renderAsync(page, {
      fitTo: { mode: 'width', value: pixels.width },
      font: needsFonts
        ? {
            loadSystemFonts: false,
            fontDirs: [FONTS_DIR],
            defaultFontFamily: 'Noto Sans',
            sansSerifFamily: 'Noto Sans',
            serifFamily: 'Noto Serif',
          }
        : { loadSystemFonts: false },
      logLevel: 'off',
    });
    return await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
      .png()
      .toBuffer();
  } catch (error) {
    throw new AppError('RENDER_FAILED', { params: { reason: error instanceof Error ? error.message : String(error) }, cause: error });
  }
}
