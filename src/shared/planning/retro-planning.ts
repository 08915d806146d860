/**
 * Retro-planning: from a template and a goal date to dated tasks, and keeping those dates coherent
 * when the goal date moves or a task is dragged on the Gantt. Done and started work never moves:
 * the officer's record of what happened is not ours to rewrite. Dependencies are "start on or after
 * the prerequisite's due date" (handing over on the due day is how campaigns work in practice).
 */
import type { LocalizedText } from '../localized-text.js';
import type { Role } from '../roles.js';
import { addDays, type CalendarDate, daysBetween, isBefore } from './calendar-date.js';
import { type DependencyEdge, orderOrThrow } from './dependency-graph.js';
import type { MilestoneTemplate, PlanningTemplate } from './planning-template.schema.js';
import {
  type PlannedTask,
  type ScheduleContext,
  type ScheduleWarning,
  scheduleWarnings,
  type TaskDependency,
} from './schedule-warnings.js';

export {
  type PlannedTask,
  type ScheduleContext,
  type ScheduleWarning,
  type ScheduleWarningCode,
  scheduleWarnings,
  TASK_STATUSES,
  type TaskDependency,
  type TaskStatus,
} from './schedule-warnings.js';

/** A task to create from a template milestone; the service gives it an id, an assignee and an organisation. */
export interface TaskDraft {
  milestoneKey: string;
  title: LocalizedText;
  role: Role;
  startDate: CalendarDate;
  dueDate: CalendarDate;
  /** Milestone keys of its prerequisites; map them to the created task ids. */
  dependsOn: string[];
}

export interface DateChange {
  id: string;
  previousStartDate: CalendarDate;
  previousDueDate: CalendarDate;
  startDate: CalendarDate;
  dueDate: CalendarDate;
}

export interface ScheduleResult<T extends PlannedTask> {
  /** Every task, in input order, with its new dates. */
  tasks: T[];
  /** Only the tasks whose dates changed: what to save. */
  changed: DateChange[];
  warnings: ScheduleWarning[];
}

/** Dated tasks for `goalDate`: due = goal + offset, start = due - duration + 1. Expects a validated template. */
export function applyTemplate(template: Pick<PlanningTemplate, 'milestones'>, goalDate: CalendarDate): TaskDraft[] {
  return template.milestones.map((milestone) => {
    const dueDate = addDays(goalDate, milestone.offsetDays);
    return {
      milestoneKey: milestone.key,
      title: milestone.title,
      role: milestone.role,
      startDate: addDays(dueDate, 1 - milestone.durationDays),
      dueDate,
      dependsOn: [...milestone.dependsOn],
    };
  });
}

/**
 * Milestones for a new template made from a campaign, offsets measured from its goal date. `key` is
 * any stable slug the caller chose for each task; `dependsOn` uses those keys.
 */
export function milestonesFromTasks(
  tasks: ReadonlyArray<{
    key: string;
    title: LocalizedText;
    role: Role;
    startDate: CalendarDate;
    dueDate: CalendarDate;
    dependsOn: string[];
  }>,
  goalDate: CalendarDate,
): MilestoneTemplate[] {
  return tasks.map((task) => ({
    key: task.key,
    title: task.title,
    role: task.role,
    offsetDays: daysBetween(goalDate, task.dueDate),
    durationDays: Math.max(1, daysBetween(task.startDate, task.dueDate) + 1),
    dependsOn: [...task.dependsOn],
  }));
}

function edgesOf(dependencies: readonly TaskDependency[]): DependencyEdge[] {
  return dependencies.map(({ taskId, prerequisiteId }) => ({ prerequisite: prerequisiteId, dependant: taskId }));
}

function shifted<T extends PlannedTask>(task: T, days: number): T {
  return days === 0 ? task : { ...task, startDate: addDays(task.startDate, days), dueDate: addDays(task.dueDate, days) };
}

/**
 * Pushes each not-started task in `movable` forward until it starts on or after the due dates of its
 * unfinished prerequisites, in topological order so a push ripples down the chain. Never pulls back.
 * Throws `DependencyCycleError` if the dependencies loop.
 */
