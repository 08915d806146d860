/** Checks shared by task creation, editing and template application: ids owned, dates ordered, no cycles. */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { type CalendarDate, isBefore } from '../../../shared/planning/calendar-date.js';
import { findCycle } from '../../../shared/planning/dependency-graph.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { findOwnedOrganisationIds } from '../directory/organisations.repo.js';
import { tasks } from './campaigns.tables.js';
import { assertMember, findDependencies } from './tasks.repo.js';

export function assertDatesOrdered(startDate: CalendarDate, dueDate: CalendarDate): void {
  if (isBefore(dueDate, startDate)) throw new AppError('VALIDATION_FAILED', { fields: { dueDate: 'BEFORE_START' } });
}

export async function assertTaskLinks(
  db: DbOrTransaction,
  workspaceId: string,
  input: { assigneeUserId?: string | null; organisationId?: string | null },
): Promise<void> {
  if (input.assigneeUserId) await assertMember(db, workspaceId, input.assigneeUserId, 'assigneeUserId');
  if (input.organisationId && !(await findOwnedOrganisationIds(db, workspaceId, [input.organisationId])).has(input.organisationId)) {
    throw new AppError('VALIDATION_FAILED', { fields: { organisationId: 'UNKNOWN_ORGANISATION' } });
  }
}

/**
 * Prerequisites must be tasks of the same campaign (or, for a task outside any campaign, other such
 * tasks), and the new edges must not close a cycle with the ones already there.
 */
export async function assertPrerequisites(
  db: DbOrTransaction,
  workspaceId: string,
  task: { id: string; campaignId: string | null },
  prerequisiteIds: string[],
): Promise<void> {
  if (prerequisiteIds.length === 0) return;
  if (prerequisiteIds.includes(task.id)) throw new AppError('VALIDATION_FAILED', { fields: { prerequisiteIds: 'DEPENDENCY_CYCLE' } });
  const sameScope = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      and(
        eq(tasks.workspaceId, workspaceId),
        inArray(tasks.id, prerequisiteIds),
        task.campaignId ? eq(tasks.campaignId, task.campaignId) : isNull(tasks.campaignId),
      ),
    );
  if (sameScope.length !== new Set(prerequisiteIds).size) {
    throw new AppError('VALIDATION_FAILED', { fields: { prerequisiteIds: 'UNKNOWN_TASK' } });
  }
  if (!task.campaignId) return;
  const campaignTaskIds = (
    await db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.campaignId, task.campaignId)))
  ).map((row) => row.id);
  const nodes = [...new Set([...campaignTaskIds, task.id])];
  const existing = (await findDependencies(db, nodes)).filter((edge) => edge.taskId !== task.id);
  const edges = [...existing, ...prerequisiteIds.map((prerequisiteId) => ({ taskId: task.id, prerequisiteId }))].map((edge) => ({
    prerequisite: edge.prerequisiteId,
    dependant: edge.taskId,
  }));
  const cycle = findCycle(nodes, edges);
  if (cycle) throw new AppError('VALIDATION_FAILED', { fields: { prerequisiteIds: 'DEPENDENCY_CYCLE' }, params: { cycle } });
}
