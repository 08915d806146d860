/**
 * Logos of the brand kit and of the partner strip: PNG, JPEG, WebP, or SVG with nothing active in it.
 * Uploaded here they are checked and cleaned like assets; a file uploaded elsewhere (the platform's
 * file route) is checked again when a kit or a partner names it.
 */
import { LOGO_CONTENT_TYPES, type UploadedLogo } from '../../../shared/studio/brand-kit.schema.js';
import { type DbOrTransaction, recordAudit } from '../../platform/audit/audit.js';
import { AppError, type FieldErrors } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import type { FileStorage } from '../../platform/storage/storage.js';
import { findSvgHazard, prepareUpload } from './asset-images.js';
import { findWorkspaceFiles } from './brand-kit.repo.js';
import { discardStudioFiles, insertStudioFile, putStudioFile } from './studio-files.js';

/** Refuses (one field error each) logo ids that are not a file of the workspace, not a logo type, or an unsafe SVG. */
export async function assertLogoFiles(
  db: DbOrTransaction,
  storage: FileStorage,
  workspaceId: string,
  byField: Record<string, string | null | undefined>,
): Promise<void> {
  const wanted = Object.entries(byField).filter((entry): entry is [string, string] => Boolean(entry[1]));
  const found = new Map(
    (await findWorkspaceFiles(db, workspaceId, [...new Set(wanted.map(([, id]) => id))])).map((file) => [file.id, file]),
  );
  const fields: FieldErrors = {};
  for (const [field, id] of wanted) {
    const file = found.get(id);
    if (!file) fields[field] = 'UNKNOWN_FILE';
    else if (!(LOGO_CONTENT_TYPES as readonly string[]).includes(file.contentType)) fields[field] = 'LOGO_TYPE';
    else if (file.contentType === 'image/svg+xml' && findSvgHazard((await storage.get(file.storageKey)).toString('utf8'))) {
      fields[field] = 'SVG_UNSAFE';
    }
  }
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
}

/** Stores one uploaded logo (checked, metadata stripped) as a file of the workspace. */
export async function uploadLogo(
  platform: Pick<Platform, 'database' | 'storage' | 'config'>,
  ctx: ServiceContext,
  input: { fileName: string; bytes: Uint8Array },
): Promise<UploadedLogo> {
  const workspaceId = ctx.membership.workspaceId;
  const prepared = await prepareUpload({
    fileName: input.fileName,
    bytes: input.bytes,
    maxBytes: platform.config.uploadMaxBytes,
    accept: LOGO_CONTENT_TYPES,
    withThumbnail: false,
  });
  const stored = await putStudioFile(platform.storage, {
    workspaceId,
    bytes: prepared.bytes,
    originalName: input.fileName,
    contentType: prepared.contentType,
  });
  try {
    const file = await platform.database.db.transaction(async (tx) => {
      const row = await insertStudioFile(tx, stored, ctx.actor.user.id);
      await recordAudit(tx, {
        workspaceId,
        actorUserId: ctx.actor.user.id,
        action: 'create',
        entityType: 'file',
        entityId: row.id,
        after: { originalName: row.originalName, contentType: row.contentType, byteSize: row.byteSize, use: 'brand-logo' },
      });
      return row;
    });
    return {
      id: file.id,
      originalName: file.originalName,
      contentType: file.contentType,
      byteSize: file.byteSize,
      width: prepared.width,
      height: prepared.height,
    };
  } catch (error) {
    await discardStudioFiles(platform.storage, [stored]);
    throw error;
  }
}
