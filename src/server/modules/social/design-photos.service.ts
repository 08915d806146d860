/**
 * A studio design attached to a post as a photo. The post's photos are library assets (the publisher
 * reads them, checks their consent and resizes them), so the design's PNG is rendered through the
 * studio's own export path and kept in the library as an image: titled after the design, its alt text
 * the design's title in each language, showing people when one of its photos does, with copies of
 * those people's consent records (so the library shows who is on it), and linked to the photos it
 * was made of (design-photos.tables.ts) so that their consent, as it is at each check, still decides.
 *
 * Refused before anything is written: a design whose template has no PNG (UNSUPPORTED_FORMAT), or
 * whose photos' people do not allow social use now (CONSENT_EXPIRED, CONSENT_NOT_VALID); the render
 * itself refuses what the template's own use does not allow. The same design rendered to the same
 * bytes gives back the photo already in the library, as long as it is still usable.
 */
import { createHash } from 'node:crypto';
import { directionOf } from '../../../shared/languages.js';
import { LIMITS } from '../../../shared/limits.js';
import type { LocalizedText } from '../../../shared/localized-text.js';
import type { RenderVariant } from '../../../shared/render/render.schema.js';
import { variantLanguages } from '../../../shared/render/render.schema.js';
import { hasPermission } from '../../../shared/roles.js';
import { firstStrongDirection } from '../../../shared/social/compose-message.js';
import type { DesignPhoto, DesignPhotoRequest } from '../../../shared/social/posts-api.schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { sharedRenderer } from '../../platform/render/renderer.js';
import { prepareUpload } from '../studio/asset-images.js';
import { searchTextOfAsset, workspaceToday } from '../studio/asset-rules.js';
import { auditedAsset } from '../studio/assets.presenter.js';
import { findConsentsOfAssets, insertAsset, insertConsent } from '../studio/assets.repo.js';
import { findDesignById } from '../studio/designs.repo.js';
import { createDesignsService } from '../studio/designs.service.js';
import { discardStudioFiles, insertStudioFile, putStudioFile, type StoredBytes } from '../studio/studio-files.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { findPhotosOfDesign, insertDesignPhoto } from './design-photos.repo.js';
import { checkPostPhotos, sourcePhotosProblem } from './post-photos.js';
import { findPostAssets } from './posts.repo.js';

/** The language a plain title is written in: Arabic when its first letter is, else the workspace's first other language. */
function titleLanguage(title: string, contentLanguages: readonly string[]): string {
  const isRtl = firstStrongDirection(title) === 'rtl';
  return contentLanguages.find((language) => (directionOf(language) === 'rtl') === isRtl) ?? contentLanguages[0] ?? 'fr';
}

/** A VALIDATION_FAILED of the render (fields `data.<field>`) named on the design, with its first code. */
function onDesign(error: unknown): never {
  if (error instanceof AppError && error.code === 'VALIDATION_FAILED') {
    const [code = 'INVALID_VALUE'] = Object.values(error.fields ?? {});
    throw new AppError('VALIDATION_FAILED', { fields: { designId: code }, cause: error });
  }
  throw error;
}

