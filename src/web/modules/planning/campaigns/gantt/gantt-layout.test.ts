import { describe, expect, it } from 'vitest';
import { barOf, daysDragged, daysOfArrowKey, dependencyPaths, ganttRangeOf, physicalX } from './gantt-layout.js';

const tasks = [
  { id: 'brief', status: 'todo' as const, startDate: '2026-05-01', dueDate: '2026-05-05' },
  { id: 'visuals', status: 'todo' as const, startDate: '2026-05-05', dueDate: '2026-05-10' },
];

describe('gantt layout', () => {
  it('spans every task and the goal date with a margin, and today only when near', () => {
    expect(ganttRangeOf(tasks, '2026-05-20', '2026-05-02')).toEqual({ from: '2026-04-28', to: '2026-05-23', days: 26 });
    expect(ganttRangeOf(tasks, '2026-05-20', '2026-04-20').from).toBe('2026-04-17');
    expect(ganttRangeOf(tasks, '2026-05-20', '2025-01-01').from).toBe('2026-04-28');
  });

  it('places bars from the start of the first day to the end of the due day', () => {
    const range = ganttRangeOf(tasks, '2026-05-20', '2026-05-02');
    expect(barOf(tasks[0] as (typeof tasks)[0], { range, dayWidth: 10 })).toEqual({ start: 30, width: 50 });
  });

  it('mirrors the SVG x in Arabic but not the inline offsets', () => {
    const range = { from: '2026-05-01', to: '2026-05-10', days: 10 };
    expect(physicalX(30, { range, dayWidth: 10, rowHeight: 20, dir: 'ltr' })).toBe(30);
    expect(physicalX(30, { range, dayWidth: 10, rowHeight: 20, dir: 'rtl' })).toBe(70);
  });

  it('turns pointer moves and arrow keys into days, later being leftwards in Arabic', () => {
    expect(daysDragged(44, { dayWidth: 20, dir: 'ltr' })).toBe(2);
    expect(daysDragged(44, { dayWidth: 20, dir: 'rtl' })).toBe(-2);
    expect(daysDragged(-5, { dayWidth: 20, dir: 'rtl' })).toBe(0);
    expect(daysOfArrowKey('ArrowRight', 'ltr')).toBe(1);
    expect(daysOfArrowKey('ArrowLeft', 'rtl')).toBe(1);
    expect(daysOfArrowKey('ArrowRight', 'rtl')).toBe(-1);
    expect(daysOfArrowKey('Enter', 'ltr')).toBe(0);
  });

  it('draws an arrow from the end of the prerequisite to the start of the dependant', () => {
    const range = { from: '2026-05-01', to: '2026-05-10', days: 10 };
    const ltr = dependencyPaths(tasks, [{ taskId: 'visuals', prerequisiteId: 'brief' }], {
      range,
      dayWidth: 10,
      rowHeight: 20,
      dir: 'ltr',
    });
    expect(ltr[0]?.d).toBe('M50 10 L55 10 L55 20 L35 20 L35 30 L40 30');
    const rtl = dependencyPaths(tasks, [{ taskId: 'visuals', prerequisiteId: 'brief' }], {
      range,
      dayWidth: 10,
      rowHeight: 20,
      dir: 'rtl',
    });
    expect(rtl[0]?.d).toBe('M50 10 L45 10 L45 20 L65 20 L65 30 L60 30');
    expect(
      dependencyPaths(tasks, [{ taskId: 'visuals', prerequisiteId: 'gone' }], { range, dayWidth: 10, rowHeight: 20, dir: 'ltr' }),
    ).toEqual([]);
  });
});