function pushDependants<T extends PlannedTask>(
  byId: Map<string, T>,
  dependencies: readonly TaskDependency[],
  movable: (task: T) => boolean,
): void {
  const prerequisitesOf = new Map<string, string[]>();
  for (const { taskId, prerequisiteId } of dependencies)
    prerequisitesOf.set(taskId, [...(prerequisitesOf.get(taskId) ?? []), prerequisiteId]);
  for (const id of orderOrThrow([...byId.keys()], edgesOf(dependencies))) {
    const task = byId.get(id) as T;
    if (task.status !== 'todo' || !movable(task)) continue;
    let earliestStart = task.startDate;
    for (const prerequisiteId of prerequisitesOf.get(id) ?? []) {
      const prerequisite = byId.get(prerequisiteId) as T;
      if (prerequisite.status !== 'done' && isBefore(earliestStart, prerequisite.dueDate)) earliestStart = prerequisite.dueDate;
    }
    byId.set(id, shifted(task, daysBetween(task.startDate, earliestStart)));
  }
}

function resultOf<T extends PlannedTask>(
  before: readonly T[],
  byId: Map<string, T>,
  dependencies: readonly TaskDependency[],
  context: ScheduleContext,
  alsoConcerned: readonly string[] = [],
): ScheduleResult<T> {
  const tasks = before.map((task) => byId.get(task.id) as T);
  const changed: DateChange[] = [];
  before.forEach((previous, index) => {
    const task = tasks[index] as T;
    if (task.startDate === previous.startDate && task.dueDate === previous.dueDate) return;
    changed.push({
      id: task.id,
      previousStartDate: previous.startDate,
      previousDueDate: previous.dueDate,
      startDate: task.startDate,
      dueDate: task.dueDate,
    });
  });
  const concerned = new Set([...changed.map((change) => change.id), ...alsoConcerned]);
  return { tasks, changed, warnings: scheduleWarnings(tasks, dependencies, context, concerned) };
}

function indexTasks<T extends PlannedTask>(tasks: readonly T[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const task of tasks) {
    if (byId.has(task.id)) throw new RangeError(`Duplicate task id ${task.id}`);
    byId.set(task.id, task);
  }
  return byId;
}

/**
 * The goal date moved from `oldGoal` to `newGoal`: every not-started task moves by the same number of
 * days, started and done tasks stay, then dependants are pushed so none starts before its
 * prerequisites are due. Warnings cover the tasks whose dates changed.
 */
export function reschedule<T extends PlannedTask>(
  tasks: readonly T[],
  dependencies: readonly TaskDependency[],
  change: { oldGoal: CalendarDate; newGoal: CalendarDate },
  context: ScheduleContext,
): ScheduleResult<T> {
  const delta = daysBetween(change.oldGoal, change.newGoal);
  const byId = indexTasks(tasks);
  for (const task of tasks) if (task.status === 'todo') byId.set(task.id, shifted(task, delta));
  pushDependants(byId, dependencies, () => true);
  return resultOf(tasks, byId, dependencies, context);
}

/**
 * A task dragged on the Gantt to end on `newDue` (its duration kept). Only what depends on it,
 * directly or not, is pushed forward when needed; nothing moves backwards, and the dragged task
 * itself stays where it was put, with a warning if that is before a prerequisite is due.
 */
export function moveTask<T extends PlannedTask>(
  tasks: readonly T[],
  dependencies: readonly TaskDependency[],
  taskId: string,
  newDue: CalendarDate,
  context: ScheduleContext,
): ScheduleResult<T> {
  const byId = indexTasks(tasks);
  const moved = byId.get(taskId);
  if (!moved) throw new RangeError(`Unknown task ${taskId}`);
  byId.set(taskId, shifted(moved, daysBetween(moved.dueDate, newDue)));

  const downstream = new Set<string>();
  const queue = [taskId];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const { taskId: dependant, prerequisiteId } of dependencies) {
      if (prerequisiteId === current && !downstream.has(dependant) && dependant !== taskId) {
        downstream.add(dependant);
        queue.push(dependant);
      }
    }
  }
  pushDependants(byId, dependencies, (task) => downstream.has(task.id));
  return resultOf(tasks, byId, dependencies, context, [taskId]);
}
