/**
 * Moving an entry on the calendar, as pure functions: which entries the member may move, what a drop
 * (a day in the month view, a day and an hour in the week view, a date and time typed in "move to…")
 * asks the server, and where the entry shows meanwhile. Times are the workspace's wall clock.
 */
import type { CalendarEntry, CalendarMoveRequest } from '../../../../shared/planning/calendar.schema.js';
import { addDays, type CalendarDate, daysBetween, zonedDateTimeToInstant } from '../../../../shared/planning/calendar-date.js';
import type { Permission } from '../../../../shared/roles.js';
import { entryDayOf } from './calendar-grid.js';

/** Where an entry is dropped: a day (month view: the time of day is kept) or a day and a time (week view, "move to…"). */
export interface MoveTarget {
  date: CalendarDate;
  time?: string;
}

export interface PlannedMove {
  /** What the entry's `move.path` is sent. */
  request: CalendarMoveRequest;
  /** Where the entry shows until the server answers. */
  start: string;
  end: string;
  /** A timed entry's new day and time on the workspace's clock. */
  wallClock?: { date: CalendarDate; time: string };
}

/** The hours offered as drop slots in the week view while dragging (the popover takes any minute). */
export const DROP_HOURS = Array.from({ length: 18 }, (_, index) => `${String(index + 6).padStart(2, '0')}:00`);

/** Whether this member may move the entry: it says how, and their role grants what it needs. */
export function isMovable(entry: CalendarEntry, can: (permission: Permission) => boolean): boolean {
  return Boolean(entry.move && can(entry.move.permission));
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** The `HH:MM` the workspace's clock shows at `instant`. */
export function wallTimeOf(instant: string, timeZone: string): string {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
    wallClockFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return `${parts.hour ?? '00'}:${parts.minute ?? '00'}`;
}

/** The day and time of an entry's start on the workspace's clock (all-day: its day, no time); the server's reading first. */
export function wallClockOfEntry(entry: CalendarEntry, timeZone: string): MoveTarget {
  if (entry.allDay) return { date: entry.start.slice(0, 10) };
  if (entry.wallClock) return { ...entry.wallClock };
  return { date: entryDayOf(entry.start, false, timeZone), time: wallTimeOf(entry.start, timeZone) };
}

/**
 * The move a drop asks for, or undefined when it changes nothing. Dropped on a day, a timed entry
 * keeps its time of day (the request names only the day: the server keeps the wall-clock time, across
 * a change of summer time too); dropped on a time slot, it takes that time. Its length is kept.
 */
export function planMove(entry: CalendarEntry, target: MoveTarget, timeZone: string): PlannedMove | undefined {
  const current = wallClockOfEntry(entry, timeZone);
  if (entry.allDay) {
    if (target.date === current.date) return undefined;
    const length = daysBetween(entry.start.slice(0, 10), entry.end.slice(0, 10));
    return { request: { date: target.date }, start: target.date, end: addDays(target.date, length) };
  }
  const time = target.time ?? current.time ?? '00:00';
  if (target.date === current.date && time === current.time) return undefined;
  const start = zonedDateTimeToInstant(target.date, time, timeZone);
  const length = Date.parse(entry.end) - Date.parse(entry.start);
  return {
    request: target.time ? { date: target.date, time: target.time } : { date: target.date },
    start: start.toISOString(),
    end: new Date(start.getTime() + length).toISOString(),
    wallClock: { date: target.date, time },
  };
}

/** The entries with `entry` shown at its planned place (until the server confirms or refuses). */
export function withMove(entries: readonly CalendarEntry[], entry: CalendarEntry, move: PlannedMove): CalendarEntry[] {
  return entries.map((item) =>
    item.kind === entry.kind && item.id === entry.id
      ? { ...item, start: move.start, end: move.end, ...(move.wallClock ? { wallClock: move.wallClock } : {}) }
      : item,
  );
}
