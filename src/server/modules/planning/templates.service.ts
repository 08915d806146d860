/**
 * Retro-planning templates: the shipped ones (src/shared/planning/templates.catalog.ts), replaced in a
 * workspace by its own copy under the same key once edited, plus templates the workspace made.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { LocalizedText } from '../../../shared/localized-text.js';
import type { MilestoneTemplate, PlanningTemplate } from '../../../shared/planning/planning-template.schema.js';
import type { PlanningTemplateOut } from '../../../shared/planning/template-api.schema.js';
import { SHIPPED_TEMPLATES } from '../../../shared/planning/templates.catalog.js';
import { type DbOrTransaction, recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import { planningTemplates } from './campaigns.tables.js';

type TemplateRow = typeof planningTemplates.$inferSelect;

function presentRow(row: TemplateRow): PlanningTemplateOut {
  const isShippedKey = SHIPPED_TEMPLATES.some((template) => template.key === row.key);
  return {
    key: row.key,
    name: row.name,
    description: row.description,
    milestones: row.milestones.map((milestone) => ({ ...milestone, dependsOn: milestone.dependsOn ?? [] })),
    source: isShippedKey ? 'customized' : 'workspace',
  };
}

/** Every template of the workspace, shipped ones first (in catalog order), then the workspace's own by name. */
export async function listTemplates(db: DbOrTransaction, workspaceId: string): Promise<PlanningTemplateOut[]> {
  const rows = await db
    .select()
    .from(planningTemplates)
    .where(and(eq(planningTemplates.workspaceId, workspaceId), isNull(planningTemplates.archivedAt)));
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const shipped = SHIPPED_TEMPLATES.map((template): PlanningTemplateOut => {
    const own = byKey.get(template.key);
    if (own) return presentRow(own);
    return {
      key: template.key,
      name: template.name,
      description: (template.description ?? {}) as LocalizedText,
      milestones: template.milestones.map((milestone) => ({ ...milestone, dependsOn: milestone.dependsOn ?? [] })),
      source: 'shipped',
    };
  });
  const shippedKeys = new Set(SHIPPED_TEMPLATES.map((template) => template.key));
  const own = rows.filter((row) => !shippedKeys.has(row.key)).map(presentRow);
  return [...shipped, ...own];
}

export async function findTemplate(db: DbOrTransaction, workspaceId: string, key: string): Promise<PlanningTemplateOut> {
  const template = (await listTemplates(db, workspaceId)).find((candidate) => candidate.key === key);
  if (!template) throw new AppError('VALIDATION_FAILED', { fields: { templateKey: 'UNKNOWN_TEMPLATE' } });
  return template;
}

export function createTemplatesService(db: Db) {
  async function save(ctx: ServiceContext, key: string, input: PlanningTemplate, options: { isNew: boolean; fromCampaignId?: string }) {
    const workspaceId = ctx.membership.workspaceId;
    const existing = (await listTemplates(db, workspaceId)).find((template) => template.key === key);
    if (options.isNew && existing) throw new AppError('CONFLICT', { fields: { key: 'ALREADY_USED' } });
    if (!options.isNew && !existing) throw new AppError('NOT_FOUND');
    const values = {
      name: input.name,
      description: input.description ?? {},
      milestones: input.milestones as MilestoneTemplate[],
      archivedAt: null,
      updatedAt: new Date(),
    };
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(planningTemplates)
        .values({ workspaceId, key, createdFromCampaignId: options.fromCampaignId ?? null, ...values })
        .onConflictDoUpdate({ target: [planningTemplates.workspaceId, planningTemplates.key], set: values })
        .returning();
      if (!row) throw new AppError('INTERNAL');
      await recordAudit(tx, {
        workspaceId,
        actorUserId: ctx.actor.user.id,
        action: options.isNew ? 'create' : 'update',
        entityType: 'planning-template',
        entityId: row.id,
        before: existing ?? null,
        after: presentRow(row),
      });
      return presentRow(row);
    });
  }

  return {
    list: (ctx: ServiceContext) => listTemplates(db, ctx.membership.workspaceId),
    create: (ctx: ServiceContext, key: string, input: PlanningTemplate, fromCampaignId?: string) =>
      save(ctx, key, input, { isNew: true, fromCampaignId }),
    update: (ctx: ServiceContext, key: string, input: PlanningTemplate) => save(ctx, key, input, { isNew: false }),

    /** Deletes a workspace template; for an edited shipped one, goes back to the shipped version. */
    async remove(ctx: ServiceContext, key: string): Promise<void> {
      const workspaceId = ctx.membership.workspaceId;
      await db.transaction(async (tx) => {
        const [row] = await tx
          .delete(planningTemplates)
          .where(and(eq(planningTemplates.workspaceId, workspaceId), eq(planningTemplates.key, key)))
          .returning();
        if (!row) throw new AppError('NOT_FOUND');
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'delete',
          entityType: 'planning-template',
          entityId: row.id,
          before: presentRow(row),
        });
      });
    },
  };
}
