/**
 * Checks and cleans an uploaded file before it is stored (T4): size, type by magic bytes, SVG without
 * anything active, a pixel-count limit read from the header before decoding, then images re-encoded
 * by sharp with their metadata dropped (EXIF GPS, camera, ICC) and their orientation applied, and a
 * WebP thumbnail. Throws `AppError`s whose words the edge chooses.
 */
import { ASSET_LIMITS, type AssetKind } from '../../../shared/studio/assets.schema.js';
import { AppError } from '../../platform/errors.js';
import { sharp } from '../../platform/native-packages.js';
import { type AcceptedType, extensionMatches, sniffContentType } from '../../platform/storage/sniff.js';

export interface PreparedUpload {
  kind: AssetKind;
  contentType: AcceptedType;
  /** The bytes to store: re-encoded for raster images, as uploaded for SVG (once checked) and PDF. */
  bytes: Buffer;
  width: number | null;
  height: number | null;
  /** A WebP of at most `thumbnailSize` px on its longest side; null for documents or when not asked. */
  thumbnail: Buffer | null;
}

export interface PrepareOptions {
  fileName: string;
  bytes: Uint8Array;
  maxBytes: number;
  /** Types allowed here (every sniffable type when omitted). */
  accept?: readonly string[];
  withThumbnail: boolean;
  maxMegapixels?: number;
}

/**
 * Why an SVG may not be shown or embedded, or undefined when it is inert. Refusing (rather than
 * sanitizing) keeps the rule short and certain: scripts, event handlers, embedded documents, entity
 * declarations, and any reference that is not to the file itself or an embedded raster image.
 */
export function findSvgHazard(text: string): string | undefined {
  const hazards: Array<[RegExp, string]> = [
    [/<\s*(?:[\w-]+:)?script\b/i, 'script'],
    [/<\s*(?:[\w-]+:)?(?:foreignObject|iframe|embed|object|handler|listener)\b/i, 'embedded content'],
    [/[\s/"']on[a-z]+\s*=/i, 'event handler'],
    [/<!ENTITY/i, 'entity declaration'],
    [/<\?xml-stylesheet/i, 'stylesheet'],
    [/@import/i, 'style import'],
    [/(?:href|src)\s*=(?!\s*["']?\s*(?:#|data:image\/(?:png|jpeg|jpg|gif|webp)[;,]))/i, 'external reference'],
    [/url\((?!\s*["']?\s*#)/i, 'external reference in a style'],
    [/attributeName\s*=\s*["']?(?:[\w-]+:)?href/i, 'animated link'],
  ];
  return hazards.find(([pattern]) => pattern.test(text))?.[1];
}

/** Size, emptiness and type by magic bytes (matching the extension): the checks before any decoding. */
export function checkUploadType(options: Pick<PrepareOptions, 'fileName' | 'bytes' | 'maxBytes' | 'accept'>): AcceptedType {
  const { fileName, bytes, maxBytes, accept } = options;
  if (bytes.byteLength > maxBytes) throw new AppError('FILE_TOO_LARGE', { params: { maxMb: Math.round((maxBytes / 1048576) * 10) / 10 } });
  if (bytes.byteLength === 0) throw new AppError('VALIDATION_FAILED', { fields: { file: 'EMPTY_FILE' } });
  const type = sniffContentType(bytes);
  if (!type || !extensionMatches(type, fileName) || (accept && !accept.includes(type))) {
    throw new AppError('FILE_TYPE_MISMATCH', { params: { fileName } });
  }
  return type;
}

function unreadable(cause: unknown): AppError {
  return new AppError('VALIDATION_FAILED', { fields: { file: 'IMAGE_UNREADABLE' }, cause });
}

/** Re-encodes a raster image in its own format: orientation applied, no metadata kept. */
async function reencode(bytes: Uint8Array, type: AcceptedType, limitInputPixels: number): Promise<Buffer> {
  if (type === 'image/gif') return sharp(bytes, { animated: true, limitInputPixels }).gif().toBuffer();
  const image = sharp(bytes, { limitInputPixels }).rotate();
  if (type === 'image/jpeg') return image.jpeg({ quality: 90 }).toBuffer();
  if (type === 'image/webp') return image.webp({ quality: 90 }).toBuffer();
  return image.png().toBuffer();
}

/** Checks an upload and returns what to store. */
export async function prepareUpload(options: PrepareOptions): Promise<PreparedUpload> {
  const type = checkUploadType(options);
  const bytes = Buffer.from(options.bytes.buffer, options.bytes.byteOffset, options.bytes.byteLength);
  if (type === 'application/pdf') return { kind: 'document', contentType: type, bytes, width: null, height: null, thumbnail: null };
  if (type === 'image/svg+xml') {
    const hazard = findSvgHazard(bytes.toString('utf8'));
    if (hazard) throw new AppError('VALIDATION_FAILED', { fields: { file: 'SVG_UNSAFE' }, params: { reason: hazard } });
  }
  const maxMegapixels = options.maxMegapixels ?? ASSET_LIMITS.maxMegapixels;
  const limitInputPixels = maxMegapixels * 1_000_000;
  // The header alone: no pixel is decoded before the size is known.
  const header = await sharp(bytes, { limitInputPixels: false, animated: type === 'image/gif' })
    .metadata()
    .catch((error: unknown) => {
      throw unreadable(error);
    });
  const pixels = (header.width ?? 0) * (header.height ?? 0);
  if (pixels > limitInputPixels) throw new AppError('IMAGE_TOO_LARGE', { params: { max: maxMegapixels } });
  const stored =
    type === 'image/svg+xml'
      ? bytes
      : await reencode(bytes, type, limitInputPixels).catch((error: unknown) => Promise.reject(unreadable(error)));
  const cleaned = await sharp(stored, { limitInputPixels })
    .metadata()
    .catch((error: unknown) => {
      throw unreadable(error);
    });
  const thumbnail = options.withThumbnail
    ? await sharp(stored, { limitInputPixels })
        .resize({ width: ASSET_LIMITS.thumbnailSize, height: ASSET_LIMITS.thumbnailSize, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer()
        .catch((error: unknown) => Promise.reject(unreadable(error)))
    : null;
  return {
    kind: 'image',
    contentType: type,
    bytes: stored,
    width: cleaned.width ?? null,
    height: cleaned.pageHeight ?? cleaned.height ?? null,
    thumbnail,
  };
}
