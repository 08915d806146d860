/**
 * Campaigns and retro-planning (S3): a goal date that does not move lightly, tasks made from a
 * template backwards from it, and a goal move that reschedules what has not started and says what
 * now falls in the past or on a day off.
 */
import { and, eq } from 'drizzle-orm';
import type { LocalizedText } from '../../../shared/localized-text.js';
import { type CalendarDate, isBefore } from '../../../shared/planning/calendar-date.js';
import type {
  Campaign,
  CampaignCreate,
  CampaignListQuery,
  CampaignUpdate,
  ScheduleChangeResult,
} from '../../../shared/planning/campaign.schema.js';
import { PlanningTemplateSchema } from '../../../shared/planning/planning-template.schema.js';
import { applyTemplate, milestonesFromTasks, reschedule, scheduleWarnings } from '../../../shared/planning/retro-planning.js';
import type { CampaignPlan, Task } from '../../../shared/planning/task.schema.js';
import type { Role } from '../../../shared/roles.js';
import { type DbOrTransaction, recordAudit } from '../../platform/audit/audit.js';
import { encodeCursor } from '../../platform/db/pagination.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import {
  assertLinksOwned,
  type CampaignRow,
  findCampaignById,
  findCampaignPage,
  presentCampaigns,
  replaceLinks,
} from './campaigns.repo.js';
import { campaigns, taskDependencies, tasks } from './campaigns.tables.js';
import { scheduleContextOf } from './planning-context.js';
import { assertMember, findCampaignTasks, presentTasks, saveDateChanges } from './tasks.repo.js';
import { createTemplatesService, findTemplate } from './templates.service.js';

function assertNotPast(goalDate: CalendarDate, today: CalendarDate): void {
  if (isBefore(goalDate, today)) throw new AppError('VALIDATION_FAILED', { fields: { goalDate: 'DATE_IN_PAST' } });
}

/** Creates the template's tasks for a campaign (in the caller's transaction) and links their dependencies. */
async function createTasksFromTemplate(
  tx: DbOrTransaction,
  workspaceId: string,
  campaign: CampaignRow,
  templateKey: string,
): Promise<void> {
  const template = await findTemplate(tx, workspaceId, templateKey);
  const drafts = applyTemplate(template as Parameters<typeof applyTemplate>[0], campaign.goalDate);
  if (drafts.length === 0) return;
  const created = await tx
    .insert(tasks)
    .values(
      drafts.map((draft, position) => ({
        workspaceId,
        campaignId: campaign.id,
        milestoneKey: draft.milestoneKey,
        title: draft.title,
        role: draft.role,
        startDate: draft.startDate,
        dueDate: draft.dueDate,
        // The day the goal itself happens (D-0, one day long) is a milestone; the rest is work.
        isMilestone: draft.startDate === draft.dueDate && draft.dueDate === campaign.goalDate,
        position,
      })),
    )
    .returning({ id: tasks.id, milestoneKey: tasks.milestoneKey });
  const idOf = new Map(created.map((row) => [row.milestoneKey, row.id]));
  const edges = drafts.flatMap((draft) =>
    draft.dependsOn.map((key) => ({
      taskId: idOf.get(draft.milestoneKey) as string,
      prerequisiteId: idOf.get(key) as string,
      workspaceId,
    })),
  );
  if (edges.length > 0) await tx.insert(taskDependencies).values(edges);
}

