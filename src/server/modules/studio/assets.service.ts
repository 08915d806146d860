/**
 * The asset library (T4): uploads checked and cleaned (asset-images.ts), localized metadata, search
 * and filters, the picker that hides photos without a current consent, and where an asset is used.
 * Members who make visuals upload; the uploader or a brand manager edits. Every write is audited.
 */
import type { ContentLanguage } from '../../../shared/languages.js';
import type { LocalizedText } from '../../../shared/localized-text.js';
import {
  type Asset,
  AssetCreateMetadataSchema,
  type AssetListQuery,
  type AssetPage,
  type AssetUpdate,
  type AssetUsage,
} from '../../../shared/studio/assets.schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { decodeKeysetCursor, encodeCursor, TIMESTAMP_SORT_KEY } from '../../platform/db/pagination.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { findFile } from '../../platform/storage/files.service.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { prepareUpload } from './asset-images.js';
import { assertLinksOwned, canEditAsset, fieldErrorsOf, searchTextOfAsset, workspaceToday } from './asset-rules.js';
import { auditedAsset, presentAsset } from './assets.presenter.js';
import {
  type AssetRow,
  type AssetWithFile,
  findAssetById,
  findAssets,
  findAssetTags,
  findAssetUsage,
  findConsentsOfAssets,
  insertAsset,
  updateAssetRow,
} from './assets.repo.js';
import { discardStudioFiles, insertStudioFile, putStudioFile, type StoredBytes, withExtension } from './studio-files.js';

