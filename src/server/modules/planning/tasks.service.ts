/** Tasks: create, edit (writers everything; others the status and checklist of their own tasks), Gantt moves, comments, attachments. */
import { and, asc, eq } from 'drizzle-orm';
import { pickLocalized } from '../../../shared/localized-text.js';
import type { CalendarDate } from '../../../shared/planning/calendar-date.js';
import type { ScheduleChangeResult } from '../../../shared/planning/campaign.schema.js';
import { moveTask } from '../../../shared/planning/retro-planning.js';
import type { Task, TaskCreate, TaskListQuery, TaskUpdate } from '../../../shared/planning/task.schema.js';
import { hasPermission } from '../../../shared/roles.js';
import { type DbOrTransaction, recordAudit } from '../../platform/audit/audit.js';
import { users } from '../../platform/auth/auth.tables.js';
import { encodeCursor } from '../../platform/db/pagination.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import { notify } from '../../platform/notifications/notify.js';
import type { Platform } from '../../platform/platform.js';
import { assertFileOwned } from '../../platform/storage/files.service.js';
import { campaigns, taskAttachments, taskComments, taskDependencies, tasks } from './campaigns.tables.js';
import { scheduleContextOf } from './planning-context.js';
import { assertDatesOrdered, assertPrerequisites, assertTaskLinks } from './task-rules.js';
import {
  findCampaignTasks,
  findDependencies,
  findTaskById,
  findTaskPage,
  presentTasks,
  saveDateChanges,
  type TaskRow,
} from './tasks.repo.js';

/** Fields a member without `campaigns:write` may change, on a task assigned to them. */
const WORK_FIELDS = new Set(['status', 'checklist', 'expectedUpdatedAt']);

