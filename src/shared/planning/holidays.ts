/**
 * Holidays and non-working days for a set of countries: built-in rules (holiday-rules.ts) corrected by
 * the workspace, which adds dates (a local holiday, the announced day of Eid) and removes others
 * (an estimated Eid that the moon moved). A consortium plans across countries, so a day counts as
 * non-working when it is a weekend or a holiday in any of the countries given.
 */
import { z } from 'zod';
import { CONSORTIUM_COUNTRIES, LIMITS } from '../limits.js';
import { type LocalizedText, localizedTextSchema } from '../localized-text.js';
import { type CalendarDate, calendarDateSchema, compareDates, isAfter, isBefore, weekdayOf } from './calendar-date.js';
import { datesOfRule, HOLIDAY_RULES, type HolidayCountry, weekendDaysOf } from './holiday-rules.js';

export { easterSunday, HOLIDAY_KEYS, type HolidayCountry, weekendDaysOf } from './holiday-rules.js';

export interface Holiday {
  /** Built-in: the rule key (`easterMonday`), shared by countries that observe the same day. Added: `workspace-<date>`. */
  key: string;
  date: CalendarDate;
  /** Countries observing it; empty for a workspace date that applies to every country. */
  countries: string[];
  /** Hijri holidays: computed from the Umm al-Qura tables, the real day depends on moon sighting. */
  isEstimated: boolean;
  source: 'builtin' | 'workspace';
  /** Built-in: the catalog key of its name (`planning.holiday.easterMonday`). */
  nameKey?: string;
  /** Workspace: the name the officer typed. */
  name?: LocalizedText;
}

const countryCode = z.enum(CONSORTIUM_COUNTRIES);

export const AddedHolidaySchema = z.strictObject({
  date: calendarDateSchema,
  name: localizedTextSchema({ required: true, maxLength: LIMITS.nameLength }),
  /** Absent or empty: a day off for the whole workspace (e.g. the consortium's general assembly). */
  countries: z.array(countryCode).max(CONSORTIUM_COUNTRIES.length).optional(),
});
export type AddedHoliday = z.infer<typeof AddedHolidaySchema>;

export const RemovedHolidaySchema = z.strictObject({
  date: calendarDateSchema,
  /** Absent: every built-in holiday on that date. */
  key: z.string().max(LIMITS.planningKeyLength).optional(),
  /** Absent: in every country. */
  country: countryCode.optional(),
});
export type RemovedHoliday = z.infer<typeof RemovedHolidaySchema>;

export const HolidayExtrasSchema = z.strictObject({
  added: z.array(AddedHolidaySchema).max(500).default([]),
  removed: z.array(RemovedHolidaySchema).max(500).default([]),
});
export type HolidayExtras = { added?: readonly AddedHoliday[]; removed?: readonly RemovedHoliday[] };

function isConsortiumCountry(country: string): country is HolidayCountry {
  return (CONSORTIUM_COUNTRIES as readonly string[]).includes(country);
}

function builtinHolidays(countries: readonly string[], from: CalendarDate, to: CalendarDate): Holiday[] {
  const byKeyAndDate = new Map<string, Holiday>();
  const [firstYear, lastYear] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))];
  for (const country of countries.filter(isConsortiumCountry)) {
    for (const rule of HOLIDAY_RULES[country]) {
      for (let year = firstYear; year <= lastYear; year++) {
        const { dates, isEstimated } = datesOfRule(rule, year);
        for (const date of dates) {
          if (isBefore(date, from) || isAfter(date, to)) continue;
          const id = `${rule.key}|${date}`;
          const existing = byKeyAndDate.get(id);
          if (existing) {
            if (!existing.countries.includes(country)) existing.countries.push(country);
            continue;
          }
          byKeyAndDate.set(id, {
            key: rule.key,
            date,
            countries: [country],
            isEstimated,
            source: 'builtin',
            nameKey: `planning.holiday.${rule.key}`,
          });
        }
      }
    }
  }
  return [...byKeyAndDate.values()];
}

function applyRemovals(holidays: Holiday[], removed: readonly RemovedHoliday[]): Holiday[] {
  const out: Holiday[] = [];
  for (const holiday of holidays) {
    let countries = holiday.countries;
    for (const removal of removed) {
      if (removal.date !== holiday.date || (removal.key !== undefined && removal.key !== holiday.key)) continue;
      countries = removal.country === undefined ? [] : countries.filter((country) => country !== removal.country);
    }
    if (countries.length > 0) out.push({ ...holiday, countries });
  }
  return out;
}

function addedHolidays(countries: readonly string[], from: CalendarDate, to: CalendarDate, added: readonly AddedHoliday[]): Holiday[] {
  const out: Holiday[] = [];
  for (const holiday of added) {
    if (isBefore(holiday.date, from) || isAfter(holiday.date, to)) continue;
    const observing = holiday.countries?.length ? holiday.countries.filter((country) => countries.includes(country)) : [];
    if (holiday.countries?.length && observing.length === 0) continue;
    out.push({
      key: `workspace-${holiday.date}`,
      date: holiday.date,
      countries: observing,
      isEstimated: false,
      source: 'workspace',
      name: holiday.name,
    });
  }
  return out;
}

/** Holidays from `from` to `to` (both included) in any of `countries`, sorted by date then key. */
export function holidaysBetween(countries: readonly string[], from: CalendarDate, to: CalendarDate, extras: HolidayExtras = {}): Holiday[] {
  if (isAfter(from, to)) return [];
  const builtin = applyRemovals(builtinHolidays(countries, from, to), extras.removed ?? []);
  return [...builtin, ...addedHolidays(countries, from, to, extras.added ?? [])].sort(
    (a, b) => compareDates(a.date, b.date) || a.key.localeCompare(b.key),
  );
}

/** Why a date is off: the countries whose weekend it is, and its holidays. Both empty on a working day. */
export function nonWorkingReasons(
  date: CalendarDate,
  countries: readonly string[],
  extras: HolidayExtras = {},
): { weekendIn: string[]; holidays: Holiday[] } {
  const weekday = weekdayOf(date);
  return {
    weekendIn: countries.filter((country) => weekendDaysOf(country).includes(weekday)),
    holidays: holidaysBetween(countries, date, date, extras),
  };
}

export function isNonWorkingDay(date: CalendarDate, countries: readonly string[], extras: HolidayExtras = {}): boolean {
  const reasons = nonWorkingReasons(date, countries, extras);
  return reasons.weekendIn.length > 0 || reasons.holidays.length > 0;
}
