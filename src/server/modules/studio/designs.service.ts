/**
 * Rules of saved designs (T4): a design is a template, a language variant and the form's data; its
 * images must be usable for the template's use (consent), and `asset_ids` lists them for the asset
 * library's usage view. Previews render the form as it is, unsaved; exports render a saved design
 * at full size. Renders are cached by the rendering service, previews beside them.
 */
import type { RenderFormat, RenderVariant } from '../../../shared/render/render.schema.js';
import { assetIdsOf, DESIGN_TEMPLATES, type DesignData, type DesignTemplateDefinition } from '../../../shared/studio/design-templates.js';
import {
  DESIGN_LIMITS,
  type Design,
  type DesignCreate,
  type DesignDuplicate,
  type DesignExportFormat,
  type DesignListQuery,
  type DesignPage,
  type DesignPreview,
  type DesignTemplateList,
  type DesignUpdate,
} from '../../../shared/studio/designs.schema.js';
import { type DbOrTransaction, recordAudit } from '../../platform/audit/audit.js';
import { decodeKeysetCursor, encodeCursor, TIMESTAMP_SORT_KEY } from '../../platform/db/pagination.js';
import { AppError, type FieldErrors } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { renderTemplate } from '../../platform/render/render.service.js';
import { sharedRenderer } from '../../platform/render/renderer.js';
import { findCampaignById } from '../planning/campaigns.repo.js';
import { previewPng } from './design-preview.js';
import { assetProblemsOfDesigns, checkDesignAssets, composeRenderRequest, definitionOf, parseDesignData } from './design-render.js';
import { auditedDesign, presentDesign, presentTemplate } from './designs.presenter.js';
import { type DesignRow, deleteDesignRow, findDesignById, findDesigns, insertDesign, updateDesignRow } from './designs.repo.js';
import { downloadName } from './designs-files.js';

export interface DesignFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

