/**
 * The workspace calendar (S4): one list of every dated thing, whatever module it comes from. Sources
 * (tasks, milestones, campaign goals, holidays; later posts, newsletters, events) each add entries of
 * their `kind`; the calendar, its views and the iCalendar feed only know `CalendarEntry`.
 */
import { z } from 'zod';
import type { LocalizedText } from '../localized-text.js';
import { PERMISSIONS, type Permission } from '../roles.js';
import { type CalendarDate, calendarDateSchema, daysBetween, isCalendarDate, localTimeSchema } from './calendar-date.js';

/** The kinds this module ships; other modules register more (`post`, `newsletter`, `event`…). */
export const PLANNING_CALENDAR_KINDS = ['task', 'milestone', 'campaign-goal', 'holiday'] as const;

/** Longest range one request may ask for: a year and a month either side of the views' needs. */
export const CALENDAR_RANGE_DAYS_MAX = 400;

/** The private feed's window, counted from the workspace's today. */
export const CALENDAR_FEED_DAYS_BEFORE = 60;
export const CALENDAR_FEED_DAYS_AFTER = 365;

const KIND_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;

export interface CalendarEntry {
  /** The source's own id (task id, campaign id, holiday key + date): unique within its kind. */
  id: string;
  kind: string;
  title: LocalizedText;
  /** A calendar date (`2026-03-14`) for all-day entries, else an ISO 8601 instant. */
  start: string;
  /** All-day: the last day, included (a one-day entry ends on its start). Timed: the instant it ends. */
  end: string;
  allDay: boolean;
  campaignId?: string | null;
  organisationId?: string | null;
  channelIds?: string[];
  /** The item's own status word (`todo`, `done`, `cancelled`…), for colour and the feed's STATUS. */
  status?: string | null;
  /** Holidays whose real day depends on the moon. */
  isEstimated?: boolean;
  /** Holidays: the countries observing it (empty: the whole workspace). */
  countries?: string[];
  /** The page that shows the item, as an app path (`/w/<workspace>/…`). */
  link: string;
  /** The entry can be moved (drag, "move to…"); absent when it cannot (published, done…). */
  move?: CalendarEntryMove;
  /**
   * A timed entry's start on the workspace's clock, as the server reads it: views date and label it
   * with this rather than the browser's own time-zone data, which may be older or newer.
   */
  wallClock?: { date: CalendarDate; time: string };
}

/**
 * How to move an entry: POST `{ date, time? }` (`CalendarMoveRequest`, the workspace's wall clock;
 * without `time` a timed entry keeps its time of day) to `path`, which answers the moved item or a
 * problem document (a date in the past is refused there). Only members whose role grants
 * `permission` are offered the move; the server checks it again.
 */
export interface CalendarEntryMove {
  /** API path, e.g. `/api/workspaces/<ws>/social/posts/<id>/reschedule`. */
  path: string;
  permission: Permission;
}

/** What a move sends: another day, and optionally another time (`HH:MM`), in the workspace's time zone. */
export const CalendarMoveRequestSchema = z.strictObject({ date: calendarDateSchema, time: localTimeSchema.optional() });
export type CalendarMoveRequest = z.infer<typeof CalendarMoveRequestSchema>;

const kindsList = z
  .string()
  .max(400)
  .transform((value) =>
    value
      .split(',')
      .map((kind) => kind.trim())
      .filter(Boolean),
  )
  .refine((kinds) => kinds.every((kind) => KIND_PATTERN.test(kind)), { message: 'INVALID_VALUE' });

export const CalendarQuerySchema = z
  .strictObject({
    from: calendarDateSchema,
    /** Included. */
    to: calendarDateSchema,
    campaignId: z.string().uuid().optional(),
    channelId: z.string().uuid().optional(),
    organisationId: z.string().uuid().optional(),
    /** Comma-separated kinds (`task,milestone`); absent: every kind. */
    kinds: kindsList.optional(),
    lang: z.string().optional(),
  })
  .superRefine((query, context) => {
    if (!isCalendarDate(query.from) || !isCalendarDate(query.to)) return;
    const days = daysBetween(query.from, query.to);
    if (days < 0) context.addIssue({ code: 'custom', path: ['to'], message: 'DATE_RANGE_REVERSED' });
    else if (days + 1 > CALENDAR_RANGE_DAYS_MAX) context.addIssue({ code: 'custom', path: ['to'], message: 'DATE_RANGE_TOO_LONG' });
  });
export type CalendarQuery = z.infer<typeof CalendarQuerySchema>;

/** What a source is asked to narrow by; sources ignore what does not apply to them. */
export interface CalendarFilters {
  campaignId?: string;
  channelId?: string;
  organisationId?: string;
  /** The feed: only the tasks assigned to this user (milestones and goal dates stay). */
  assigneeUserId?: string;
}

const LocalizedOut = z.record(z.string(), z.object({ value: z.string(), status: z.string() }));

export const CalendarEntrySchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: LocalizedOut,
  start: z.string(),
  end: z.string(),
  allDay: z.boolean(),
  campaignId: z.string().nullable().optional(),
  organisationId: z.string().nullable().optional(),
  channelIds: z.array(z.string()).optional(),
  status: z.string().nullable().optional(),
  isEstimated: z.boolean().optional(),
  countries: z.array(z.string()).optional(),
  link: z.string(),
  wallClock: z.object({ date: z.string(), time: z.string() }).optional(),
  move: z
    .object({ path: z.string().startsWith('/api/'), permission: z.enum(Object.keys(PERMISSIONS) as [Permission, ...Permission[]]) })
    .optional(),
});

export const CalendarSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** The workspace's IANA time zone: "today" and timed entries are read in it. */
  timeZone: z.string(),
  entries: z.array(CalendarEntrySchema),
});
export type Calendar = z.infer<typeof CalendarSchema>;

const NamedOption = z.object({ id: z.string(), name: LocalizedOut });

/** The choices of the calendar's filters, so the page does not depend on each module's list API. */
export const CalendarFilterOptionsSchema = z.object({
  campaigns: z.array(NamedOption.extend({ goalDate: z.string() })),
  channels: z.array(NamedOption),
  organisations: z.array(NamedOption),
});
export type CalendarFilterOptions = z.infer<typeof CalendarFilterOptionsSchema>;

export const CalendarFeedStatusSchema = z.object({
  isActive: z.boolean(),
  createdAt: z.string().nullable(),
});
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatusSchema>;

/** Only the answer to a create or rotate carries the URL: the server keeps nothing but its hash. */
export const CalendarFeedCreatedSchema = z.object({
  url: z.string(),
  createdAt: z.string(),
});
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreatedSchema>;

/** Orders entries by start day, then kind (milestones and goals before work), then id. */
export function compareCalendarEntries(a: CalendarEntry, b: CalendarEntry): number {
  const startA = a.start.slice(0, 10) as CalendarDate;
  const startB = b.start.slice(0, 10) as CalendarDate;
  if (startA !== startB) return startA < startB ? -1 : 1;
  const rank = (kind: string) => {
    const index = ['holiday', 'campaign-goal', 'milestone', 'task'].indexOf(kind);
    return index < 0 ? 4 : index;
  };
  return rank(a.kind) - rank(b.kind) || a.start.localeCompare(b.start) || a.id.localeCompare(b.id);
}
