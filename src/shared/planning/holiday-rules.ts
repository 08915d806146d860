/**
 * Public holidays of the consortium countries as rules, and the two calendars they need: Easter
 * (Gregorian computus) and the Hijri calendar. Hijri dates use the runtime's `islamic-umalqura`
 * tables: the real days depend on moon sighting announced a day or two before, so every Hijri
 * holiday is flagged as estimated and workspaces can correct it (see holidays.ts).
 */
import type { CONSORTIUM_COUNTRIES } from '../limits.js';
import { addDays, type CalendarDate, formatCalendarDate, fromDayNumber, toDayNumber, utcMidnightOf } from './calendar-date.js';

export type HolidayCountry = (typeof CONSORTIUM_COUNTRIES)[number];

export type HolidayRule =
  /** Same Gregorian day every year, optionally only between two years (laws change). */
  | { kind: 'fixed'; key: string; month: number; day: number; fromYear?: number; untilYear?: number }
  /** Days after (or before) Easter Sunday. */
  | { kind: 'easter'; key: string; offsetDays: number }
  /** A day of the Hijri calendar (month 1 = Muharram … 12 = Dhu al-Hijjah). */
  | { kind: 'hijri'; key: string; month: number; day: number };

const fixed = (key: string, month: number, day: number, years: { fromYear?: number; untilYear?: number } = {}): HolidayRule => ({
  kind: 'fixed',
  key,
  month,
  day,
  ...years,
});
const hijri = (key: string, month: number, day: number): HolidayRule => ({ kind: 'hijri', key, month, day });

const EID_AL_FITR = [hijri('eidAlFitr', 10, 1), hijri('eidAlFitrSecondDay', 10, 2)];
const EID_AL_ADHA = [hijri('eidAlAdha', 12, 10), hijri('eidAlAdhaSecondDay', 12, 11)];

/** Days off by law for employees. Regional days (Alsace-Moselle) and optional ones are left to workspaces. */
export const HOLIDAY_RULES: Record<HolidayCountry, readonly HolidayRule[]> = {
  FR: [
    fixed('newYear', 1, 1),
    { kind: 'easter', key: 'easterMonday', offsetDays: 1 },
    fixed('labourDay', 5, 1),
    fixed('victoryInEurope', 5, 8),
    { kind: 'easter', key: 'ascension', offsetDays: 39 },
    { kind: 'easter', key: 'whitMonday', offsetDays: 50 },
    fixed('bastilleDay', 7, 14),
    fixed('assumption', 8, 15),
    fixed('allSaints', 11, 1),
    fixed('armistice', 11, 11),
    fixed('christmas', 12, 25),
  ],
  MA: [
    fixed('newYear', 1, 1),
    fixed('independenceManifesto', 1, 11),
    // Royal decision of May 2023, first observed on 14 January 2024.
    fixed('amazighNewYear', 1, 14, { fromYear: 2024 }),
    fixed('labourDay', 5, 1),
    fixed('throneDay', 7, 30),
    fixed('ouedEddahabDay', 8, 14),
    fixed('revolutionOfKingAndPeople', 8, 20),
    fixed('youthDay', 8, 21),
    // Aïd Al Wahda: decided in November 2025, decrees of 2026.
    fixed('unityDay', 10, 31, { fromYear: 2026 }),
    fixed('greenMarch', 11, 6),
    fixed('moroccoIndependenceDay', 11, 18),
    hijri('islamicNewYear', 1, 1),
    hijri('mawlid', 3, 12),
    hijri('mawlidSecondDay', 3, 13),
    ...EID_AL_FITR,
    ...EID_AL_ADHA,
  ],
  TN: [
    fixed('newYear', 1, 1),
    // Presidential decree 2021-223 moved the Revolution Day from 14 January to 17 December.
    fixed('revolutionAndYouthDay', 1, 14, { untilYear: 2021 }),
    fixed('tunisiaIndependenceDay', 3, 20),
    fixed('martyrsDay', 4, 9),
    fixed('labourDay', 5, 1),
    fixed('republicDay', 7, 25),
    fixed('womensDay', 8, 13),
    fixed('evacuationDay', 10, 15),
    fixed('tunisiaRevolutionDay', 12, 17, { fromYear: 2021 }),
    hijri('islamicNewYear', 1, 1),
    hijri('mawlid', 3, 12),
    ...EID_AL_FITR,
    ...EID_AL_ADHA,
  ],
  DZ: [
    fixed('newYear', 1, 1),
    // Yennayer is a paid holiday since 2018.
    fixed('yennayer', 1, 12, { fromYear: 2018 }),
    fixed('labourDay', 5, 1),
    fixed('algeriaIndependenceDay', 7, 5),
    fixed('algeriaRevolutionDay', 11, 1),
    hijri('islamicNewYear', 1, 1),
    hijri('ashura', 1, 10),
    hijri('mawlid', 3, 12),
    ...EID_AL_FITR,
    ...EID_AL_ADHA,
  ],
};

