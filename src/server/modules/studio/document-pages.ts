/**
 * Pages of studio documents: page counts of their renders, render errors named as the document's
 * fields, and the names and variants their files take.
 */
import type { LocalizedText } from '../../../shared/localized-text.js';
import type { DocumentMode } from '../../../shared/studio/documents.schema.js';
import { AppError, type FieldErrors } from '../../platform/errors.js';
import { svgPageCount } from '../../platform/render/rasterize.js';
import type { RenderResult } from '../../platform/render/render.service.js';
import type { DocumentRow } from './documents.repo.js';

/** A4 at 150 dpi: the template's declared PNG size (for the preview's aspect ratio). */
export const PAGE_PIXELS = { width: 1240, height: 1754 } as const;

/** Render errors about the data, named as the document's fields (`data.title.fr` → `title.fr`). */
export function documentFields(error: unknown): never {
  if (error instanceof AppError && error.code === 'VALIDATION_FAILED' && error.fields) {
    const fields: FieldErrors = {};
    for (const [path, code] of Object.entries(error.fields)) {
      if (/^data\.(title|subtitle)\./.test(path)) fields[path.slice('data.'.length)] = code;
      else fields[path.startsWith('data.') ? 'bodies' : path] ??= code;
    }
    throw new AppError('VALIDATION_FAILED', { fields, cause: error });
  }
  throw error;
}

const pageCounts = new Map<string, number>();
const PAGE_COUNTS_KEPT = 200;

/** Pages of a Typst SVG, remembered by its cache key (previews ask again and again). */
export function pagesOfSvg(svg: RenderResult): number {
  const known = pageCounts.get(svg.cacheKey);
  if (known !== undefined) return known;
  const count = svgPageCount(svg.bytes.toString('utf8'));
  pageCounts.set(svg.cacheKey, count);
  if (pageCounts.size > PAGE_COUNTS_KEPT) pageCounts.delete(pageCounts.keys().next().value as string);
  return count;
}

/** Pages of a PDF Typst wrote (its page objects are plain dictionaries). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

/** The title a downloaded file is named after. */
export function pickTitle(row: DocumentRow): string {
  const title = row.title as LocalizedText;
  return title.fr?.value || title.ar?.value || 'document';
}

/** The template variant of a mode. */
export function variantOf(mode: DocumentMode) {
  return mode === 'ar' || mode === 'fr' ? mode : 'bilingual';
}
