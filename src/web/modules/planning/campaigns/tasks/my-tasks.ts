/** "My tasks" grouped the way a morning starts: what is late, what is due this week, what comes later. */
import { addDays, type CalendarDate, compareDates, weekdayOf } from '../../../../../shared/planning/calendar-date.js';

export interface TaskGroups<T> {
  overdue: T[];
  thisWeek: T[];
  later: T[];
}

/** Groups open tasks by due date against `today`; the week ends on Sunday. Done tasks are left out. */
export function groupMyTasks<T extends { dueDate: CalendarDate; status: string }>(tasks: readonly T[], today: CalendarDate): TaskGroups<T> {
  const endOfWeek = addDays(today, 7 - weekdayOf(today));
  const groups: TaskGroups<T> = { overdue: [], thisWeek: [], later: [] };
  for (const task of [...tasks].sort((a, b) => compareDates(a.dueDate, b.dueDate))) {
    if (task.status === 'done') continue;
    if (compareDates(task.dueDate, today) < 0) groups.overdue.push(task);
    else if (compareDates(task.dueDate, endOfWeek) <= 0) groups.thisWeek.push(task);
    else groups.later.push(task);
  }
  return groups;
}