/** Every built-in holiday key, for the catalog test and the UI legend. */
export const HOLIDAY_KEYS: readonly string[] = [...new Set(Object.values(HOLIDAY_RULES).flatMap((rules) => rules.map((rule) => rule.key)))];

/** Weekend days (ISO weekdays): Friday and Saturday in Algeria since 2009, Saturday and Sunday elsewhere. */
export function weekendDaysOf(country: string): readonly number[] {
  return country === 'DZ' ? [5, 6] : [6, 7];
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatCalendarDate(year, month, day);
}

const hijriFormat = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});
const hijriYears = new Map<number, Map<string, CalendarDate[]>>();

/** The Hijri date of a Gregorian date as `month-day` (e.g. `10-1` for 1 Shawwal). */
export function hijriMonthDayOf(date: CalendarDate): string {
  const parts = hijriFormat.formatToParts(utcMidnightOf(date));
  const month = Number(parts.find((part) => part.type === 'month')?.value);
  const day = Number(parts.find((part) => part.type === 'day')?.value);
  return `${month}-${day}`;
}

/**
 * Gregorian dates of `year` on which a Hijri month-day falls: usually one, sometimes two (the Hijri
 * year is 11 days shorter), rarely none. The year is indexed once and cached, which is cheaper than
 * converting back from Hijri, which Intl cannot do.
 */
export function datesOfHijriDay(year: number, month: number, day: number): CalendarDate[] {
  // A runtime built without full ICU silently formats in Gregorian; no estimate beats a wrong one.
  if (hijriFormat.resolvedOptions().calendar !== 'islamic-umalqura') return [];
  let index = hijriYears.get(year);
  if (!index) {
    index = new Map();
    const first = toDayNumber(formatCalendarDate(year, 1, 1));
    const last = toDayNumber(formatCalendarDate(year, 12, 31));
    for (let dayNumber = first; dayNumber <= last; dayNumber++) {
      const date = fromDayNumber(dayNumber);
      const key = hijriMonthDayOf(date);
      index.set(key, [...(index.get(key) ?? []), date]);
    }
    hijriYears.set(year, index);
  }
  return index.get(`${month}-${day}`) ?? [];
}

/** Dates of one rule in one Gregorian year, and whether they are estimates. */
export function datesOfRule(rule: HolidayRule, year: number): { dates: CalendarDate[]; isEstimated: boolean } {
  switch (rule.kind) {
    case 'fixed': {
      const inForce = (rule.fromYear === undefined || year >= rule.fromYear) && (rule.untilYear === undefined || year <= rule.untilYear);
      return { dates: inForce ? [formatCalendarDate(year, rule.month, rule.day)] : [], isEstimated: false };
    }
    case 'easter':
      return { dates: [addDays(easterSunday(year), rule.offsetDays)], isEstimated: false };
    case 'hijri':
      return { dates: datesOfHijriDay(year, rule.month, rule.day), isEstimated: true };
  }
}
