/**
 * Calendar dates (`YYYY-MM-DD`) without a time or a zone: the unit of retro-planning. Arithmetic is
 * done on day numbers (days since 1970-01-01) with integer civil-calendar formulas, so no local time,
 * DST change or `Date` parsing quirk can shift a due date by a day.
 */
import { z } from 'zod';

/** An ISO 8601 calendar date, e.g. `2028-02-29`. Plain string so database `date` columns map as is. */
export type CalendarDate = string;

/** ISO 8601 weekday: 1 = Monday … 7 = Sunday (the order iCalendar's BYDAY also uses). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether `value` is a real date in `YYYY-MM-DD` form (so `2100-02-29` is not). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Request and template validation; `INVALID_FORMAT` is already translated under `fieldErrors`. */
export const calendarDateSchema = z.string().refine(isCalendarDate, { message: 'INVALID_FORMAT' });

export const localTimeSchema = z.string().regex(TIME_PATTERN, { message: 'INVALID_FORMAT' });

function partsOf(date: CalendarDate): { year: number; month: number; day: number } {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${String(date)}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil), valid for every proleptic Gregorian year. */
export function toDayNumber(date: CalendarDate): number {
  const { year, month, day } = partsOf(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Inverse of `toDayNumber` (civil_from_days). */
export function fromDayNumber(dayNumber: number): CalendarDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`Not a whole day number: ${dayNumber}`);
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatCalendarDate(year, month, day);
}

export function formatCalendarDate(year: number, month: number, day: number): CalendarDate {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return date;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

export function subtractDays(date: CalendarDate, days: number): CalendarDate {
  return addDays(date, -days);
}

/** `to - from` in days: positive when `to` is later. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function weekdayOf(date: CalendarDate): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return (((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/** Negative, zero or positive, for `Array.prototype.sort`. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return Math.sign(toDayNumber(a) - toDayNumber(b));
}

export function isBefore(a: CalendarDate, b: CalendarDate): boolean {
  return compareDates(a, b) < 0;
}

export function isAfter(a: CalendarDate, b: CalendarDate): boolean {
  return compareDates(a, b) > 0;
}

export function laterOf(a: CalendarDate, b: CalendarDate): CalendarDate {
  return isAfter(b, a) ? b : a;
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function datesBetween(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const first = toDayNumber(from);
  const last = toDayNumber(to);
  const out: CalendarDate[] = [];
  for (let day = first; day <= last; day++) out.push(fromDayNumber(day));
  return out;
}

/** The `Date.UTC` midnight of a calendar date; safe for years below 100, which `Date.UTC` remaps. */
export function utcMidnightOf(date: CalendarDate): Date {
  return new Date(toDayNumber(date) * DAY_MS);
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock fields of `instant` in `timeZone`, from the runtime's IANA data. */
function wallClockOf(instant: number, timeZone: string): { date: CalendarDate; minutes: number; wallMs: number } {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClockFormats.set(timeZone, format);
  }
  const fields: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) if (part.type !== 'literal') fields[part.type] = Number(part.value);
  const date = formatCalendarDate(fields.year ?? 0, fields.month ?? 0, fields.day ?? 0);
  const minutes = (fields.hour ?? 0) * 60 + (fields.minute ?? 0);
  const wallMs = toDayNumber(date) * DAY_MS + minutes * 60_000 + (fields.second ?? 0) * 1000;
  return { date, minutes, wallMs };
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (e.g. +3 600 000 for Paris in winter). */
export function timeZoneOffsetMs(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallClockOf(whole, timeZone).wallMs - whole;
}

/**
 * The instant at which the wall clock in `timeZone` reads `date` `time` (`HH:MM`). Follows
 * Temporal's `compatible` rule, as calendar clients do: a time repeated when clocks go back is taken
 * at its first occurrence, and a time skipped when clocks go forward is moved forward by the gap.
 */
export function zonedDateTimeToInstant(date: CalendarDate, time: string, timeZone: string): Date {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`Not a HH:MM time: ${time}`);
  const wallMs = toDayNumber(date) * DAY_MS + (Number(match[1]) * 60 + Number(match[2])) * 60_000;
  // The offsets in force a day either side bracket any single transition on this date.
  const offsetBefore = timeZoneOffsetMs(wallMs - DAY_MS, timeZone);
  const offsetAfter = timeZoneOffsetMs(wallMs + DAY_MS, timeZone);
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => wallMs - offset)
    .filter((instant) => wallMs - instant === timeZoneOffsetMs(instant, timeZone))
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? wallMs - offsetBefore);
}

/** The calendar date that the wall clock shows in `timeZone` at `instant` (e.g. "today" for a workspace). */
export function calendarDateAt(instant: Date, timeZone: string): CalendarDate {
  return wallClockOf(instant.getTime(), timeZone).date;
}
