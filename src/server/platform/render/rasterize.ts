/**
 * PNG from Typst's SVG: resvg draws it, sharp encodes the pixels (twice as fast as resvg's own
 * encoder, and smaller files); both run in libuv's thread pool, so the event loop stays free.
 * Typst draws glyphs as paths, so no font is needed, except by an SVG image embedded in the page (a
 * logo with text): resvg then gets the shipped fonts and never the machine's.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';
import { resvg, sharp } from '../native-packages.js';
import { FONTS_DIR } from './typst-engine.js';

const ROOT_TAG = /<svg\b[^>]*>/;

/**
 * One page of a Typst SVG: its offset and height in the drawing, and the top-level elements that draw
 * it (the page's fill, when it has one, and its group).
 */
interface SvgPage {
  readonly y: number;
  readonly height: number;
  readonly parts: string[];
}

interface SvgLayout {
  readonly root: string;
  readonly viewBox: readonly [number, number, number, number];
  /** Top-level elements that are no page: glyph definitions, styles, clip paths… */
  readonly shared: string[];
  readonly pages: SvgPage[];
}

/** Tags, comments and CDATA of an SVG (attribute values may hold `>` inside quotes). */
const TAG = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([A-Za-z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const PAGE_OFFSET = /^\s*matrix\(\s*1[ ,]+0[ ,]+0[ ,]+1[ ,]+([-\d.e]+)[ ,]+([-\d.e]+)\s*\)\s*$/;

function unexpected(reason: string): never {
  throw new AppError('RENDER_FAILED', { params: { reason: `unexpected SVG from Typst: ${reason}` } });
}

/**
 * The pages of a Typst SVG. typst-ts stacks the pages vertically: each page is a top-level `<g>`
 * (translated by its offset, the first one not at all), preceded by the page's fill as a top-level
 * `<path class="typst-shape">` drawn at the origin, not at the page's offset.
 */
function layoutOf(svg: string): SvgLayout {
  const root = ROOT_TAG.exec(svg)?.[0];
  const viewBox = root && /viewBox="([\d.\s-]+)"/.exec(root)?.[1]?.trim().split(/\s+/).map(Number);
  if (!root || !viewBox || viewBox.length !== 4) unexpected('no root viewBox');
  const body = svg.slice(svg.indexOf(root) + root.length, svg.lastIndexOf('</svg>'));
  const elements: Array<{ name: string; text: string; attributes: string }> = [];
  let depth = 0;
  let start = -1;
  let current: { name: string; attributes: string } | undefined;
  for (const match of body.matchAll(TAG)) {
    const [whole, closing, name, attributes = '', selfClosing] = match;
    if (!name) continue;
    const at = match.index ?? 0;
    if (closing) {
      depth -= 1;
      if (depth === 0 && current) {
        elements.push({ ...current, text: body.slice(start, at + whole.length) });
        current = undefined;
      }
    } else if (selfClosing) {
      if (depth === 0) elements.push({ name, attributes, text: whole });
    } else {
      if (depth === 0) {
        start = at;
        current = { name, attributes };
      }
      depth += 1;
    }
  }
  if (depth !== 0) unexpected('unbalanced tags');
  const [, , , fullHeight] = viewBox as [number, number, number, number];
  const shared: string[] = [];
  const pages: Array<{ y: number; parts: string[] }> = [];
  let fill: string | undefined;
  for (const element of elements) {
    if (element.name === 'path' && /\bclass="typst-shape"/.test(element.attributes)) {
      if (fill) shared.push(fill);
      fill = element.text;
    } else if (element.name === 'g') {
      const transform = /\stransform="([^"]*)"/.exec(element.attributes)?.[1];
      const offset = transform === undefined ? [0, 0] : PAGE_OFFSET.exec(transform)?.slice(1).map(Number);
      if (!offset) unexpected(`page transform ${transform}`);
      pages.push({ y: offset[1] ?? 0, parts: fill ? [fill, element.text] : [element.text] });
      fill = undefined;
    } else shared.push(element.text);
  }
  if (fill) shared.push(fill);
  return {
    root,
    viewBox: viewBox as [number, number, number, number],
    shared,
    pages: pages.map((page, index) => ({ ...page, height: (pages[index + 1]?.y ?? fullHeight) - page.y })),
  };
}

