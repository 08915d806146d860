/**
 * A post's photos: library images whose people agreed to social use (the studio's consent rule,
 * `consentSummaryOf`), checked when the post is saved, scheduled and published; and their bytes as
 * the network takes them — JPEG or PNG of at most 4 MB. A bigger photo is scaled down and re-encoded
 * when it is published, never refused: the library keeps the original.
 *
 * A photo rendered from a studio design (design-photos.service.ts) is also checked through the
 * library photos the design showed: their consent as it is now, so a consent withdrawn or narrowed
 * on the original photo stops the visual too, whatever the copies on the rendered photo say.
 */
import type { LocalizedText } from '../../../shared/localized-text.js';
import { pickLocalized } from '../../../shared/localized-text.js';
import { SOCIAL_POST_LIMITS } from '../../../shared/social/posts.schema.js';
import { consentSummaryOf } from '../../../shared/studio/consent-rules.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { AppError, type FieldErrors } from '../../platform/errors.js';
import { sharp } from '../../platform/native-packages.js';
import type { FileStorage } from '../../platform/storage/storage.js';
import { workspaceToday } from '../studio/asset-rules.js';
import { findConsentTerms } from '../studio/designs.repo.js';
import type { PhotoAttachment } from './channels/channel.js';
import { findDesignPhotoSources } from './design-photos.repo.js';
import { findPostAssets, type PostAssetRow } from './posts.repo.js';

export interface CheckedPhotos {
  /** The usable photos, in the post's order. */
  rows: PostAssetRow[];
  /** `assetIds.<index>` → why that photo may not be used. */
  problems: FieldErrors;
}

type ConsentTerms = Awaited<ReturnType<typeof findConsentTerms>>;

/** Why people shown in a photo do not allow social use now (CONSENT_EXPIRED, CONSENT_NOT_VALID), or undefined. */
function consentProblemOf(showsPeople: boolean, consents: ConsentTerms, today: string): string | undefined {
  const summary = consentSummaryOf(showsPeople, consents, today);
  if (summary.status === 'expired') return 'CONSENT_EXPIRED';
  if (!summary.usableFor.includes('social')) return 'CONSENT_NOT_VALID';
  return undefined;
}

/**
 * Whether the library photos a design shows allow social use now: the first problem among them, or
 * undefined. A photo no longer in the library (or archived) does not withdraw its people's consent,
 * so only consent counts here.
 */
export async function sourcePhotosProblem(db: DbOrTransaction, workspaceId: string, sourceIds: readonly string[], today: string) {
  if (sourceIds.length === 0) return undefined;
  const [rows, consents] = await Promise.all([findPostAssets(db, workspaceId, sourceIds), findConsentTerms(db, sourceIds)]);
  for (const row of rows) {
    const problem = consentProblemOf(
      row.showsPeople,
      consents.filter((consent) => consent.assetId === row.id),
      today,
    );
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Whether each photo is an image of the workspace's library, not archived, with a current consent
 * for social use — and, for a photo rendered from a design, the design's own photos too.
 */
export async function checkPostPhotos(db: DbOrTransaction, workspaceId: string, assetIds: readonly string[], now = new Date()) {
  const result: CheckedPhotos = { rows: [], problems: {} };
  if (assetIds.length === 0) return result;
  const [rows, consents, today, designPhotos] = await Promise.all([
    findPostAssets(db, workspaceId, assetIds),
    findConsentTerms(db, assetIds),
    workspaceToday(db, workspaceId, now),
    findDesignPhotoSources(db, workspaceId, assetIds),
  ]);
  for (const [index, id] of assetIds.entries()) {
    const at = `assetIds.${index}`;
    const row = rows.find((candidate) => candidate.id === id);
    const sources = designPhotos.find((photo) => photo.assetId === id)?.sourceAssetIds ?? [];
    if (!row) result.problems[at] = 'ASSET_NOT_FOUND';
    else if (row.archivedAt) result.problems[at] = 'ASSET_ARCHIVED';
    else if (row.kind !== 'image') result.problems[at] = 'ASSET_NOT_IMAGE';
    else {
      const own = consents.filter((consent) => consent.assetId === id);
      const problem = consentProblemOf(row.showsPeople, own, today) ?? (await sourcePhotosProblem(db, workspaceId, sources, today));
      if (problem) result.problems[at] = problem;
      else result.rows.push(row);
    }
  }
  return result;
}

/** Throws VALIDATION_FAILED with a field per unusable photo. */
export async function assertPostPhotos(db: DbOrTransaction, workspaceId: string, assetIds: readonly string[], now = new Date()) {
  const checked = await checkPostPhotos(db, workspaceId, assetIds, now);
  if (Object.keys(checked.problems).length > 0) throw new AppError('VALIDATION_FAILED', { fields: checked.problems });
  return checked.rows;
}

const ACCEPTED = new Set(['image/jpeg', 'image/png']);

/**
 * The bytes as the network takes them: a JPEG or PNG within the limit goes as stored; anything else
 * (bigger, WebP, GIF, SVG) is drawn at most 2048 px on its longest side as a JPEG, lowering the
 * quality and then the size until it fits.
 */
export async function photoForNetwork(bytes: Buffer, contentType: string, maxBytes: number = SOCIAL_POST_LIMITS.photoBytes) {
  if (ACCEPTED.has(contentType) && bytes.byteLength <= maxBytes) {
    return { bytes, mimeType: contentType as PhotoAttachment['mimeType'] };
  }
  let side = 2048;
  let quality = 85;
  for (;;) {
    const out = await sharp(bytes, { limitInputPixels: 100_000_000 })
      .rotate()
      .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality, mozjpeg: true })
      .toBuffer();
    if (out.byteLength <= maxBytes || side <= 320) return { bytes: out, mimeType: 'image/jpeg' as const };
    if (quality > 60) quality -= 10;
    else side = Math.round(side * 0.75);
  }
}

/** Every photo of a publication, read from the file store and made acceptable, with its alt text in `language`. */
export async function loadPhotoAttachments(
  storage: FileStorage,
  rows: readonly PostAssetRow[],
  language: string,
  fallbacks: readonly string[],
): Promise<PhotoAttachment[]> {
  const out: PhotoAttachment[] = [];
  for (const row of rows) {
    const prepared = await photoForNetwork(await storage.get(row.storageKey), row.contentType);
    const altText = pickLocalized(row.alt as LocalizedText, language, fallbacks)?.value;
    out.push({ ...prepared, ...(altText ? { altText } : {}) });
  }
  return out;
}
