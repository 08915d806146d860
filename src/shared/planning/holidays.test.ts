import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localized } from '../localized-text.js';
import { datesOfHijriDay } from './holiday-rules.js';
import {
  easterSunday,
  HOLIDAY_KEYS,
  HolidayExtrasSchema,
  holidaysBetween,
  isNonWorkingDay,
  nonWorkingReasons,
  weekendDaysOf,
} from './holidays.js';

const datesOf = (country: string, year: number) =>
  holidaysBetween([country], `${year}-01-01`, `${year}-12-31`).map((holiday) => `${holiday.date} ${holiday.key}`);

describe('Easter and the French movable holidays', () => {
  it('computes Easter Sunday', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    // Latest and earliest possible dates.
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2285)).toBe('2285-03-22');
  });

  it('lists the eleven French holidays of 2027, Easter Monday on 29 March', () => {
    expect(datesOf('FR', 2027)).toEqual([
      '2027-01-01 newYear',
      '2027-03-29 easterMonday',
      '2027-05-01 labourDay',
      '2027-05-06 ascension',
      '2027-05-08 victoryInEurope',
      '2027-05-17 whitMonday',
      '2027-07-14 bastilleDay',
      '2027-08-15 assumption',
      '2027-11-01 allSaints',
      '2027-11-11 armistice',
      '2027-12-25 christmas',
    ]);
    expect(holidaysBetween(['FR'], '2027-01-01', '2027-12-31').every((holiday) => !holiday.isEstimated)).toBe(true);
  });
});

describe('Maghreb holidays', () => {
  it('has the fixed Moroccan holidays, the Amazigh new year from 2024 and Unity Day from 2026', () => {
    const fixed2026 = holidaysBetween(['MA'], '2026-01-01', '2026-12-31').filter((holiday) => !holiday.isEstimated);
    expect(fixed2026.map((holiday) => holiday.date.slice(5))).toEqual([
      '01-01',
      '01-11',
      '01-14',
      '05-01',
      '07-30',
      '08-14',
      '08-20',
      '08-21',
      '10-31',
      '11-06',
      '11-18',
    ]);
    expect(datesOf('MA', 2023)).not.toContain('2023-01-14 amazighNewYear');
    expect(datesOf('MA', 2024)).toContain('2024-01-14 amazighNewYear');
    expect(datesOf('MA', 2025)).not.toContain('2025-10-31 unityDay');
  });

  it('follows the Tunisian change of Revolution Day (14 January until 2021, 17 December since)', () => {
    expect(datesOf('TN', 2020)).toContain('2020-01-14 revolutionAndYouthDay');
    expect(datesOf('TN', 2020)).not.toContain('2020-12-17 tunisiaRevolutionDay');
    const fixed2026 = holidaysBetween(['TN'], '2026-01-01', '2026-12-31').filter((holiday) => !holiday.isEstimated);
    expect(fixed2026.map((holiday) => holiday.date.slice(5))).toEqual([
      '01-01',
      '03-20',
      '04-09',
      '05-01',
      '07-25',
      '08-13',
      '10-15',
      '12-17',
    ]);
  });

  it('has the fixed Algerian holidays, Yennayer included', () => {
    const fixed2026 = holidaysBetween(['DZ'], '2026-01-01', '2026-12-31').filter((holiday) => !holiday.isEstimated);
    expect(fixed2026.map((holiday) => `${holiday.date} ${holiday.key}`)).toEqual([
      '2026-01-01 newYear',
      '2026-01-12 yennayer',
      '2026-05-01 labourDay',
      '2026-07-05 algeriaIndependenceDay',
      '2026-11-01 algeriaRevolutionDay',
    ]);
  });

  it('estimates the Hijri holidays from the Umm al-Qura calendar, flagged as estimates', () => {
    const eids = holidaysBetween(['MA', 'TN', 'DZ'], '2026-01-01', '2026-12-31').filter((holiday) => holiday.key.startsWith('eid'));
    expect(eids.map((holiday) => `${holiday.date} ${holiday.key}`)).toEqual([
      '2026-03-20 eidAlFitr',
      '2026-03-21 eidAlFitrSecondDay',
      '2026-05-27 eidAlAdha',
      '2026-05-28 eidAlAdhaSecondDay',
    ]);
    expect(eids.every((holiday) => holiday.isEstimated && holiday.countries.join() === 'MA,TN,DZ')).toBe(true);
    // 1 Shawwal 1446 was 30 March 2025 in Umm al-Qura, the day Eid al-Fitr was observed.
    expect(datesOf('DZ', 2025)).toContain('2025-03-30 eidAlFitr');
  });

  it('observes Hijri holidays per country: two days of Mawlid in Morocco, Ashura in Algeria only, none in France', () => {
    const mawlid = holidaysBetween(['FR', 'MA', 'TN', 'DZ'], '2026-08-24', '2026-08-27');
    expect(mawlid.map((holiday) => `${holiday.date} ${holiday.key} ${holiday.countries.join('+')}`)).toEqual([
      '2026-08-25 mawlid MA+TN+DZ',
      '2026-08-26 mawlidSecondDay MA',
    ]);
    expect(datesOf('DZ', 2026)).toContain('2026-06-25 ashura');
    expect(datesOf('MA', 2026).some((entry) => entry.endsWith('ashura'))).toBe(false);
  });

  it('finds a Hijri day twice in a Gregorian year when it happens (1 Muharram in 2008)', () => {
    expect(datesOfHijriDay(2008, 1, 1)).toEqual(['2008-01-10', '2008-12-29']);
    expect(datesOf('TN', 2008).filter((entry) => entry.endsWith('islamicNewYear'))).toHaveLength(2);
  });
});

