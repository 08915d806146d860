import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from '../../../../shared/planning/calendar.schema.js';
import { agendaDays, entriesByDay, monthGridDays, rangeOf, shiftDate, startOfWeek, weekDays } from './calendar-grid.js';

const entry = (id: string, start: string, end = start): CalendarEntry => ({
  id,
  kind: 'task',
  title: { fr: { value: id, status: 'draft' } },
  start,
  end,
  allDay: true,
  link: `/w/1/tasks/${id}`,
});

describe('month grid', () => {
  it('starts on the Monday before the 1st and ends on the Sunday after the last day', () => {
    // February 2026 starts on a Sunday: the grid opens on Monday 26 January.
    const weeks = monthGridDays('2026-02-14');
    expect(weeks.length).toBe(5);
    expect(weeks[0]?.[0]).toBe('2026-01-26');
    expect(weeks[0]?.[6]).toBe('2026-02-01');
    expect(weeks.at(-1)?.[6]).toBe('2026-03-01');
    expect(weeks.every((week) => week.length === 7)).toBe(true);
  });

  it('takes six rows when the month needs them, and four for a February starting on Monday', () => {
    expect(monthGridDays('2026-03-01').length).toBe(6);
    expect(monthGridDays('2027-02-10').length).toBe(4);
    expect(monthGridDays('2028-02-29').flat()).toContain('2028-02-29');
  });

  it('gives week ranges Monday to Sunday across a year end', () => {
    expect(startOfWeek('2027-01-01')).toBe('2026-12-28');
    expect(weekDays('2027-01-03').at(-1)).toBe('2027-01-03');
    expect(rangeOf('week', '2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(rangeOf('agenda', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(rangeOf('month', '2026-02-14')).toEqual({ from: '2026-01-26', to: '2026-03-01' });
  });

  it('moves by a month keeping the day where it exists, and by a week', () => {
    expect(shiftDate('month', '2028-01-31', 1)).toBe('2028-02-29');
    expect(shiftDate('month', '2026-01-15', -1)).toBe('2025-12-15');
    expect(shiftDate('agenda', '2026-12-31', 1)).toBe('2027-01-31');
    expect(shiftDate('week', '2026-12-30', 1)).toBe('2027-01-06');
  });

  it('puts a multi-day entry on each day it spans, and lists only busy days in the agenda', () => {
    const byDay = entriesByDay([entry('a', '2026-02-27', '2026-03-02'), entry('b', '2026-03-02')], weekDays('2026-03-02'), 'UTC');
    expect(byDay.get('2026-03-02')?.map((item) => item.id)).toEqual(['a', 'b']);
    expect(byDay.get('2026-03-03')).toEqual([]);
    const days = agendaDays([entry('a', '2026-02-27', '2026-03-02')], '2026-03-01', '2026-03-31', 'UTC');
    expect(days.map(([date]) => date)).toEqual(['2026-03-01', '2026-03-02']);
  });

  it('dates a timed entry by the workspace’s wall clock, not by UTC', () => {
    // 23:30 UTC on 9 March is 00:30 on 10 March in Paris (UTC+1), 18:30 on 9 March in New York.
    const post = { ...entry('post', '2026-03-09T23:30:00.000Z'), allDay: false };
    expect(
      entriesByDay([post], ['2026-03-09', '2026-03-10'], 'Europe/Paris')
        .get('2026-03-10')
        ?.map((item) => item.id),
    ).toEqual(['post']);
    expect(
      entriesByDay([post], ['2026-03-09', '2026-03-10'], 'America/New_York')
        .get('2026-03-09')
        ?.map((item) => item.id),
    ).toEqual(['post']);
    expect(agendaDays([post], '2026-03-01', '2026-03-31', 'UTC').map(([date]) => date)).toEqual(['2026-03-09']);
  });
});