/** How many pages a Typst SVG has. */
export function svgPageCount(svg: string): number {
  return layoutOf(svg).pages.length;
}

/** The page's elements, its fill moved to the page's offset (typst-ts draws every fill at the origin). */
function placedParts(page: SvgPage): string[] {
  const [fill, group] = page.parts.length === 2 ? page.parts : [undefined, page.parts[0]];
  return [...(fill ? [`<g transform="matrix(1 0 0 1 0 ${page.y})">${fill}</g>`] : []), group ?? ''];
}

function svgWith(layout: SvgLayout, box: { y: number; height: number }, parts: readonly string[]): string {
  const [x, , width] = layout.viewBox;
  const root = layout.root
    .replace(/viewBox="[^"]*"/, `viewBox="${x} ${box.y} ${width} ${box.height}"`)
    .replace(/\sheight="[^"]*"/, ` height="${box.height}pt"`);
  return `${root}${layout.shared.join('')}${parts.join('')}</svg>`;
}

/**
 * Every page one under the other, each with its own fill: typst-ts draws the fill of page 2 and
 * later at the top of the drawing, over page 1 (a multi-page document rasterized as it comes shows
 * a blank first page).
 */
export function withPagesInPlace(svg: string): string {
  const layout = layoutOf(svg);
  const [, y, , height] = layout.viewBox;
  return svgWith(layout, { y, height }, layout.pages.flatMap(placedParts));
}

/** Page `index` (0-based) alone, its view box on that page. */
export function cropToPage(svg: string, index: number): string {
  const layout = layoutOf(svg);
  const page = layout.pages[index];
  if (!page) throw new AppError('VALIDATION_FAILED', { fields: { page: 'OUT_OF_RANGE' } });
  return svgWith(layout, page, placedParts(page));
}

/**
 * Keeps the first page at the aspect ratio of `pixels` (a template's PNG size; the first page when it
 * matches), without the other pages' fills.
 */
export function cropToFirstPage(svg: string, pixels: { width: number; height: number }): string {
  const layout = layoutOf(svg);
  const first = layout.pages[0];
  const [, y, width, fullHeight] = layout.viewBox;
  const height = Math.min(fullHeight, (width * pixels.height) / pixels.width);
  return svgWith(layout, { y, height }, first ? placedParts(first) : []);
}

/** Raster images Typst embedded: the data URL, then the drawn size in the SVG's units. */
const RASTER_IMAGE = /<image\b[^>]*?\bxlink:href="data:image\/(jpeg);base64,([^"]*)"[^>]*?\bwidth="([\d.]+)"\s+height="([\d.]+)"[^>]*>/g;
const MATRIX = /^\s*matrix\(\s*([-\d.e]+)[ ,]+([-\d.e]+)[ ,]+([-\d.e]+)[ ,]+([-\d.e]+)[ ,]+[-\d.e]+[ ,]+[-\d.e]+\s*\)\s*$/;

/**
 * How much the element at `index` is scaled by its ancestors' transforms and its own (1 for
 * Typst's usual translations), or undefined when a transform is not a plain matrix.
 */
function scaleAt(svg: string, index: number, ownTag: string): number | undefined {
  const stack: number[] = [];
  const scaleOf = (attributes: string): number | undefined => {
    const transform = /\stransform="([^"]*)"/.exec(attributes)?.[1];
    if (transform === undefined) return 1;
    const match = MATRIX.exec(transform);
    if (!match) return undefined;
    const [a, b, c, d] = match.slice(1, 5).map(Number) as [number, number, number, number];
    return Math.sqrt(Math.abs(a * d - b * c));
  };
  for (const match of svg.slice(0, index).matchAll(TAG)) {
    const [, closing, name, attributes = '', selfClosing] = match;
    if (!name || selfClosing) continue;
    if (closing) stack.pop();
    else {
      const scale = scaleOf(attributes);
      if (scale === undefined) return undefined;
      stack.push(scale);
    }
  }
  const own = scaleOf(ownTag);
  return own === undefined ? undefined : stack.reduce((product, scale) => product * scale, own);
}

/** Photos at the pixel size they are drawn at, by hash of their data URL and size (a live preview redraws the same photo). */
const drawnSizeImages = new Map<string, Promise<string | undefined>>();
const DRAWN_SIZE_IMAGES_KEPT = 32;

