/**
 * Pure layout of the calendar views on calendar dates: weeks start on Monday, a month shows the whole
 * weeks that contain it, and an entry appears on every day it spans within the view.
 */
import type { CalendarEntry } from '../../../../shared/planning/calendar.schema.js';
import {
  addDays,
  type CalendarDate,
  calendarDateAt,
  compareDates,
  daysInMonth,
  formatCalendarDate,
  isAfter,
  isBefore,
  weekdayOf,
} from '../../../../shared/planning/calendar-date.js';

export const CALENDAR_VIEWS = ['month', 'week', 'agenda'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

export function startOfWeek(date: CalendarDate): CalendarDate {
  return addDays(date, 1 - weekdayOf(date));
}

export function startOfMonth(date: CalendarDate): CalendarDate {
  return `${date.slice(0, 7)}-01`;
}

export function endOfMonth(date: CalendarDate): CalendarDate {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return formatCalendarDate(year, month, daysInMonth(year, month));
}

/** The days of the month view, Monday first, in whole weeks (5 or 6 rows of 7). */
export function monthGridDays(date: CalendarDate): CalendarDate[][] {
  const first = startOfWeek(startOfMonth(date));
  const last = addDays(startOfWeek(endOfMonth(date)), 6);
  const weeks: CalendarDate[][] = [];
  for (let monday = first; !isAfter(monday, last); monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, index) => addDays(monday, index)));
  }
  return weeks;
}

export function weekDays(date: CalendarDate): CalendarDate[] {
  const monday = startOfWeek(date);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** The range a view asks the server for. The agenda lists the month of the date. */
export function rangeOf(view: CalendarView, date: CalendarDate): { from: CalendarDate; to: CalendarDate } {
  if (view === 'week') {
    const days = weekDays(date);
    return { from: days[0] as CalendarDate, to: days[6] as CalendarDate };
  }
  if (view === 'agenda') return { from: startOfMonth(date), to: endOfMonth(date) };
  const weeks = monthGridDays(date);
  return { from: weeks[0]?.[0] as CalendarDate, to: weeks.at(-1)?.[6] as CalendarDate };
}

/** The date one period before (-1) or after (+1), keeping the day of month where it exists. */
export function shiftDate(view: CalendarView, date: CalendarDate, step: -1 | 1): CalendarDate {
  if (view === 'week') return addDays(date, 7 * step);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + step;
  const [nextYear, nextMonth] = [Math.floor(index / 12), (index % 12) + 1];
  return formatCalendarDate(nextYear, nextMonth, Math.min(day, daysInMonth(nextYear, nextMonth)));
}

/**
 * The calendar date of an entry's start or end: all-day entries are dates already; a timed one is an
 * instant, dated by the workspace's wall clock (a post at 00:30 in Casablanca is on that day, not on
 * the UTC day before).
 */
export function entryDayOf(value: string, isAllDay: boolean, timeZone: string): CalendarDate {
  return isAllDay ? value.slice(0, 10) : calendarDateAt(new Date(value), timeZone);
}

/** The first and last days an entry covers: the server's wall clock when it gave one, else `timeZone`'s. */
export function entryDays(entry: CalendarEntry, timeZone: string): { first: CalendarDate; last: CalendarDate } {
  const first = entry.wallClock?.date ?? entryDayOf(entry.start, entry.allDay, timeZone);
  const last = entry.end === entry.start ? first : entryDayOf(entry.end, entry.allDay, timeZone);
  return { first, last: isBefore(last, first) ? first : last };
}

/** Whether an entry covers `date` in `timeZone`. */
export function coversDay(entry: CalendarEntry, date: CalendarDate, timeZone: string): boolean {
  const { first, last } = entryDays(entry, timeZone);
  return !isBefore(date, first) && !isAfter(date, last);
}

/** Entries of each day of `days`, keeping the given order. */
export function entriesByDay(
  entries: readonly CalendarEntry[],
  days: readonly CalendarDate[],
  timeZone: string,
): Map<CalendarDate, CalendarEntry[]> {
  const byDay = new Map<CalendarDate, CalendarEntry[]>(days.map((date) => [date, []]));
  for (const entry of entries) {
    for (const date of days) if (coversDay(entry, date, timeZone)) byDay.get(date)?.push(entry);
  }
  return byDay;
}

/** Days of the range that have entries, in order (the agenda). */
export function agendaDays(entries: readonly CalendarEntry[], from: CalendarDate, to: CalendarDate, timeZone: string) {
  const days: CalendarDate[] = [];
  for (let date = from; !isAfter(date, to); date = addDays(date, 1)) days.push(date);
  return [...entriesByDay(entries, days, timeZone)].filter(([, list]) => list.length > 0).sort(([a], [b]) => compareDates(a, b));
}
