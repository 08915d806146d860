/**
 * Geometry of the Gantt, free of React and of the DOM so it can be tested: which days the axis shows,
 * where each bar starts along the inline axis, and the dependency arrows. Bars are placed with
 * `inset-inline-start`, so Arabic mirrors them by itself; only the SVG of arrows needs physical x,
 * which `physicalX` derives from the inline offset and the direction.
 */
import { addDays, type CalendarDate, compareDates, daysBetween, weekdayOf } from '../../../../../shared/planning/calendar-date.js';
import type { PlannedTask, TaskDependency } from '../../../../../shared/planning/schedule-warnings.js';

export interface GanttRange {
  from: CalendarDate;
  to: CalendarDate;
  /** Number of day columns, both ends included. */
  days: number;
}

export interface GanttGeometry {
  range: GanttRange;
  dayWidth: number;
  rowHeight: number;
  dir: 'ltr' | 'rtl';
}

const PADDING_DAYS = 3;

/** The days shown: every task and the goal date, a few days either side; today only when it is near. */
export function ganttRangeOf(tasks: readonly PlannedTask[], goalDate: CalendarDate, today: CalendarDate): GanttRange {
  const dates = [goalDate, ...tasks.flatMap((task) => [task.startDate, task.dueDate])].sort(compareDates);
  let from = dates[0] as CalendarDate;
  let to = dates[dates.length - 1] as CalendarDate;
  // A campaign far in the future should not be squeezed by a today line months away.
  if (daysBetween(today, from) <= 30 && daysBetween(to, today) <= 30) {
    if (compareDates(today, from) < 0) from = today;
    if (compareDates(today, to) > 0) to = today;
  }
  from = addDays(from, -PADDING_DAYS);
  to = addDays(to, PADDING_DAYS);
  return { from, to, days: daysBetween(from, to) + 1 };
}

/** Offset of the start of `date`'s column from the inline start of the timeline, in pixels. */
export function inlineOffsetOf(date: CalendarDate, geometry: Pick<GanttGeometry, 'range' | 'dayWidth'>): number {
  return daysBetween(geometry.range.from, date) * geometry.dayWidth;
}

/** A bar from the start of its first day to the end of its due day. */
export function barOf(task: Pick<PlannedTask, 'startDate' | 'dueDate'>, geometry: Pick<GanttGeometry, 'range' | 'dayWidth'>) {
  const start = inlineOffsetOf(task.startDate, geometry);
  const end = inlineOffsetOf(task.dueDate, geometry) + geometry.dayWidth;
  return { start, width: Math.max(end - start, geometry.dayWidth) };
}

/** The SVG's x for an inline offset: the same in French, measured from the right in Arabic. */
export function physicalX(inlineOffset: number, geometry: GanttGeometry): number {
  return geometry.dir === 'rtl' ? geometry.range.days * geometry.dayWidth - inlineOffset : inlineOffset;
}

/** Whole days a pointer moved along the time axis (dragging left in Arabic is later). */
export function daysDragged(deltaX: number, geometry: Pick<GanttGeometry, 'dayWidth' | 'dir'>): number {
  const days = Math.round(deltaX / geometry.dayWidth) * (geometry.dir === 'rtl' ? -1 : 1);
  return days === 0 ? 0 : days;
}

/** Days an arrow key moves a focused bar: the key pointing later on screen means later. */
export function daysOfArrowKey(key: string, dir: 'ltr' | 'rtl'): number {
  if (key !== 'ArrowLeft' && key !== 'ArrowRight') return 0;
  const towardInlineEnd = (key === 'ArrowRight') === (dir === 'ltr');
  return towardInlineEnd ? 1 : -1;
}

/**
 * One elbow path per dependency, in SVG coordinates: out of the end of the prerequisite, down the row
 * boundary, into the start of the dependant. Dependencies naming a task not drawn are skipped.
 */
export function dependencyPaths(
  tasks: readonly Pick<PlannedTask, 'id' | 'startDate' | 'dueDate'>[],
  dependencies: readonly TaskDependency[],
  geometry: GanttGeometry,
): Array<{ key: string; d: string; taskId: string; prerequisiteId: string }> {
  const rowOf = new Map(tasks.map((task, index) => [task.id, index]));
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const gap = Math.min(8, geometry.dayWidth / 2);
  const out: Array<{ key: string; d: string; taskId: string; prerequisiteId: string }> = [];
  for (const { taskId, prerequisiteId } of dependencies) {
    const task = byId.get(taskId);
    const prerequisite = byId.get(prerequisiteId);
    if (!task || !prerequisite) continue;
    const fromRow = rowOf.get(prerequisiteId) as number;
    const toRow = rowOf.get(taskId) as number;
    const fromBar = barOf(prerequisite, geometry);
    const toBar = barOf(task, geometry);
    const y1 = fromRow * geometry.rowHeight + geometry.rowHeight / 2;
    const y2 = toRow * geometry.rowHeight + geometry.rowHeight / 2;
    const boundary = (toRow > fromRow ? toRow : toRow + 1) * geometry.rowHeight;
    const exit = fromBar.start + fromBar.width + gap;
    const entry = toBar.start - gap;
    const points: Array<[number, number]> = [
      [fromBar.start + fromBar.width, y1],
      [exit, y1],
      [exit, boundary],
      [entry, boundary],
      [entry, y2],
      [toBar.start, y2],
    ];
    const d = points.map(([x, y], index) => `${index === 0 ? 'M' : 'L'}${round(physicalX(x, geometry))} ${round(y)}`).join(' ');
    out.push({ key: `${prerequisiteId}-${taskId}`, d, taskId, prerequisiteId });
  }
  return out;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Axis labels: the first day of each month (or of the range), and day numbers when columns are wide. */
export function axisOf(range: GanttRange): Array<{ date: CalendarDate; isMonthStart: boolean; isWeekStart: boolean }> {
  const out: Array<{ date: CalendarDate; isMonthStart: boolean; isWeekStart: boolean }> = [];
  for (let index = 0; index < range.days; index++) {
    const date = addDays(range.from, index);
    out.push({ date, isMonthStart: index === 0 || date.endsWith('-01'), isWeekStart: weekdayOf(date) === 1 });
  }
  return out;
}