export function createAssetsService(platform: Pick<Platform, 'database' | 'storage' | 'config'>) {
  const db = platform.database.db;

  async function present(ctx: ServiceContext, rows: AssetWithFile[]): Promise<Asset[]> {
    const [consents, today] = await Promise.all([
      findConsentsOfAssets(
        db,
        rows.filter((row) => row.showsPeople).map((row) => row.id),
      ),
      workspaceToday(db, ctx.membership.workspaceId),
    ]);
    return rows.map((row) =>
      presentAsset(
        row,
        consents.filter((consent) => consent.assetId === row.id),
        today,
        canEditAsset(ctx, row),
      ),
    );
  }

  async function loadOwned(ctx: ServiceContext, id: string): Promise<AssetWithFile> {
    const row = await findAssetById(db, ctx.membership.workspaceId, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  return {
    /** Assets newest first, by keyset on (created_at, id); `usable`/`use` make it the picker. */
    async list(ctx: ServiceContext, query: AssetListQuery): Promise<AssetPage> {
      const cursor = decodeKeysetCursor(query.cursor, { sortKey: TIMESTAMP_SORT_KEY });
      const today = await workspaceToday(db, ctx.membership.workspaceId);
      const rows = await findAssets(db, ctx.membership.workspaceId, query, cursor, today);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: await present(
          ctx,
          page.map((row) => row.asset),
        ),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ sortKey: last.sortKey, id: last.asset.id }) : null,
      };
    },

    async get(ctx: ServiceContext, id: string): Promise<Asset> {
      const [asset] = await present(ctx, [await loadOwned(ctx, id)]);
      return asset as Asset;
    },

    async tags(ctx: ServiceContext): Promise<{ tags: string[] }> {
      return { tags: await findAssetTags(db, ctx.membership.workspaceId) };
    },

    /** Checks, cleans and stores an upload with its thumbnail, and records the asset (metadata optional). */
    async upload(ctx: ServiceContext, input: { fileName: string; bytes: Uint8Array; fields: Record<string, string> }): Promise<Asset> {
      const workspaceId = ctx.membership.workspaceId;
      let raw: unknown = {};
      if (input.fields.metadata) {
        try {
          raw = JSON.parse(input.fields.metadata);
        } catch (error) {
          throw new AppError('VALIDATION_FAILED', { fields: { metadata: 'INVALID_FORMAT' }, cause: error });
        }
      }
      const parsed = AssetCreateMetadataSchema.safeParse(raw);
      if (!parsed.success) throw new AppError('VALIDATION_FAILED', { fields: fieldErrorsOf(parsed.error) });
      const metadata = parsed.data;
      await assertLinksOwned(db, workspaceId, metadata);
      const prepared = await prepareUpload({
        fileName: input.fileName,
        bytes: input.bytes,
        maxBytes: platform.config.uploadMaxBytes,
        withThumbnail: true,
      });
      const workspace = await findWorkspaceById(db, workspaceId);
      const firstLanguage = (workspace?.contentLanguages[0] ?? 'fr') as ContentLanguage;
      const title: LocalizedText = metadata.title ?? {
        [firstLanguage]: { value: input.fileName.replace(/\.[a-z0-9]+$/i, '').slice(0, 200), status: 'draft' },
      };
      const stored: Array<StoredBytes | null> = [];
      try {
        stored.push(
          await putStudioFile(platform.storage, {
            workspaceId,
            bytes: prepared.bytes,
            originalName: input.fileName,
            contentType: prepared.contentType,
          }),
        );
        stored.push(
          prepared.thumbnail
            ? await putStudioFile(platform.storage, {
                workspaceId,
                bytes: prepared.thumbnail,
                originalName: withExtension(input.fileName, 'webp'),
                contentType: 'image/webp',
              })
            : null,
        );
        const row = await db.transaction(async (tx) => {
          const file = await insertStudioFile(tx, stored[0] as StoredBytes, ctx.actor.user.id);
          const thumbnail = stored[1] ? await insertStudioFile(tx, stored[1], ctx.actor.user.id) : null;
          const values = {
            workspaceId,
            fileId: file.id,
            thumbnailFileId: thumbnail?.id ?? null,
            kind: prepared.kind,
            title,
            caption: (metadata.caption ?? {}) as LocalizedText,
            alt: (metadata.alt ?? {}) as LocalizedText,
            credit: metadata.credit ?? '',
            licence: metadata.licence ?? '',
            tags: metadata.tags ?? [],
            organisationId: metadata.organisationId ?? null,
            campaignId: metadata.campaignId ?? null,
            languages: metadata.languages ?? [],
            width: prepared.width,
            height: prepared.height,
            showsPeople: metadata.showsPeople ?? false,
            createdBy: ctx.actor.user.id,
          };
          const created = await insertAsset(tx, { ...values, searchText: searchTextOfAsset({ ...values, originalName: input.fileName }) });
          const withFile = { ...created, contentType: file.contentType, byteSize: file.byteSize, originalName: file.originalName };
          await recordAudit(tx, {
            workspaceId,
            actorUserId: ctx.actor.user.id,
            action: 'create',
            entityType: 'asset',
            entityId: created.id,
            after: auditedAsset(withFile),
          });
          return withFile;
        });
        const [asset] = await present(ctx, [row]);
        return asset as Asset;
      } catch (error) {
        await discardStudioFiles(platform.storage, stored);
        throw error;
      }
    },

    async update(ctx: ServiceContext, id: string, input: AssetUpdate): Promise<Asset> {
      const workspaceId = ctx.membership.workspaceId;
      const row = await db.transaction(async (tx) => {
        const before = await findAssetById(tx, workspaceId, id);
        if (!before) throw new AppError('NOT_FOUND');
        if (!canEditAsset(ctx, before)) throw new AppError('FORBIDDEN');
        if (input.expectedUpdatedAt && new Date(input.expectedUpdatedAt).getTime() !== before.updatedAt.getTime())
          throw new AppError('CONFLICT');
        const { expectedUpdatedAt: _ignored, isArchived, ...changes } = input;
        await assertLinksOwned(tx, workspaceId, changes);
        const merged = { ...before, ...(changes as Partial<AssetRow>) };
        const updated = await updateAssetRow(tx, workspaceId, id, {
          ...(changes as Partial<AssetRow>),
          ...(isArchived === undefined ? {} : { archivedAt: isArchived ? (before.archivedAt ?? new Date()) : null }),
          searchText: searchTextOfAsset(merged),
        });
        if (!updated) throw new AppError('NOT_FOUND');
        const after = { ...updated, contentType: before.contentType, byteSize: before.byteSize, originalName: before.originalName };
        const action =
          isArchived === undefined || isArchived === (before.archivedAt !== null) ? 'update' : isArchived ? 'archive' : 'restore';
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action,
          entityType: 'asset',
          entityId: id,
          before: auditedAsset(before),
          after: auditedAsset(after),
        });
        return after;
      });
      const [asset] = await present(ctx, [row]);
      return asset as Asset;
    },

    /** Designs and documents that use the asset, and a warning when its people's consent no longer holds. */
    async usage(ctx: ServiceContext, id: string): Promise<AssetUsage> {
      const asset = await this.get(ctx, id);
      const usage = await findAssetUsage(db, ctx.membership.workspaceId, id);
      const isUsed = usage.designs.length + usage.documents.length > 0;
      const warning = !isUsed
        ? null
        : asset.consent.status === 'expired'
          ? 'CONSENT_EXPIRED'
          : asset.consent.status === 'missing'
            ? 'CONSENT_MISSING'
            : null;
      return {
        designs: usage.designs.map((design) => ({ ...design, updatedAt: design.updatedAt.toISOString() })),
        documents: usage.documents.map((document) => ({
          ...document,
          title: document.title as AssetUsage['documents'][number]['title'],
          updatedAt: document.updatedAt.toISOString(),
        })),
        warning,
      };
    },

    /** The stored file (or its thumbnail) of an asset of the workspace. */
    async download(
      ctx: ServiceContext,
      id: string,
      variant: 'file' | 'thumbnail',
    ): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
      const row = await loadOwned(ctx, id);
      const fileId = variant === 'file' ? row.fileId : row.thumbnailFileId;
      const file = fileId ? await findFile(db, ctx.membership.workspaceId, fileId) : undefined;
      if (!file) throw new AppError('NOT_FOUND');
      return { bytes: await platform.storage.get(file.storageKey), contentType: file.contentType, fileName: file.originalName };
    },
  };
}

export type AssetsService = ReturnType<typeof createAssetsService>;