export function createDesignPhotosService(platform: Pick<Platform, 'database' | 'storage' | 'config'>) {
  const db = platform.database.db;
  const designs = createDesignsService(platform);

  return {
    async attach(ctx: ServiceContext, input: DesignPhotoRequest): Promise<DesignPhoto> {
      const workspaceId = ctx.membership.workspaceId;
      // The photo goes into the library: the member must be one who may add to it.
      if (!hasPermission(ctx.membership.role, 'studio:write')) throw new AppError('FORBIDDEN');
      const design = await findDesignById(db, workspaceId, input.designId);
      if (!design) throw new AppError('NOT_FOUND');
      const registry = (await sharedRenderer()).registry;
      const template = registry.list().find((candidate) => candidate.manifest.name === design.template);
      if (!template?.manifest.outputs.png) throw new AppError('VALIDATION_FAILED', { fields: { designId: 'UNSUPPORTED_FORMAT' } });
      const today = await workspaceToday(db, workspaceId);
      const problem = await sourcePhotosProblem(db, workspaceId, design.assetIds, today);
      if (problem) throw new AppError('VALIDATION_FAILED', { fields: { designId: problem } });

      const rendered = await designs.exportDesign(ctx, design.id, 'png').catch(onDesign);
      const prepared = await prepareUpload({
        fileName: rendered.fileName,
        bytes: rendered.bytes,
        // Our own render, not an upload: the upload limit does not apply (the publisher resizes for the network).
        maxBytes: Number.MAX_SAFE_INTEGER,
        withThumbnail: true,
      });
      const sha256 = createHash('sha256').update(prepared.bytes).digest('hex');
      for (const earlier of await findPhotosOfDesign(db, workspaceId, design.id)) {
        if (earlier.sha256 !== sha256 || earlier.archivedAt) continue;
        const checked = await checkPostPhotos(db, workspaceId, [earlier.assetId]);
        if (checked.rows.length === 1) return { assetId: earlier.assetId, designId: design.id, reused: true };
      }

      const workspace = await findWorkspaceById(db, workspaceId);
      const contentLanguages = workspace?.contentLanguages ?? ['ar', 'fr'];
      const languages = variantLanguages(design.variant as RenderVariant);
      const heading = (design.data.title ?? {}) as Partial<Record<string, string>>;
      const alt: LocalizedText = {};
      for (const language of languages) {
        const value = heading[language]?.trim();
        if (value) alt[language] = { value: value.slice(0, 500), status: 'draft' };
      }
      const title: LocalizedText = {
        [titleLanguage(design.title, contentLanguages)]: { value: design.title.slice(0, LIMITS.nameLength), status: 'draft' },
      };
      const peopleIds = (await findPostAssets(db, workspaceId, design.assetIds)).filter((row) => row.showsPeople).map((row) => row.id);
      const consents = await findConsentsOfAssets(db, peopleIds);

      const stored: Array<StoredBytes | null> = [];
      try {
        stored.push(
          await putStudioFile(platform.storage, {
            workspaceId,
            bytes: prepared.bytes,
            originalName: rendered.fileName,
            contentType: prepared.contentType,
          }),
        );
        stored.push(
          prepared.thumbnail
            ? await putStudioFile(platform.storage, {
                workspaceId,
                bytes: prepared.thumbnail,
                originalName: rendered.fileName.replace(/\.png$/i, '.webp'),
                contentType: 'image/webp',
              })
            : null,
        );
        const assetId = await db.transaction(async (tx) => {
          const file = await insertStudioFile(tx, stored[0] as StoredBytes, ctx.actor.user.id);
          const thumbnail = stored[1] ? await insertStudioFile(tx, stored[1], ctx.actor.user.id) : null;
          const values = {
            workspaceId,
            fileId: file.id,
            thumbnailFileId: thumbnail?.id ?? null,
            kind: 'image',
            title,
            alt,
            campaignId: design.campaignId,
            languages,
            width: prepared.width,
            height: prepared.height,
            showsPeople: peopleIds.length > 0,
            createdBy: ctx.actor.user.id,
          };
          const searchable = { caption: {}, credit: '', licence: '', tags: [] as string[], originalName: rendered.fileName };
          const created = await insertAsset(tx, { ...values, searchText: searchTextOfAsset({ ...values, ...searchable }) });
          for (const consent of consents) {
            await insertConsent(tx, {
              assetId: created.id,
              personName: consent.personName,
              scope: consent.scope,
              expiresOn: consent.expiresOn,
              documentFileId: consent.documentFileId,
              notes: consent.notes,
            });
          }
          await insertDesignPhoto(tx, {
            assetId: created.id,
            workspaceId,
            designId: design.id,
            sourceAssetIds: design.assetIds,
            createdBy: ctx.actor.user.id,
          });
          await recordAudit(tx, {
            workspaceId,
            actorUserId: ctx.actor.user.id,
            action: 'create',
            entityType: 'asset',
            entityId: created.id,
            after: {
              ...auditedAsset({ ...created, contentType: file.contentType, byteSize: file.byteSize, originalName: file.originalName }),
              renderedFromDesign: design.id,
              consentsCopied: consents.length,
            },
          });
          return created.id;
        });
        return { assetId, designId: design.id, reused: false };
      } catch (error) {
        await discardStudioFiles(platform.storage, stored);
        throw error;
      }
    },
  };
}

export type DesignPhotosService = ReturnType<typeof createDesignPhotosService>;