export function createDesignsService(platform: Pick<Platform, 'database' | 'storage'>) {
  const db = platform.database.db;
  const storage = platform.storage;

  async function registered(name: string) {
    return (await sharedRenderer()).registry.get(name);
  }

  async function assertVariant(definition: DesignTemplateDefinition, variant: RenderVariant) {
    if (!(await registered(definition.name)).manifest.variants.includes(variant)) {
      throw new AppError('VALIDATION_FAILED', { fields: { variant: 'UNSUPPORTED_VARIANT' } });
    }
  }

  async function assertCampaignOwned(tx: DbOrTransaction, workspaceId: string, campaignId: string | null | undefined) {
    if (campaignId && !(await findCampaignById(tx, workspaceId, campaignId))) {
      throw new AppError('VALIDATION_FAILED', { fields: { campaignId: 'UNKNOWN_CAMPAIGN' } });
    }
  }

  /** The data checked, with its images usable for the template's use (else field errors). */
  async function checkedData(tx: DbOrTransaction, workspaceId: string, definition: DesignTemplateDefinition, raw: unknown) {
    const data = parseDesignData(definition, raw);
    const assets = await checkDesignAssets(tx, workspaceId, definition, data);
    if (Object.keys(assets.problems).length > 0) throw new AppError('VALIDATION_FAILED', { fields: assets.problems });
    return { data, assets };
  }

  /** Renders a design's data in a format (SVG for previews); cached by the rendering service. */
  async function render(workspaceId: string, design: { template: string; variant: RenderVariant; data: unknown }, format: RenderFormat) {
    const definition = definitionOf(design.template);
    const { data, assets } = await checkedData(db, workspaceId, definition, design.data);
    const template = await registered(definition.name);
    const request = await composeRenderRequest({ db, storage, workspaceId }, template, {
      definition,
      variant: design.variant,
      data,
      assets: assets.byField,
    });
    return { result: await renderTemplate(platform, { ...request, format }), template };
  }

  async function loadOwned(ctx: ServiceContext, id: string): Promise<DesignRow> {
    const row = await findDesignById(db, ctx.membership.workspaceId, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  /** Images that can no longer be used as saved (a consent expired, an asset archived). */
  async function problemsOf(row: DesignRow): Promise<FieldErrors> {
    const definition = DESIGN_TEMPLATES.find((candidate) => candidate.name === row.template);
    if (!definition || row.assetIds.length === 0) return {};
    return (await checkDesignAssets(db, row.workspaceId, definition, row.data as DesignData)).problems;
  }

  /** A page of designs with their image problems, checked together. */
  async function presentPage(workspaceId: string, rows: DesignRow[]): Promise<Design[]> {
    const known = rows.flatMap((row) => {
      const definition = DESIGN_TEMPLATES.find((candidate) => candidate.name === row.template);
      return definition ? [{ row, definition, data: row.data as DesignData }] : [];
    });
    const problems = await assetProblemsOfDesigns(db, workspaceId, known);
    return rows.map((row) => presentDesign(row, problems[known.findIndex((item) => item.row === row)] ?? {}));
  }

  async function audit(tx: DbOrTransaction, ctx: ServiceContext, action: string, id: string, before?: DesignRow, after?: DesignRow) {
    await recordAudit(tx, {
      workspaceId: ctx.membership.workspaceId,
      actorUserId: ctx.actor.user.id,
      action,
      entityType: 'design',
      entityId: id,
      before: before && auditedDesign(before),
      after: after && auditedDesign(after),
    });
  }

  return {
    /** The visual templates, with the form each asks for. */
    async templates(): Promise<DesignTemplateList> {
      const renderer = await sharedRenderer();
      const names = new Set(renderer.registry.list().map((template) => template.manifest.name));
      return {
        items: DESIGN_TEMPLATES.filter((definition) => names.has(definition.name)).map((definition) =>
          presentTemplate(definition, renderer.registry.get(definition.name)),
        ),
      };
    },

    /** Designs last edited first, by keyset on (updated_at, id). */
    async list(ctx: ServiceContext, query: DesignListQuery): Promise<DesignPage> {
      const cursor = decodeKeysetCursor(query.cursor, { sortKey: TIMESTAMP_SORT_KEY });
      const rows = await findDesigns(db, ctx.membership.workspaceId, query, cursor);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: await presentPage(
          ctx.membership.workspaceId,
          page.map(({ design }) => design),
        ),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ sortKey: last.sortKey, id: last.design.id }) : null,
      };
    },

    async get(ctx: ServiceContext, id: string): Promise<Design> {
      const row = await loadOwned(ctx, id);
      return presentDesign(row, await problemsOf(row));
    },

    async create(ctx: ServiceContext, input: DesignCreate): Promise<Design> {
      const workspaceId = ctx.membership.workspaceId;
      const definition = definitionOf(input.template);
      await assertVariant(definition, input.variant);
      const row = await db.transaction(async (tx) => {
        const { data } = await checkedData(tx, workspaceId, definition, input.data ?? {});
        await assertCampaignOwned(tx, workspaceId, input.campaignId);
        const created = await insertDesign(tx, {
          workspaceId,
          title: input.title.trim(),
          template: definition.name,
          variant: input.variant,
          data,
          assetIds: assetIdsOf(definition, data),
          campaignId: input.campaignId ?? null,
          createdBy: ctx.actor.user.id,
        });
        await audit(tx, ctx, 'create', created.id, undefined, created);
        return created;
      });
      return presentDesign(row);
    },

    async update(ctx: ServiceContext, id: string, input: DesignUpdate): Promise<Design> {
      const workspaceId = ctx.membership.workspaceId;
      const row = await db.transaction(async (tx) => {
        const before = await findDesignById(tx, workspaceId, id);
        if (!before) throw new AppError('NOT_FOUND');
        if (input.expectedUpdatedAt && new Date(input.expectedUpdatedAt).getTime() !== before.updatedAt.getTime()) {
          throw new AppError('CONFLICT');
        }
        const definition = definitionOf(before.template);
        const changes: Partial<DesignRow> = {};
        if (input.title !== undefined) changes.title = input.title.trim();
        if (input.variant !== undefined) {
          await assertVariant(definition, input.variant);
          changes.variant = input.variant;
        }
        if (input.data !== undefined) {
          const { data } = await checkedData(tx, workspaceId, definition, input.data);
          changes.data = data;
          changes.assetIds = assetIdsOf(definition, data);
        }
        if (input.campaignId !== undefined) {
          await assertCampaignOwned(tx, workspaceId, input.campaignId);
          changes.campaignId = input.campaignId;
        }
        const updated = await updateDesignRow(tx, workspaceId, id, changes);
        if (!updated) throw new AppError('NOT_FOUND');
        await audit(tx, ctx, 'update', id, before, updated);
        return updated;
      });
      return presentDesign(row, await problemsOf(row));
    },

    /** A copy to vary (another language, another date); its images are checked again. */
    async duplicate(ctx: ServiceContext, id: string, input: DesignDuplicate): Promise<Design> {
      const source = await loadOwned(ctx, id);
      return this.create(ctx, {
        title: input.title ?? source.title,
        template: source.template,
        variant: source.variant as RenderVariant,
        data: source.data,
        campaignId: source.campaignId,
      });
    },

    async remove(ctx: ServiceContext, id: string): Promise<void> {
      const workspaceId = ctx.membership.workspaceId;
      await db.transaction(async (tx) => {
        const before = await findDesignById(tx, workspaceId, id);
        if (!before || !(await deleteDesignRow(tx, workspaceId, id))) throw new AppError('NOT_FOUND');
        await audit(tx, ctx, 'delete', id, before);
      });
    },

    /** The form as it is, unsaved, as a PNG of every page at the preview width. */
    async preview(ctx: ServiceContext, input: DesignPreview): Promise<Buffer> {
      const workspaceId = ctx.membership.workspaceId;
      const variant = input.variant;
      const definition = definitionOf(input.template);
      await assertVariant(definition, variant);
      const { result, template } = await render(workspaceId, { template: definition.name, variant, data: input.data }, 'svg');
      const page = template.manifest.outputs.png ?? { width: 1, height: 1 };
      const width = input.width ?? DESIGN_LIMITS.previewWidthDefault;
      return previewPng(storage, { svg: result, width, page, allPages: true, workspaceId });
    },

    /** The first page of a saved design, small, for the list. */
    async thumbnail(ctx: ServiceContext, id: string): Promise<Buffer> {
      const row = await loadOwned(ctx, id);
      const variant = row.variant as RenderVariant;
      const { result, template } = await render(row.workspaceId, { template: row.template, variant, data: row.data }, 'svg');
      const page = template.manifest.outputs.png ?? { width: 1, height: 1 };
      return previewPng(storage, { svg: result, width: DESIGN_LIMITS.thumbnailWidth, page, allPages: false, workspaceId: row.workspaceId });
    },

    /** A template's sample in the workspace's brand kit, small, to choose a template by sight. */
    async templateThumbnail(ctx: ServiceContext, name: string, variant: RenderVariant): Promise<Buffer> {
      const definition = DESIGN_TEMPLATES.find((candidate) => candidate.name === name);
      if (!definition) throw new AppError('NOT_FOUND');
      await assertVariant(definition, variant);
      const workspaceId = ctx.membership.workspaceId;
      const template = await registered(name);
      const request = await composeRenderRequest({ db, storage, workspaceId }, template, {
        definition,
        variant,
        data: {},
        assets: new Map(),
      });
      // The sample's texts in the workspace's colours, fonts, name and partner strip (not the sample's).
      const {
        organisation: _organisation,
        partners: _partners,
        supportLine: _support,
        disclaimer: _disclaimer,
        ...texts
      } = template.sample as Record<string, unknown>;
      const data = { ...(request.data as Record<string, unknown>), ...texts };
      const result = await renderTemplate(platform, { ...request, data, format: 'svg' });
      const page = template.manifest.outputs.png ?? { width: 1, height: 1 };
      return previewPng(storage, { svg: result, width: DESIGN_LIMITS.thumbnailWidth, page, allPages: false, workspaceId });
    },

    /** A saved design at full size, as a file to download. */
    async exportDesign(ctx: ServiceContext, id: string, format: DesignExportFormat): Promise<DesignFile> {
      const row = await loadOwned(ctx, id);
      const variant = row.variant as RenderVariant;
      const { result } = await render(row.workspaceId, { template: row.template, variant, data: row.data }, format);
      return { bytes: result.bytes, contentType: result.contentType, fileName: downloadName(row.title, variant, format) };
    },
  };
}

export type DesignsService = ReturnType<typeof createDesignsService>;
