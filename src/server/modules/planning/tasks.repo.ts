/** All SQL of tasks, their dependencies, comments and attachments. Every query is scoped by workspace. */
import { and, asc, count, eq, inArray, lt, ne, type SQL } from 'drizzle-orm';
import type { Task, TaskListQuery } from '../../../shared/planning/task.schema.js';
import { type DbOrTransaction, recordAudit } from '../../platform/audit/audit.js';
import { users } from '../../platform/auth/auth.tables.js';
import { decodeCursor, keysetAfter } from '../../platform/db/pagination.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import { memberships } from '../../platform/platform.tables.js';
import { taskAttachments, taskComments, taskDependencies, tasks } from './campaigns.tables.js';

export type TaskRow = typeof tasks.$inferSelect;
export type TaskInsert = typeof tasks.$inferInsert;

export async function findTaskById(db: DbOrTransaction, workspaceId: string, id: string): Promise<TaskRow | undefined> {
  const [row] = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.id, id)));
  return row;
}

/** The tasks of one campaign in date order, and the dependencies among them. */
export async function findCampaignTasks(db: DbOrTransaction, workspaceId: string, campaignId: string) {
  const rows = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.campaignId, campaignId)))
    .orderBy(asc(tasks.startDate), asc(tasks.dueDate), asc(tasks.position), asc(tasks.id));
  const dependencies = await findDependencies(
    db,
    rows.map((row) => row.id),
  );
  return { rows, dependencies };
}

/** Dependencies whose dependant is one of `taskIds`. */
export async function findDependencies(db: DbOrTransaction, taskIds: string[]) {
  if (taskIds.length === 0) return [];
  return db
    .select({ taskId: taskDependencies.taskId, prerequisiteId: taskDependencies.prerequisiteId })
    .from(taskDependencies)
    .where(inArray(taskDependencies.taskId, taskIds));
}

/** A page of tasks by due date (then id), with the list filters ("my tasks" is `assigneeUserId`). */
export async function findTaskPage(db: DbOrTransaction, workspaceId: string, query: TaskListQuery & { assigneeUserId?: string }) {
  const keyset = keysetAfter(tasks.dueDate, tasks.id, decodeCursor(query.cursor));
  const filters: Array<SQL | undefined> = [eq(tasks.workspaceId, workspaceId)];
  if (query.assigneeUserId) filters.push(eq(tasks.assigneeUserId, query.assigneeUserId));
  if (query.campaignId) filters.push(eq(tasks.campaignId, query.campaignId));
  if (query.status === 'open') filters.push(ne(tasks.status, 'done'));
  else if (query.status) filters.push(eq(tasks.status, query.status));
  if (query.dueBefore) filters.push(lt(tasks.dueDate, query.dueBefore));
  return db
    .select()
    .from(tasks)
    .where(and(...filters, keyset.where))
    .orderBy(...keyset.orderBy)
    .limit(query.limit + 1);
}

/** Ids among `ids` that are tasks of the workspace. */
export async function findOwnedTaskIds(db: DbOrTransaction, workspaceId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.workspaceId, workspaceId), inArray(tasks.id, ids)));
  return new Set(rows.map((row) => row.id));
}

/** Refuses an assignee who is not a member of the workspace (a field error, nothing written). */
export async function assertMember(db: DbOrTransaction, workspaceId: string, userId: string, field: string): Promise<void> {
  const [row] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  if (!row) throw new AppError('VALIDATION_FAILED', { fields: { [field]: 'UNKNOWN_MEMBER' } });
}

/** Tasks as the API shows them: assignee names, prerequisites, comment counts and attachments in four queries. */
export async function presentTasks(db: DbOrTransaction, rows: TaskRow[]): Promise<Task[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const assigneeIds = [...new Set(rows.map((row) => row.assigneeUserId).filter((id): id is string => Boolean(id)))];
  const [names, dependencies, comments, attachments] = await Promise.all([
    assigneeIds.length > 0 ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, assigneeIds)) : [],
    findDependencies(db, ids),
    db
      .select({ taskId: taskComments.taskId, total: count() })
      .from(taskComments)
      .where(inArray(taskComments.taskId, ids))
      .groupBy(taskComments.taskId),
    db
      .select({ taskId: taskAttachments.taskId, fileId: taskAttachments.fileId })
      .from(taskAttachments)
      .where(inArray(taskAttachments.taskId, ids))
      .orderBy(asc(taskAttachments.createdAt)),
  ]);
  const nameOf = new Map(names.map((row) => [row.id, row.name]));
  const commentsOf = new Map(comments.map((row) => [row.taskId, row.total]));
  return rows.map((row) => ({
    id: row.id,
    campaignId: row.campaignId,
    milestoneKey: row.milestoneKey,
    title: row.title,
    description: row.description,
    role: row.role,
    assigneeUserId: row.assigneeUserId,
    assigneeName: row.assigneeUserId ? (nameOf.get(row.assigneeUserId) ?? null) : null,
    organisationId: row.organisationId,
    status: row.status as Task['status'],
    startDate: row.startDate,
    dueDate: row.dueDate,
    isMilestone: row.isMilestone,
    checklist: row.checklist,
    prerequisiteIds: dependencies.filter((dependency) => dependency.taskId === row.id).map((dependency) => dependency.prerequisiteId),
    commentCount: commentsOf.get(row.id) ?? 0,
    attachmentFileIds: attachments.filter((attachment) => attachment.taskId === row.id).map((attachment) => attachment.fileId),
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** Saves new dates of several tasks, with one audit entry per task, in the caller's transaction. */
export async function saveDateChanges(
  tx: DbOrTransaction,
  ctx: ServiceContext,
  changes: Array<{ id: string; previousStartDate: string; previousDueDate: string; startDate: string; dueDate: string }>,
  reason: string,
): Promise<void> {
  const workspaceId = ctx.membership.workspaceId;
  for (const change of changes) {
    await tx
      .update(tasks)
      .set({ startDate: change.startDate, dueDate: change.dueDate, remindersSent: [], updatedAt: new Date() })
      .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.id, change.id)));
    await recordAudit(tx, {
      workspaceId,
      actorUserId: ctx.actor.user.id,
      action: reason,
      entityType: 'task',
      entityId: change.id,
      before: { startDate: change.previousStartDate, dueDate: change.previousDueDate },
      after: { startDate: change.startDate, dueDate: change.dueDate },
    });
  }
}
