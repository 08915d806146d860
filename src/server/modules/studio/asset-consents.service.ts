/**
 * Consent records of the people an asset shows (T4): who, for which uses, until when, with the signed
 * form when scanned. They decide whether pickers offer the asset (consent-rules.ts). Records name
 * people, so only members who make visuals read them; the asset's editors write them. Audited.
 */
import type { Consent, ConsentCreate, ConsentList, ConsentUpdate } from '../../../shared/studio/assets.schema.js';
import { type DbOrTransaction, recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { assertFileOwned } from '../../platform/storage/files.service.js';
import { canEditAsset, workspaceToday } from './asset-rules.js';
import { presentConsent } from './assets.presenter.js';
import { deleteConsentRow, findAssetById, findConsentById, findConsentsOfAssets, insertConsent, updateConsentRow } from './assets.repo.js';

export function createAssetConsentsService(platform: Pick<Platform, 'database'>) {
  const db = platform.database.db;

  /** The asset of the workspace, which the caller may edit when `forWrite`. */
  async function assetOf(tx: DbOrTransaction, ctx: ServiceContext, assetId: string, forWrite: boolean) {
    const asset = await findAssetById(tx, ctx.membership.workspaceId, assetId);
    if (!asset) throw new AppError('NOT_FOUND');
    if (forWrite && !canEditAsset(ctx, asset)) throw new AppError('FORBIDDEN');
    return asset;
  }

  async function audit(tx: DbOrTransaction, ctx: ServiceContext, action: string, id: string, before: unknown, after: unknown) {
    await recordAudit(tx, {
      workspaceId: ctx.membership.workspaceId,
      actorUserId: ctx.actor.user.id,
      action,
      entityType: 'asset_consent',
      entityId: id,
      before,
      after,
    });
  }

  return {
    async list(ctx: ServiceContext, assetId: string): Promise<ConsentList> {
      await assetOf(db, ctx, assetId, false);
      const today = await workspaceToday(db, ctx.membership.workspaceId);
      return { items: (await findConsentsOfAssets(db, [assetId])).map((row) => presentConsent(row, today)) };
    },

    async create(ctx: ServiceContext, assetId: string, input: ConsentCreate): Promise<Consent> {
      const workspaceId = ctx.membership.workspaceId;
      const today = await workspaceToday(db, workspaceId);
      return db.transaction(async (tx) => {
        await assetOf(tx, ctx, assetId, true);
        if (input.documentFileId) await assertFileOwned(tx, workspaceId, input.documentFileId, 'documentFileId');
        const row = await insertConsent(tx, {
          assetId,
          personName: input.personName,
          scope: input.scope,
          expiresOn: input.expiresOn ?? null,
          documentFileId: input.documentFileId ?? null,
          notes: input.notes ?? '',
        });
        const consent = presentConsent(row, today);
        await audit(tx, ctx, 'create', row.id, null, consent);
        return consent;
      });
    },

    async update(ctx: ServiceContext, assetId: string, id: string, input: ConsentUpdate): Promise<Consent> {
      const workspaceId = ctx.membership.workspaceId;
      const today = await workspaceToday(db, workspaceId);
      return db.transaction(async (tx) => {
        await assetOf(tx, ctx, assetId, true);
        const before = await findConsentById(tx, assetId, id);
        if (!before) throw new AppError('NOT_FOUND');
        if (input.documentFileId) await assertFileOwned(tx, workspaceId, input.documentFileId, 'documentFileId');
        const after = await updateConsentRow(tx, assetId, id, input);
        if (!after) throw new AppError('NOT_FOUND');
        await audit(tx, ctx, 'update', id, presentConsent(before, today), presentConsent(after, today));
        return presentConsent(after, today);
      });
    },

    async remove(ctx: ServiceContext, assetId: string, id: string): Promise<void> {
      const today = await workspaceToday(db, ctx.membership.workspaceId);
      await db.transaction(async (tx) => {
        await assetOf(tx, ctx, assetId, true);
        const before = await findConsentById(tx, assetId, id);
        if (!before || !(await deleteConsentRow(tx, assetId, id))) throw new AppError('NOT_FOUND');
        await audit(tx, ctx, 'delete', id, presentConsent(before, today), null);
      });
    },
  };
}
