/**
 * The calendar's source registry: each module that owns dated items registers one source per kind
 * (at import of its module file), and the calendar asks every source for its entries in a range.
 * The calendar, its feed and its views never learn about a new kind's tables.
 */
import type { CalendarEntry, CalendarFilters } from '../../../shared/planning/calendar.schema.js';
import type { CalendarDate } from '../../../shared/planning/calendar-date.js';
import type { Db } from '../../platform/db/database.js';

export interface CalendarSourceRange {
  /** First day, included. */
  from: CalendarDate;
  /** Last day, included. */
  to: CalendarDate;
  filters: CalendarFilters;
}

export interface CalendarSource {
  kind: string;
  /** Entries overlapping the range, scoped to the workspace and narrowed by the filters that apply. */
  list(db: Db, workspaceId: string, range: CalendarSourceRange): Promise<CalendarEntry[]>;
}

const sources = new Map<string, CalendarSource>();

/** Adds (or replaces, for the same kind) a source. */
export function registerCalendarSource(source: CalendarSource): void {
  sources.set(source.kind, source);
}

/** The registered sources, or only those of `kinds` when given. */
export function calendarSourcesFor(kinds?: readonly string[]): CalendarSource[] {
  const all = [...sources.values()];
  return kinds && kinds.length > 0 ? all.filter((source) => kinds.includes(source.kind)) : all;
}

export function registeredCalendarKinds(): string[] {
  return [...sources.keys()];
}
