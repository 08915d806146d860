import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from '../../../../shared/planning/calendar.schema.js';
import { hasPermission } from '../../../../shared/roles.js';
import { entriesByDay } from './calendar-grid.js';
import { isMovable, planMove, wallClockOfEntry, wallTimeOf, withMove } from './calendar-move.js';

const PARIS = 'Europe/Paris';
const CASABLANCA = 'Africa/Casablanca';

const post = (start: string, overrides: Partial<CalendarEntry> = {}): CalendarEntry => ({
  id: 'post-1',
  kind: 'social-post',
  title: { fr: { value: 'Atelier à Sfax', status: 'reviewed' } },
  start,
  end: start,
  allDay: false,
  status: 'scheduled',
  link: '/w/1/social/posts/post-1',
  move: { path: '/api/workspaces/1/social/posts/post-1/reschedule', permission: 'social:publish' },
  ...overrides,
});

describe('moving a calendar entry', () => {
  it('is offered only when the entry says how and the role grants its permission', () => {
    const entry = post('2031-05-12T08:00:00.000Z');
    expect(isMovable(entry, (permission) => hasPermission('officer', permission))).toBe(true);
    expect(isMovable(entry, (permission) => hasPermission('contributor', permission))).toBe(false);
    expect(isMovable({ ...entry, move: undefined }, () => true)).toBe(false);
  });

  it('reads an entry’s day and time on the workspace’s clock', () => {
    // 23:30 UTC is half past midnight the next day in Paris in winter.
    expect(wallClockOfEntry(post('2031-01-09T23:30:00.000Z'), PARIS)).toEqual({ date: '2031-01-10', time: '00:30' });
    expect(wallTimeOf('2031-07-09T16:00:00.000Z', PARIS)).toBe('18:00');
  });

  it('trusts the server’s reading of the wall clock over the browser’s time-zone data', () => {
    // A browser whose time-zone data is a year off would read 09:00Z as 09:00 in Casablanca; the server says 10:00.
    const entry = post('2031-11-04T09:00:00.000Z', { wallClock: { date: '2031-11-04', time: '10:00' } });
    expect(wallClockOfEntry(entry, 'UTC')).toEqual({ date: '2031-11-04', time: '10:00' });
    expect(
      entriesByDay(
        [post('2031-11-04T23:30:00.000Z', { wallClock: { date: '2031-11-05', time: '00:30' } })],
        ['2031-11-04', '2031-11-05'],
        'UTC',
      ).get('2031-11-05'),
    ).toHaveLength(1);
    const move = planMove(entry, { date: '2031-11-06' }, 'UTC');
    expect(move?.wallClock).toEqual({ date: '2031-11-06', time: '10:00' });
    expect(withMove([entry], entry, move as NonNullable<typeof move>)[0]?.wallClock).toEqual({ date: '2031-11-06', time: '10:00' });
    // Dropped on its own day and time as the server reads them: nothing to do.
    expect(planMove(entry, { date: '2031-11-04', time: '10:00' }, 'UTC')).toBeUndefined();
  });

  it('month view: another day keeps the time of day, across the change to summer time', () => {
    // Friday 28 March 2031, 10:00 in Paris (UTC+1) → Monday 31 March, after the change: still 10:00, now UTC+2.
    const move = planMove(post('2031-03-28T09:00:00.000Z'), { date: '2031-03-31' }, PARIS);
    expect(move).toEqual({
      request: { date: '2031-03-31' },
      start: '2031-03-31T08:00:00.000Z',
      end: '2031-03-31T08:00:00.000Z',
      wallClock: { date: '2031-03-31', time: '10:00' },
    });
  });

  it('week view and "move to…": a day and a time, the entry’s length kept', () => {
    const entry = post('2031-05-12T08:00:00.000Z', { end: '2031-05-12T09:30:00.000Z' });
    const move = planMove(entry, { date: '2031-05-14', time: '18:00' }, CASABLANCA);
    expect(move?.request).toEqual({ date: '2031-05-14', time: '18:00' });
    expect(move?.start).toBe('2031-05-14T17:00:00.000Z');
    expect(move?.end).toBe('2031-05-14T18:30:00.000Z');
  });

  it('changes nothing when dropped where it already is', () => {
    const entry = post('2031-05-12T08:00:00.000Z');
    expect(planMove(entry, { date: '2031-05-12' }, CASABLANCA)).toBeUndefined();
    expect(planMove(entry, { date: '2031-05-12', time: '09:00' }, CASABLANCA)).toBeUndefined();
    expect(planMove(entry, { date: '2031-05-12', time: '10:00' }, CASABLANCA)?.request).toEqual({ date: '2031-05-12', time: '10:00' });
  });

  it('moves an all-day entry by whole days, keeping its span', () => {
    const task = post('2031-05-12', { allDay: true, end: '2031-05-14', kind: 'task' });
    expect(planMove(task, { date: '2031-05-20', time: '10:00' }, PARIS)).toEqual({
      request: { date: '2031-05-20' },
      start: '2031-05-20',
      end: '2031-05-22',
    });
  });

  it('shows the moved entry at its new place, and only that one', () => {
    const moved = post('2031-05-12T08:00:00.000Z');
    const other = post('2031-05-12T08:00:00.000Z', { id: 'post-2' });
    const plan = planMove(moved, { date: '2031-05-13' }, CASABLANCA);
    if (!plan) throw new Error('expected a move');
    const entries = withMove([moved, other], moved, plan);
    expect(entries.map((entry) => entry.start)).toEqual(['2031-05-13T08:00:00.000Z', '2031-05-12T08:00:00.000Z']);
  });
});