export function createCampaignsService(platform: Platform) {
  const db = platform.database.db;
  const templates = createTemplatesService(db);

  async function present(row: CampaignRow): Promise<Campaign> {
    const context = await scheduleContextOf(db, row.workspaceId);
    const [campaign] = await presentCampaigns(db, [row], context.today);
    if (!campaign) throw new AppError('INTERNAL');
    return campaign;
  }

  async function loadOwned(ctx: ServiceContext, id: string): Promise<CampaignRow> {
    const row = await findCampaignById(db, ctx.membership.workspaceId, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  async function plan(ctx: ServiceContext, campaign: CampaignRow): Promise<CampaignPlan> {
    const { rows, dependencies } = await findCampaignTasks(db, ctx.membership.workspaceId, campaign.id);
    const context = await scheduleContextOf(db, ctx.membership.workspaceId);
    const planned = rows.map((row) => ({ ...row, status: row.status as Task['status'] }));
    return { tasks: await presentTasks(db, rows), dependencies, warnings: scheduleWarnings(planned, dependencies, context) };
  }

  return {
    async list(ctx: ServiceContext, query: CampaignListQuery) {
      const workspaceId = ctx.membership.workspaceId;
      const rows = await findCampaignPage(db, workspaceId, query);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      const { today } = await scheduleContextOf(db, workspaceId);
      return {
        items: await presentCampaigns(db, page, today),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ sortKey: last.goalDate, id: last.id }) : null,
      };
    },

    get: async (ctx: ServiceContext, id: string) => present(await loadOwned(ctx, id)),

    async create(ctx: ServiceContext, input: CampaignCreate): Promise<Campaign> {
      const workspaceId = ctx.membership.workspaceId;
      const { today } = await scheduleContextOf(db, workspaceId);
      assertNotPast(input.goalDate, today);
      await assertLinksOwned(db, workspaceId, input);
      if (input.ownerUserId) await assertMember(db, workspaceId, input.ownerUserId, 'ownerUserId');
      if (input.templateKey) await findTemplate(db, workspaceId, input.templateKey);
      const row = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(campaigns)
          .values({
            workspaceId,
            title: input.title,
            description: input.description ?? {},
            kind: input.kind,
            goalDate: input.goalDate,
            templateKey: input.templateKey ?? null,
            ownerUserId: input.ownerUserId ?? ctx.actor.user.id,
          })
          .returning();
        if (!created) throw new AppError('INTERNAL');
        await replaceLinks(tx, created.id, input);
        if (input.templateKey) await createTasksFromTemplate(tx, workspaceId, created, input.templateKey);
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'create',
          entityType: 'campaign',
          entityId: created.id,
          after: { ...created, ...input },
        });
        return created;
      });
      return present(row);
    },

    async update(ctx: ServiceContext, id: string, input: CampaignUpdate): Promise<Campaign> {
      const workspaceId = ctx.membership.workspaceId;
      await assertLinksOwned(db, workspaceId, input);
      if (input.ownerUserId) await assertMember(db, workspaceId, input.ownerUserId, 'ownerUserId');
      const { expectedUpdatedAt, objectiveIds, audienceIds, channelIds, ...changes } = input;
      const row = await db.transaction(async (tx) => {
        const before = await findCampaignById(tx, workspaceId, id);
        if (!before) throw new AppError('NOT_FOUND');
        if (expectedUpdatedAt && new Date(expectedUpdatedAt).getTime() !== before.updatedAt.getTime()) throw new AppError('CONFLICT');
        const [updated] = await tx
          .update(campaigns)
          .set({ ...changes, updatedAt: new Date() })
          .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id)))
          .returning();
        if (!updated) throw new AppError('NOT_FOUND');
        await replaceLinks(tx, id, { objectiveIds, audienceIds, channelIds });
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'update',
          entityType: 'campaign',
          entityId: id,
          before,
          after: { ...updated, objectiveIds, audienceIds, channelIds },
        });
        return updated;
      });
      return present(row);
    },

    async setArchived(ctx: ServiceContext, id: string, isArchived: boolean): Promise<Campaign> {
      const workspaceId = ctx.membership.workspaceId;
      const row = await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(campaigns)
          .set({ archivedAt: isArchived ? new Date() : null, updatedAt: new Date() })
          .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id)))
          .returning();
        if (!updated) throw new AppError('NOT_FOUND');
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: isArchived ? 'archive' : 'restore',
          entityType: 'campaign',
          entityId: id,
        });
        return updated;
      });
      return present(row);
    },

    /** Moves the goal date: not-started tasks move with it, dependants are pushed; a dry run saves nothing. */
    async moveGoal(ctx: ServiceContext, id: string, goalDate: CalendarDate, dryRun: boolean): Promise<ScheduleChangeResult> {
      const workspaceId = ctx.membership.workspaceId;
      const campaign = await loadOwned(ctx, id);
      const context = await scheduleContextOf(db, workspaceId);
      assertNotPast(goalDate, context.today);
      const { rows, dependencies } = await findCampaignTasks(db, workspaceId, id);
      const result = reschedule(
        rows.map((row) => ({ ...row, status: row.status as Task['status'] })),
        dependencies,
        { oldGoal: campaign.goalDate, newGoal: goalDate },
        context,
      );
      if (!dryRun) {
        await db.transaction(async (tx) => {
          // The campaign row is updated only if nobody moved the goal meanwhile: two moves never compound.
          const [updated] = await tx
            .update(campaigns)
            .set({ goalDate, updatedAt: new Date() })
            .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id), eq(campaigns.goalDate, campaign.goalDate)))
            .returning({ id: campaigns.id });
          if (!updated) throw new AppError('CONFLICT');
          await recordAudit(tx, {
            workspaceId,
            actorUserId: ctx.actor.user.id,
            action: 'move-goal',
            entityType: 'campaign',
            entityId: id,
            before: { goalDate: campaign.goalDate },
            after: { goalDate },
          });
          // The goal and every task it moves are saved together, or not at all.
          await saveDateChanges(tx, ctx, result.changed, 'reschedule');
        });
      }
      return { changed: result.changed, warnings: result.warnings, isSaved: !dryRun };
    },

    async applyTemplate(ctx: ServiceContext, id: string, templateKey: string): Promise<CampaignPlan> {
      const workspaceId = ctx.membership.workspaceId;
      const campaign = await loadOwned(ctx, id);
      await findTemplate(db, workspaceId, templateKey);
      await db.transaction(async (tx) => {
        await createTasksFromTemplate(tx, workspaceId, campaign, templateKey);
        await tx.update(campaigns).set({ templateKey, updatedAt: new Date() }).where(eq(campaigns.id, id));
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'apply-template',
          entityType: 'campaign',
          entityId: id,
          after: { templateKey },
        });
      });
      return plan(ctx, campaign);
    },

    async saveAsTemplate(ctx: ServiceContext, id: string, input: { key: string; name: LocalizedText }) {
      const campaign = await loadOwned(ctx, id);
      const { rows, dependencies } = await findCampaignTasks(db, ctx.membership.workspaceId, id);
      if (rows.length === 0) throw new AppError('VALIDATION_FAILED', { fields: { key: 'NO_TASKS' } });
      // Keys from the template the tasks came from, else made up; unique and kebab-case either way.
      const keyOf = new Map(rows.map((row, index) => [row.id, row.milestoneKey ?? `task-${index + 1}`]));
      const milestones = milestonesFromTasks(
        rows.map((row) => ({
          key: keyOf.get(row.id) as string,
          title: row.title,
          role: (row.role ?? 'officer') as Role,
          startDate: row.startDate,
          dueDate: row.dueDate,
          dependsOn: dependencies.filter((edge) => edge.taskId === row.id).map((edge) => keyOf.get(edge.prerequisiteId) as string),
        })),
        campaign.goalDate,
      );
      const parsed = PlanningTemplateSchema.safeParse({ name: input.name, description: campaign.description, milestones });
      if (!parsed.success) {
        throw new AppError('VALIDATION_FAILED', {
          fields: Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.') || 'key', issue.message])),
        });
      }
      return templates.create(ctx, input.key, parsed.data, id);
    },

    plan: async (ctx: ServiceContext, id: string) => plan(ctx, await loadOwned(ctx, id)),
  };
}
