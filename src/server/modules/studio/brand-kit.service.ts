/**
 * The workspace's brand kit (T4): colours (with a contrast warning, never a refusal), light and dark
 * logos, shipped fonts and the funder's disclaimer. A workspace that saved none gets defaults from
 * its settings (brand colour, logo). Every write is audited.
 */
import type { LocalizedText } from '../../../shared/localized-text.js';
import {
  type BrandKit,
  type BrandKitUpdate,
  DEFAULT_BRAND_FONTS,
  defaultBrandColors,
  type UploadedLogo,
} from '../../../shared/studio/brand-kit.schema.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { presentBrandKit } from './brand-kit.presenter.js';
import { findBrandKitRow, findPartners, upsertBrandKit } from './brand-kit.repo.js';
import { assertLogoFiles, uploadLogo } from './brand-logos.js';

/** The kit of a workspace as the API shows it: saved, or defaults from the workspace's settings. */
export async function loadBrandKit(db: DbOrTransaction, workspaceId: string): Promise<BrandKit> {
  const [row, partners] = await Promise.all([findBrandKitRow(db, workspaceId), findPartners(db, workspaceId)]);
  if (row) return presentBrandKit(workspaceId, row, partners, true);
  const workspace = await findWorkspaceById(db, workspaceId);
  if (!workspace) throw new AppError('NOT_FOUND');
  return presentBrandKit(
    workspaceId,
    {
      colors: defaultBrandColors(workspace.brandColor),
      fonts: DEFAULT_BRAND_FONTS,
      logoLightFileId: workspace.logoFileId,
      logoDarkFileId: null,
      funderDisclaimer: {},
      updatedAt: null,
    },
    partners,
    false,
  );
}

/** What the audit keeps of a kit (the partner strip has its own entries). */
function auditedKit(kit: BrandKit) {
  const { partners: _partners, contrast: _contrast, ...rest } = kit;
  return rest;
}

export function createBrandKitService(platform: Pick<Platform, 'database' | 'storage' | 'config'>) {
  const db = platform.database.db;
  return {
    get(ctx: ServiceContext): Promise<BrandKit> {
      return loadBrandKit(db, ctx.membership.workspaceId);
    },

    /** Saves the whole kit. A low text/background contrast is reported in `contrast`, not refused. */
    async update(ctx: ServiceContext, input: BrandKitUpdate): Promise<BrandKit> {
      const workspaceId = ctx.membership.workspaceId;
      await assertLogoFiles(db, platform.storage, workspaceId, {
        logoLightFileId: input.logoLightFileId,
        logoDarkFileId: input.logoDarkFileId,
      });
      return db.transaction(async (tx) => {
        const before = await loadBrandKit(tx, workspaceId);
        if (input.expectedUpdatedAt !== undefined) {
          const expected = input.expectedUpdatedAt === null ? null : new Date(input.expectedUpdatedAt).getTime();
          const current = before.updatedAt === null ? null : new Date(before.updatedAt).getTime();
          if (expected !== current) throw new AppError('CONFLICT');
        }
        await upsertBrandKit(tx, {
          workspaceId,
          colors: input.colors as BrandKit['colors'],
          fonts: input.fonts as BrandKit['fonts'],
          logoLightFileId: input.logoLightFileId,
          logoDarkFileId: input.logoDarkFileId,
          funderDisclaimer: input.funderDisclaimer as LocalizedText,
        });
        const after = await loadBrandKit(tx, workspaceId);
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: before.isSaved ? 'update' : 'create',
          entityType: 'brand_kit',
          entityId: workspaceId,
          before: before.isSaved ? auditedKit(before) : null,
          after: auditedKit(after),
        });
        return after;
      });
    },

    uploadLogo(ctx: ServiceContext, input: { fileName: string; bytes: Uint8Array }): Promise<UploadedLogo> {
      return uploadLogo(platform, ctx, input);
    },
  };
}

export type BrandKitService = ReturnType<typeof createBrandKitService>;