describe('weekends and non-working days', () => {
  it('uses Friday–Saturday in Algeria, Saturday–Sunday elsewhere', () => {
    expect(weekendDaysOf('DZ')).toEqual([5, 6]);
    expect(weekendDaysOf('FR')).toEqual([6, 7]);
    // 2026-06-12 is a Friday, 2026-06-14 a Sunday.
    expect(isNonWorkingDay('2026-06-12', ['DZ'])).toBe(true);
    expect(isNonWorkingDay('2026-06-12', ['FR', 'MA', 'TN'])).toBe(false);
    expect(isNonWorkingDay('2026-06-14', ['DZ'])).toBe(false);
    expect(isNonWorkingDay('2026-06-14', ['TN'])).toBe(true);
    expect(isNonWorkingDay('2026-06-11', ['FR', 'MA', 'TN', 'DZ'])).toBe(false);
  });

  it('counts a day off in any partner country', () => {
    // Thursday 14 May 2026 is Ascension in France only.
    expect(isNonWorkingDay('2026-05-14', ['MA', 'TN'])).toBe(false);
    expect(nonWorkingReasons('2026-05-14', ['MA', 'FR'])).toMatchObject({
      weekendIn: [],
      holidays: [{ key: 'ascension', countries: ['FR'] }],
    });
  });

  it('lets the workspace add dates and remove estimated ones', () => {
    const extras = HolidayExtrasSchema.parse({
      added: [
        { date: '2026-03-21', name: localized({ fr: 'Aïd el-Fitr (annoncé)' }), countries: ['MA'] },
        { date: '2026-09-15', name: localized({ fr: 'Assemblée générale du consortium' }) },
      ],
      removed: [{ date: '2026-03-20', key: 'eidAlFitr', country: 'MA' }],
    });
    const march = holidaysBetween(['MA', 'TN'], '2026-03-20', '2026-03-21', extras);
    expect(march.map((holiday) => `${holiday.date} ${holiday.key} ${holiday.source} ${holiday.countries.join('+')}`)).toEqual([
      '2026-03-20 eidAlFitr builtin TN',
      '2026-03-20 tunisiaIndependenceDay builtin TN',
      '2026-03-21 eidAlFitrSecondDay builtin MA+TN',
      '2026-03-21 workspace-2026-03-21 workspace MA',
    ]);
    expect(isNonWorkingDay('2026-03-20', ['MA'], extras)).toBe(false);
    expect(isNonWorkingDay('2026-09-15', ['FR'], extras)).toBe(true);
    expect(isNonWorkingDay('2026-09-15', ['FR'])).toBe(false);
    // A date added for Morocco only does not stop work in France.
    expect(holidaysBetween(['FR'], '2026-03-21', '2026-03-21', extras)).toEqual([]);
  });

  it('removes every holiday on a date when no key or country is given', () => {
    expect(holidaysBetween(['FR', 'MA'], '2026-05-01', '2026-05-01', { removed: [{ date: '2026-05-01' }] })).toEqual([]);
  });

  it('rejects malformed extras', () => {
    const result = HolidayExtrasSchema.safeParse({ added: [{ date: '2026-02-30', name: localized({ fr: 'x' }) }], removed: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['added', 0, 'date']);
  });
});

describe('holiday names', () => {
  it('has a name for every built-in holiday in every interface language', () => {
    for (const locale of ['fr', 'ar', 'en']) {
      const catalog = JSON.parse(readFileSync(new URL(`../i18n/${locale}/planning.json`, import.meta.url), 'utf8')) as Record<
        string,
        string
      >;
      for (const key of HOLIDAY_KEYS) expect(catalog[`holiday.${key}`], `${locale} holiday.${key}`).toBeTruthy();
    }
  });

  it('points each holiday at its catalog key', () => {
    expect(holidaysBetween(['FR'], '2027-03-29', '2027-03-29')[0]?.nameKey).toBe('planning.holiday.easterMonday');
  });
});
