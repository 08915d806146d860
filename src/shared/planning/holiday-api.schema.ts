/** Holiday API schemas: the workspace's holidays in a date range, and its own additions and removals. */
import { z } from 'zod';
import { CONSORTIUM_COUNTRIES, LIMITS } from '../limits.js';
import { localizedTextSchema } from '../localized-text.js';
import { calendarDateSchema } from './calendar-date.js';

export const HolidayRangeQuerySchema = z.strictObject({ from: calendarDateSchema, to: calendarDateSchema, lang: z.string().optional() });

export const HolidayChangeCreateSchema = z.strictObject({
  kind: z.enum(['added', 'removed']),
  date: calendarDateSchema,
  name: localizedTextSchema({ maxLength: LIMITS.nameLength }).optional(),
  countries: z.array(z.enum(CONSORTIUM_COUNTRIES)).max(CONSORTIUM_COUNTRIES.length).optional(),
  holidayKey: z.string().max(LIMITS.planningKeyLength).optional(),
});
export type HolidayChangeCreate = z.infer<typeof HolidayChangeCreateSchema>;

const LocalizedOut = z.record(z.string(), z.object({ value: z.string(), status: z.string() }));
export const HolidayListSchema = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      date: z.string(),
      countries: z.array(z.string()),
      isEstimated: z.boolean(),
      source: z.enum(['builtin', 'workspace']),
      nameKey: z.string().optional(),
      name: LocalizedOut.optional(),
    }),
  ),
});
export const HolidayChangeSchema = z.object({
  id: z.string(),
  kind: z.enum(['added', 'removed']),
  date: z.string(),
  name: LocalizedOut,
  countries: z.array(z.string()),
  holidayKey: z.string().nullable(),
});
export const HolidayChangeListSchema = z.object({ items: z.array(HolidayChangeSchema) });