export function createTasksService(platform: Platform) {
  const db = platform.database.db;

  async function presentOne(executor: DbOrTransaction, row: TaskRow): Promise<Task> {
    const [task] = await presentTasks(executor, [row]);
    if (!task) throw new AppError('INTERNAL');
    return task;
  }

  async function loadOwned(ctx: ServiceContext, id: string): Promise<TaskRow> {
    const row = await findTaskById(db, ctx.membership.workspaceId, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  /** The task is assigned to someone else than the actor: tell them, in their language. */
  async function notifyAssignee(ctx: ServiceContext, row: TaskRow): Promise<void> {
    if (!row.assigneeUserId || row.assigneeUserId === ctx.actor.user.id) return;
    const [assignee] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, row.assigneeUserId));
    const title = pickLocalized(row.title, assignee?.locale ?? 'fr', ['fr', 'ar', 'en'])?.value ?? '';
    await notify(platform, {
      workspaceId: ctx.membership.workspaceId,
      userIds: [row.assigneeUserId],
      kind: 'task-assigned',
      params: { actor: ctx.actor.user.name, task: title },
      link: `/app/w/${ctx.membership.workspaceId}/tasks/${row.id}`,
      email: true,
    });
  }

  return {
    async list(ctx: ServiceContext, query: TaskListQuery) {
      const assigneeUserId = query.assignee === 'me' ? ctx.actor.user.id : query.assignee;
      const rows = await findTaskPage(db, ctx.membership.workspaceId, { ...query, assigneeUserId });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: await presentTasks(db, page),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ sortKey: last.dueDate, id: last.id }) : null,
      };
    },

    get: async (ctx: ServiceContext, id: string) => presentOne(db, await loadOwned(ctx, id)),

    async create(ctx: ServiceContext, input: TaskCreate): Promise<Task> {
      const workspaceId = ctx.membership.workspaceId;
      assertDatesOrdered(input.startDate, input.dueDate);
      await assertTaskLinks(db, workspaceId, input);
      if (input.campaignId) {
        const [campaign] = await db
          .select({ id: campaigns.id })
          .from(campaigns)
          .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, input.campaignId)));
        if (!campaign) throw new AppError('VALIDATION_FAILED', { fields: { campaignId: 'UNKNOWN_CAMPAIGN' } });
      }
      const row = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(tasks)
          .values({
            workspaceId,
            campaignId: input.campaignId ?? null,
            title: input.title,
            description: input.description ?? {},
            role: input.role ?? null,
            assigneeUserId: input.assigneeUserId ?? null,
            organisationId: input.organisationId ?? null,
            startDate: input.startDate,
            dueDate: input.dueDate,
            isMilestone: input.isMilestone ?? false,
            checklist: input.checklist ?? [],
          })
          .returning();
        if (!created) throw new AppError('INTERNAL');
        const prerequisiteIds = [...new Set(input.prerequisiteIds ?? [])];
        await assertPrerequisites(tx, workspaceId, created, prerequisiteIds);
        if (prerequisiteIds.length > 0) {
          await tx
            .insert(taskDependencies)
            .values(prerequisiteIds.map((prerequisiteId) => ({ taskId: created.id, prerequisiteId, workspaceId })));
        }
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'create',
          entityType: 'task',
          entityId: created.id,
          after: created,
        });
        return created;
      });
      await notifyAssignee(ctx, row);
      return presentOne(db, row);
    },

    async update(ctx: ServiceContext, id: string, input: TaskUpdate): Promise<Task> {
      const workspaceId = ctx.membership.workspaceId;
      const before = await loadOwned(ctx, id);
      if (!hasPermission(ctx.membership.role, 'campaigns:write')) {
        const isOwn = before.assigneeUserId === ctx.actor.user.id;
        if (!isOwn || Object.keys(input).some((field) => !WORK_FIELDS.has(field))) throw new AppError('FORBIDDEN');
      }
      await assertTaskLinks(db, workspaceId, input);
      assertDatesOrdered(input.startDate ?? before.startDate, input.dueDate ?? before.dueDate);
      const { expectedUpdatedAt, prerequisiteIds, ...changes } = input;
      const row = await db.transaction(async (tx) => {
        const current = await findTaskById(tx, workspaceId, id);
        if (!current) throw new AppError('NOT_FOUND');
        if (expectedUpdatedAt && new Date(expectedUpdatedAt).getTime() !== current.updatedAt.getTime()) throw new AppError('CONFLICT');
        const completedAt =
          changes.status === undefined ? current.completedAt : changes.status === 'done' ? (current.completedAt ?? new Date()) : null;
        const [updated] = await tx
          .update(tasks)
          .set({ ...changes, completedAt, updatedAt: new Date() })
          .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.id, id)))
          .returning();
        if (!updated) throw new AppError('NOT_FOUND');
        if (prerequisiteIds) {
          const unique = [...new Set(prerequisiteIds)];
          await assertPrerequisites(tx, workspaceId, updated, unique);
          await tx.delete(taskDependencies).where(eq(taskDependencies.taskId, id));
          if (unique.length > 0)
            await tx.insert(taskDependencies).values(unique.map((prerequisiteId) => ({ taskId: id, prerequisiteId, workspaceId })));
        }
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'update',
          entityType: 'task',
          entityId: id,
          before: current,
          after: updated,
        });
        return updated;
      });
      if (input.assigneeUserId && input.assigneeUserId !== before.assigneeUserId) await notifyAssignee(ctx, row);
      return presentOne(db, row);
    },

    async remove(ctx: ServiceContext, id: string): Promise<void> {
      const workspaceId = ctx.membership.workspaceId;
      await db.transaction(async (tx) => {
        const [deleted] = await tx
          .delete(tasks)
          .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.id, id)))
          .returning();
        if (!deleted) throw new AppError('NOT_FOUND');
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'delete',
          entityType: 'task',
          entityId: id,
          before: deleted,
        });
      });
    },

    /** Gantt drag: the task ends on `dueDate`; dependants are pushed forward; a dry run saves nothing. */
    async move(ctx: ServiceContext, id: string, dueDate: CalendarDate, dryRun: boolean): Promise<ScheduleChangeResult> {
      const workspaceId = ctx.membership.workspaceId;
      const task = await loadOwned(ctx, id);
      const { rows, dependencies } = task.campaignId
        ? await findCampaignTasks(db, workspaceId, task.campaignId)
        : { rows: [task], dependencies: await findDependencies(db, [task.id]) };
      const context = await scheduleContextOf(db, workspaceId);
      const inScope = new Set(rows.map((row) => row.id));
      const result = moveTask(
        rows.map((row) => ({ ...row, status: row.status as Task['status'] })),
        dependencies.filter((edge) => inScope.has(edge.prerequisiteId)),
        id,
        dueDate,
        context,
      );
      if (!dryRun) await db.transaction((tx) => saveDateChanges(tx, ctx, result.changed, 'move'));
      return { changed: result.changed, warnings: result.warnings, isSaved: !dryRun };
    },

    async comments(ctx: ServiceContext, id: string) {
      await loadOwned(ctx, id);
      const rows = await db
        .select({
          id: taskComments.id,
          authorUserId: taskComments.authorUserId,
          authorName: users.name,
          body: taskComments.body,
          createdAt: taskComments.createdAt,
        })
        .from(taskComments)
        .leftJoin(users, eq(users.id, taskComments.authorUserId))
        .where(eq(taskComments.taskId, id))
        .orderBy(asc(taskComments.createdAt));
      return { items: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })) };
    },

    async addComment(ctx: ServiceContext, id: string, body: string) {
      const task = await loadOwned(ctx, id);
      const workspaceId = ctx.membership.workspaceId;
      const row = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(taskComments)
          .values({ workspaceId, taskId: id, authorUserId: ctx.actor.user.id, body })
          .returning();
        if (!created) throw new AppError('INTERNAL');
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'create',
          entityType: 'task-comment',
          entityId: created.id,
          after: { taskId: id, body },
        });
        return created;
      });
      if (task.assigneeUserId && task.assigneeUserId !== ctx.actor.user.id) {
        await notify(platform, {
          workspaceId,
          userIds: [task.assigneeUserId],
          kind: 'task-commented',
          params: { actor: ctx.actor.user.name },
          link: `/app/w/${workspaceId}/tasks/${id}`,
        });
      }
      return {
        id: row.id,
        authorUserId: row.authorUserId,
        authorName: ctx.actor.user.name,
        body: row.body,
        createdAt: row.createdAt.toISOString(),
      };
    },

    async setAttachment(ctx: ServiceContext, id: string, fileId: string, isAttached: boolean): Promise<Task> {
      const workspaceId = ctx.membership.workspaceId;
      const task = await loadOwned(ctx, id);
      if (!hasPermission(ctx.membership.role, 'campaigns:write') && task.assigneeUserId !== ctx.actor.user.id)
        throw new AppError('FORBIDDEN');
      if (isAttached) await assertFileOwned(db, workspaceId, fileId, 'fileId');
      await db.transaction(async (tx) => {
        if (isAttached) {
          await tx.insert(taskAttachments).values({ taskId: id, fileId, workspaceId, addedBy: ctx.actor.user.id }).onConflictDoNothing();
        } else {
          await tx.delete(taskAttachments).where(and(eq(taskAttachments.taskId, id), eq(taskAttachments.fileId, fileId)));
        }
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: isAttached ? 'attach' : 'detach',
          entityType: 'task',
          entityId: id,
          after: { fileId },
        });
      });
      return presentOne(db, task);
    },
  };
}
