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

/** Scaled-down copies of large photos, by content hash and size: a live preview re-renders the same photo. */
const scaledImages = new Map<string, Promise<Buffer>>();
const SCALED_IMAGES_KEPT = 32;

/**
 * A photo far larger than a PNG can show costs resvg a full decode at every render (a 12-megapixel
 * phone picture: several hundred milliseconds). For PNG output, a JPEG, PNG or WebP whose longer side
 * exceeds `maxSide` is scaled down once (same format, EXIF kept) and reused; PDF and SVG outputs keep
 * the original bytes. Returns undefined when the original is small enough.
 */
export async function scaledForPng(bytes: Uint8Array, sha256: string, type: string, maxSide: number): Promise<Buffer | undefined> {
  if (!['image/jpeg', 'image/png', 'image/webp'].includes(type)) return undefined;
  const { width = 0, height = 0 } = await sharp(bytes).metadata();
  if (Math.max(width, height) <= maxSide) return undefined;
  const key = `${sha256}:${maxSide}`;
  let scaled = scaledImages.get(key);
  if (!scaled) {
    const resized = sharp(bytes).keepExif().resize({ width: maxSide, height: maxSide, fit: 'inside' });
    scaled = (
      type === 'image/jpeg' ? resized.jpeg({ quality: 90 }) : type === 'image/webp' ? resized.webp({ quality: 90 }) : resized.png()
    ).toBuffer();
    scaledImages.set(key, scaled);
    scaled.catch(() => scaledImages.delete(key));
    if (scaledImages.size > SCALED_IMAGES_KEPT) scaledImages.delete(scaledImages.keys().next().value as string);
  }
  return scaled;
}
