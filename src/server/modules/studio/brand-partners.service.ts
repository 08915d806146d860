/**
 * The partner logo strip (T4): consortium members and funders, ordered by the officer, each shown in
 * all or some languages with an optional mention per language. Templates read it through
 * `partnerStripFor` (brand-kit-render.ts). Every write is audited.
 */
import type { LocalizedText } from '../../../shared/localized-text.js';
import {
  BRAND_LIMITS,
  type BrandPartner,
  type BrandPartnerCreate,
  type BrandPartnerOrder,
  type BrandPartnerRole,
  type BrandPartnerUpdate,
  type PartnerStrip,
  stripOrder,
} from '../../../shared/studio/brand-kit.schema.js';
import { type DbOrTransaction, recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { findOrganisationById } from '../directory/organisations.repo.js';
import { presentPartner } from './brand-kit.presenter.js';
import {
  deletePartnerRow,
  findPartnerById,
  findPartners,
  insertPartner,
  nextPartnerPosition,
  setPartnerPositions,
  updatePartnerRow,
} from './brand-kit.repo.js';
import { partnerStripFor } from './brand-kit-render.js';
import { assertLogoFiles } from './brand-logos.js';

function hasValue(text: LocalizedText | undefined): boolean {
  return Object.values(text ?? {}).some((entry) => entry?.value);
}

/** The name to store: the one given, else the directory organisation's; one of them is required. */
async function resolveName(
  db: DbOrTransaction,
  workspaceId: string,
  organisationId: string | null | undefined,
  name: LocalizedText | undefined,
): Promise<LocalizedText | undefined> {
  if (organisationId) {
    const organisation = await findOrganisationById(db, workspaceId, organisationId);
    if (!organisation) throw new AppError('VALIDATION_FAILED', { fields: { organisationId: 'UNKNOWN_ORGANISATION' } });
    return hasValue(name) ? name : (organisation.name as LocalizedText);
  }
  return name;
}

export function createBrandPartnersService(platform: Pick<Platform, 'database' | 'storage'>) {
  const db = platform.database.db;

  async function audit(tx: DbOrTransaction, ctx: ServiceContext, action: string, entityId: string | null, before: unknown, after: unknown) {
    await recordAudit(tx, {
      workspaceId: ctx.membership.workspaceId,
      actorUserId: ctx.actor.user.id,
      action,
      entityType: 'brand_partner',
      entityId,
      before,
      after,
    });
  }

  return {
    /** The strip in print order: partners, then funders. */
    async list(ctx: ServiceContext): Promise<BrandPartner[]> {
      return stripOrder(await findPartners(db, ctx.membership.workspaceId)).map(presentPartner);
    },

    async create(ctx: ServiceContext, input: BrandPartnerCreate): Promise<BrandPartner> {
      const workspaceId = ctx.membership.workspaceId;
      await assertLogoFiles(db, platform.storage, workspaceId, { logoFileId: input.logoFileId });
      return db.transaction(async (tx) => {
        const name = await resolveName(tx, workspaceId, input.organisationId, input.name as LocalizedText | undefined);
        if (!hasValue(name)) throw new AppError('VALIDATION_FAILED', { fields: { name: 'LOCALIZED_REQUIRED' } });
        const position = await nextPartnerPosition(tx, workspaceId);
        if (position >= BRAND_LIMITS.partnersMax) throw new AppError('CONFLICT', { params: { reason: 'TOO_MANY_PARTNERS' } });
        const row = await insertPartner(tx, {
          workspaceId,
          organisationId: input.organisationId ?? null,
          name: name as LocalizedText,
          logoFileId: input.logoFileId,
          role: input.role ?? 'partner',
          position,
          mention: (input.mention ?? {}) as LocalizedText,
          languages: input.languages ?? [],
        });
        await audit(tx, ctx, 'create', row.id, null, presentPartner(row));
        return presentPartner(row);
      });
    },

    async update(ctx: ServiceContext, id: string, input: BrandPartnerUpdate): Promise<BrandPartner> {
      const workspaceId = ctx.membership.workspaceId;
      if (input.logoFileId) await assertLogoFiles(db, platform.storage, workspaceId, { logoFileId: input.logoFileId });
      return db.transaction(async (tx) => {
        const before = await findPartnerById(tx, workspaceId, id);
        if (!before) throw new AppError('NOT_FOUND');
        const organisationId = input.organisationId === undefined ? before.organisationId : input.organisationId;
        const givenName = (input.name ?? before.name) as LocalizedText;
        const name =
          input.organisationId !== undefined || input.name !== undefined
            ? await resolveName(tx, workspaceId, organisationId, givenName)
            : givenName;
        if (!hasValue(name)) throw new AppError('VALIDATION_FAILED', { fields: { name: 'LOCALIZED_REQUIRED' } });
        const after = await updatePartnerRow(tx, workspaceId, id, {
          organisationId,
          name: name as LocalizedText,
          ...(input.logoFileId ? { logoFileId: input.logoFileId } : {}),
          ...(input.role ? { role: input.role as BrandPartnerRole } : {}),
          ...(input.mention ? { mention: input.mention as LocalizedText } : {}),
          ...(input.languages ? { languages: input.languages } : {}),
        });
        if (!after) throw new AppError('NOT_FOUND');
        await audit(tx, ctx, 'update', id, presentPartner(before), presentPartner(after));
        return presentPartner(after);
      });
    },

    async remove(ctx: ServiceContext, id: string): Promise<void> {
      const workspaceId = ctx.membership.workspaceId;
      await db.transaction(async (tx) => {
        const before = await findPartnerById(tx, workspaceId, id);
        if (!before || !(await deletePartnerRow(tx, workspaceId, id))) throw new AppError('NOT_FOUND');
        await audit(tx, ctx, 'delete', id, presentPartner(before), null);
      });
    },

    /** Takes the whole new order in one request: every entry of the strip, each once. */
    async reorder(ctx: ServiceContext, input: BrandPartnerOrder): Promise<BrandPartner[]> {
      const workspaceId = ctx.membership.workspaceId;
      return db.transaction(async (tx) => {
        const before = await findPartners(tx, workspaceId);
        const current = new Set(before.map((row) => row.id));
        const isPermutation =
          input.ids.length === current.size && new Set(input.ids).size === current.size && input.ids.every((id) => current.has(id));
        if (!isPermutation) throw new AppError('VALIDATION_FAILED', { fields: { ids: 'INVALID_VALUE' } });
        await setPartnerPositions(tx, workspaceId, input.ids);
        const after = await findPartners(tx, workspaceId);
        await audit(tx, ctx, 'reorder', null, { ids: before.map((row) => row.id) }, { ids: after.map((row) => row.id) });
        return stripOrder(after).map(presentPartner);
      });
    },

    async strip(ctx: ServiceContext, language: string): Promise<PartnerStrip> {
      return { language, entries: await partnerStripFor(db, ctx.membership.workspaceId, language) };
    },
  };
}

export type BrandPartnersService = ReturnType<typeof createBrandPartnersService>;
