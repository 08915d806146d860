import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDateAt,
  calendarDateSchema,
  compareDates,
  datesBetween,
  daysBetween,
  fromDayNumber,
  isCalendarDate,
  isLeapYear,
  subtractDays,
  timeZoneOffsetMs,
  toDayNumber,
  weekdayOf,
  zonedDateTimeToInstant,
} from './calendar-date.js';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2100-02-29')).toBe(false);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(isCalendarDate('2026-01-01T00:00:00Z')).toBe(false);
    expect(calendarDateSchema.safeParse('2026-02-30').error?.issues[0]?.message).toBe('INVALID_FORMAT');
    expect(calendarDateSchema.parse('2026-02-28')).toBe('2026-02-28');
  });

  it('knows leap years, 2100 included', () => {
    expect([2024, 2028, 2000, 2400].map(isLeapYear)).toEqual([true, true, true, true]);
    expect([2026, 2100, 1900].map(isLeapYear)).toEqual([false, false, false]);
  });

  it('round-trips day numbers', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11_017);
    for (const date of ['0001-01-01', '1900-02-28', '2028-02-29', '2100-03-01', '9999-12-31']) {
      expect(fromDayNumber(toDayNumber(date))).toBe(date);
    }
  });

  it('adds and subtracts across month and year ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(subtractDays('2026-03-01', 1)).toBe('2026-02-28');
    expect(subtractDays('2026-05-15', 45)).toBe('2026-03-31');
    expect(addDays('2026-11-20', 45)).toBe('2027-01-04');
    expect(addDays('2026-06-01', 0)).toBe('2026-06-01');
    expect(() => addDays('2026-06-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('adds across leap days: 2028-02-29 exists, 2100-02-29 does not', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(subtractDays('2028-03-15', 45)).toBe('2028-01-30');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(daysBetween('2100-02-01', '2100-03-01')).toBe(28);
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(addDays('2028-02-29', 365)).toBe('2029-02-28');
  });

  it('is not shifted by DST changes, whatever the process time zone', () => {
    // Tests run in UTC; a server in Paris must get the same answers around its DST Sundays.
    const previous = process.env.TZ;
    process.env.TZ = 'Europe/Paris';
    try {
      expect(new Date(2026, 2, 29, 12).getTimezoneOffset()).toBe(-120);
      expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
      expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
      expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
      expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
      expect(weekdayOf('2026-03-29')).toBe(7);
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  it('counts differences with a sign', () => {
    expect(daysBetween('2026-05-15', '2026-03-31')).toBe(-45);
    expect(daysBetween('2026-03-31', '2026-05-15')).toBe(45);
  });

  it('gives ISO weekdays', () => {
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('2026-03-30')).toBe(1);
    expect(weekdayOf('2026-04-04')).toBe(6);
    expect(weekdayOf('2026-04-05')).toBe(7);
    expect(weekdayOf('2028-02-29')).toBe(2);
    expect(weekdayOf('1969-12-28')).toBe(7);
  });

  it('compares and lists dates', () => {
    expect(['2026-03-01', '2025-12-31', '2026-02-28'].sort(compareDates)).toEqual(['2025-12-31', '2026-02-28', '2026-03-01']);
    expect(compareDates('2026-03-01', '2026-03-01')).toBe(0);
    expect(datesBetween('2028-02-27', '2028-03-01')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    expect(datesBetween('2028-03-01', '2028-02-27')).toEqual([]);
  });
});

describe('local times in IANA time zones', () => {
  it('converts an ordinary Paris time (winter +01, summer +02)', () => {
    expect(zonedDateTimeToInstant('2026-01-15', '09:00', 'Europe/Paris').toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(zonedDateTimeToInstant('2026-07-15', '09:00', 'Europe/Paris').toISOString()).toBe('2026-07-15T07:00:00.000Z');
  });

  it('handles the Paris spring-forward day (02:00 → 03:00 on 2026-03-29)', () => {
    expect(zonedDateTimeToInstant('2026-03-29', '01:30', 'Europe/Paris').toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(zonedDateTimeToInstant('2026-03-29', '09:00', 'Europe/Paris').toISOString()).toBe('2026-03-29T07:00:00.000Z');
    // 02:30 does not exist that day; like calendar clients, take it an hour later (03:30 CEST).
    expect(zonedDateTimeToInstant('2026-03-29', '02:30', 'Europe/Paris').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('handles the Paris fall-back day (03:00 → 02:00 on 2026-10-25)', () => {
    // 02:30 happens twice; the first one (still CEST) is the one a reminder should use.
    expect(zonedDateTimeToInstant('2026-10-25', '02:30', 'Europe/Paris').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedDateTimeToInstant('2026-10-25', '09:00', 'Europe/Paris').toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });

  it('follows Morocco’s Ramadan change of 2026 (+01 → +00 on 15 February, back on 22 March)', () => {
    expect(zonedDateTimeToInstant('2026-02-14', '09:00', 'Africa/Casablanca').toISOString()).toBe('2026-02-14T08:00:00.000Z');
    expect(zonedDateTimeToInstant('2026-02-15', '09:00', 'Africa/Casablanca').toISOString()).toBe('2026-02-15T09:00:00.000Z');
    // 03:00 → 02:00: 02:30 happens twice, first at +01.
    expect(zonedDateTimeToInstant('2026-02-15', '02:30', 'Africa/Casablanca').toISOString()).toBe('2026-02-15T01:30:00.000Z');
    expect(zonedDateTimeToInstant('2026-03-21', '09:00', 'Africa/Casablanca').toISOString()).toBe('2026-03-21T09:00:00.000Z');
    // 02:00 → 03:00: 02:30 does not exist and becomes 03:30 (+01).
    expect(zonedDateTimeToInstant('2026-03-22', '02:30', 'Africa/Casablanca').toISOString()).toBe('2026-03-22T02:30:00.000Z');
    expect(zonedDateTimeToInstant('2026-03-22', '09:00', 'Africa/Casablanca').toISOString()).toBe('2026-03-22T08:00:00.000Z');
  });

  it('handles zones without DST (Tunis, Algiers: +01 all year)', () => {
    expect(zonedDateTimeToInstant('2026-07-15', '09:00', 'Africa/Tunis').toISOString()).toBe('2026-07-15T08:00:00.000Z');
    expect(zonedDateTimeToInstant('2026-03-29', '02:30', 'Africa/Algiers').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('reports offsets and the local date of an instant', () => {
    expect(timeZoneOffsetMs(Date.UTC(2026, 6, 1), 'Europe/Paris')).toBe(7_200_000);
    expect(timeZoneOffsetMs(Date.UTC(2026, 2, 1), 'Africa/Casablanca')).toBe(0);
    // 23:30 UTC on 31 December is already New Year in Paris, still 31 December in UTC.
    const instant = new Date('2026-12-31T23:30:00Z');
    expect(calendarDateAt(instant, 'Europe/Paris')).toBe('2027-01-01');
    expect(calendarDateAt(instant, 'UTC')).toBe('2026-12-31');
  });

  it('rejects malformed times', () => {
    expect(() => zonedDateTimeToInstant('2026-03-29', '24:00', 'Europe/Paris')).toThrow(RangeError);
    expect(() => zonedDateTimeToInstant('2026-03-29', '9:00', 'Europe/Paris')).toThrow(RangeError);
  });
});