/**
 * resvg resamples an embedded photo from its own size to the drawn size at every render (a
 * 1200 × 800 JPEG drawn 936 × 624 in the social post). A JPEG larger than it is drawn is replaced
 * by a lossless PNG of exactly the drawn pixels (sharp's Lanczos resampling), made once and reused;
 * resvg then draws it at scale 1. PNGs (logos, often drawn much smaller than their size) keep their
 * bytes: resvg's resampling of them is what the reference images hold. An image under a transform
 * that is not a plain matrix, or with an EXIF rotation, keeps its bytes too.
 */
async function withImagesAtDrawnSize(svg: string, pixelsPerUnit: number): Promise<string> {
  const replacements: Array<{ start: number; end: number; text: Promise<string | undefined> }> = [];
  for (const match of svg.matchAll(RASTER_IMAGE)) {
    const [tag, , base64 = '', width = '0', height = '0'] = match;
    const start = match.index ?? 0;
    const scale = scaleAt(svg, start, tag);
    if (scale === undefined) continue;
    const pixels = { width: Math.round(Number(width) * scale * pixelsPerUnit), height: Math.round(Number(height) * scale * pixelsPerUnit) };
    if (pixels.width < 1 || pixels.height < 1) continue;
    const key = `${createHash('sha256').update(base64).digest('hex')}:${pixels.width}x${pixels.height}`;
    let scaled = drawnSizeImages.get(key);
    if (!scaled) {
      scaled = (async () => {
        const bytes = Buffer.from(base64, 'base64');
        const { width: actual = 0, height: actualHeight = 0, orientation = 1 } = await sharp(bytes).metadata();
        // A rotated photo (EXIF orientation) keeps its bytes: its drawn size is the rotated one.
        if (orientation !== 1 || (actual <= pixels.width && actualHeight <= pixels.height)) return undefined;
        const png = await sharp(bytes).resize(pixels.width, pixels.height, { fit: 'fill' }).png({ compressionLevel: 1 }).toBuffer();
        return png.toString('base64');
      })().catch(() => undefined); // an image sharp cannot read is left to resvg as it was
      drawnSizeImages.set(key, scaled);
      if (drawnSizeImages.size > DRAWN_SIZE_IMAGES_KEPT) drawnSizeImages.delete(drawnSizeImages.keys().next().value as string);
    }
    const dataStart = start + tag.indexOf('data:image/');
    replacements.push({
      start: dataStart,
      end: dataStart + tag.slice(tag.indexOf('data:image/')).indexOf('"'),
      text: scaled.then((png) => (png === undefined ? undefined : `data:image/png;base64,${png}`)),
    });
  }
  if (replacements.length === 0) return svg;
  let result = '';
  let from = 0;
  for (const replacement of replacements) {
    const text = await replacement.text;
    if (text === undefined) continue;
    result += svg.slice(from, replacement.start) + text;
    from = replacement.end;
  }
  return result + svg.slice(from);
}

async function rasterize(original: string, width: number): Promise<Buffer> {
  const viewBoxWidth = Number(/viewBox="[-\d.]+\s+[-\d.]+\s+([\d.]+)/.exec(ROOT_TAG.exec(original)?.[0] ?? '')?.[1]);
  const svg = viewBoxWidth > 0 ? await withImagesAtDrawnSize(original, width / viewBoxWidth) : original;
  const needsFonts = svg.includes('data:image/svg+xml');
  try {
    const image = await resvg().renderAsync(svg, {
      fitTo: { mode: 'width', value: width },
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

/** The first page as a PNG exactly `width` pixels wide. */
export function svgToPng(svg: string, pixels: { width: number; height: number }): Promise<Buffer> {
  return rasterize(cropToFirstPage(svg, pixels), pixels.width);
}

/** Page `page` (1-based) as a PNG `width` pixels wide (VALIDATION_FAILED `page: OUT_OF_RANGE` past the last). */
export function svgPageToPng(svg: string, page: number, width: number): Promise<Buffer> {
  return rasterize(cropToPage(svg, page - 1), width);
}

/** Every page, one under the other, as one PNG `width` pixels wide. */
export function svgPagesToPng(svg: string, width: number): Promise<Buffer> {
  return rasterize(withPagesInPlace(svg), width);
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
