/**
 * What a plan tells the officer after dates move: work now in the past, deadlines on a day off in a
 * partner's country, and work that cannot really start because what it waits for is not done.
 * Warnings, not errors: the officer decides (a launch on a Saturday can be deliberate).
 */
import { type CalendarDate, isBefore } from './calendar-date.js';
import { type HolidayExtras, nonWorkingReasons } from './holidays.js';

export const TASK_STATUSES = ['todo', 'in_progress', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The scheduling view of a task; real tasks carry more fields, which scheduling passes through. */
export interface PlannedTask {
  id: string;
  status: TaskStatus;
  startDate: CalendarDate;
  dueDate: CalendarDate;
}

/** `taskId` cannot start before `prerequisiteId` is due. */
export interface TaskDependency {
  taskId: string;
  prerequisiteId: string;
}

export interface ScheduleContext {
  /** Today in the workspace's time zone (`calendarDateAt(now, timeZone)`). */
  today: CalendarDate;
  /** Countries whose weekends and holidays count (the campaign's partners). */
  countries: readonly string[];
  holidayExtras?: HolidayExtras;
}

export type ScheduleWarning =
  | { code: 'DUE_IN_PAST'; taskId: string; date: CalendarDate }
  | { code: 'STARTS_IN_PAST'; taskId: string; date: CalendarDate }
  | { code: 'DUE_ON_NON_WORKING_DAY'; taskId: string; date: CalendarDate; weekendIn: string[]; holidayKeys: string[] }
  /** The task is under way or done while its prerequisite is not done. */
  | { code: 'STARTED_BEFORE_PREREQUISITE_DONE'; taskId: string; prerequisiteId: string }
  /** The task is planned to start before its (unfinished) prerequisite is due. */
  | { code: 'STARTS_BEFORE_PREREQUISITE_DUE'; taskId: string; prerequisiteId: string };

export type ScheduleWarningCode = ScheduleWarning['code'];

/**
 * Warnings about `tasks`. With `onlyTaskIds`, only those that concern one of them (a dependency
 * warning concerns both ends), so moving one task does not repeat every old problem of the plan.
 * Done tasks never warn: done work stays as it is.
 */
export function scheduleWarnings(
  tasks: readonly PlannedTask[],
  dependencies: readonly TaskDependency[],
  context: ScheduleContext,
  onlyTaskIds?: ReadonlySet<string>,
): ScheduleWarning[] {
  const concerns = (...ids: string[]) => !onlyTaskIds || ids.some((id) => onlyTaskIds.has(id));
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const warnings: ScheduleWarning[] = [];
  for (const task of tasks) {
    if (task.status === 'done' || !concerns(task.id)) continue;
    if (isBefore(task.dueDate, context.today)) warnings.push({ code: 'DUE_IN_PAST', taskId: task.id, date: task.dueDate });
    else if (task.status === 'todo' && isBefore(task.startDate, context.today)) {
      warnings.push({ code: 'STARTS_IN_PAST', taskId: task.id, date: task.startDate });
    }
    const reasons = nonWorkingReasons(task.dueDate, context.countries, context.holidayExtras);
    if (reasons.weekendIn.length > 0 || reasons.holidays.length > 0) {
      warnings.push({
        code: 'DUE_ON_NON_WORKING_DAY',
        taskId: task.id,
        date: task.dueDate,
        weekendIn: reasons.weekendIn,
        holidayKeys: reasons.holidays.map((holiday) => holiday.key),
      });
    }
  }
  for (const { taskId, prerequisiteId } of dependencies) {
    const task = byId.get(taskId);
    const prerequisite = byId.get(prerequisiteId);
    if (!task || !prerequisite || prerequisite.status === 'done' || !concerns(taskId, prerequisiteId)) continue;
    if (task.status !== 'todo') warnings.push({ code: 'STARTED_BEFORE_PREREQUISITE_DONE', taskId, prerequisiteId });
    else if (isBefore(task.startDate, prerequisite.dueDate))
      warnings.push({ code: 'STARTS_BEFORE_PREREQUISITE_DUE', taskId, prerequisiteId });
  }
  return warnings;
}
