import { describe, expect, it } from 'vitest';
import { joinedLine, wordedDate, wordedTime, wordedWhen } from './design-dates.js';

describe('dates and times on visuals', () => {
  it('words a date in French and in Maghreb Arabic month names, Western digits by default', () => {
    expect(wordedDate('2026-05-14', 'fr')).toBe('jeudi 14 mai 2026');
    const arabic = wordedDate('2026-05-14', 'ar');
    expect(arabic).toContain('ماي');
    expect(arabic).toContain('14');
    expect(arabic).toContain('2026');
  });

  it('writes Eastern Arabic digits on request', () => {
    expect(wordedDate('2026-05-14', 'ar', 'arab')).toContain('١٤');
    expect(wordedTime('09:30', 'ar', 'arab')).toBe('٠٩:٣٠');
  });

  it('follows the French rule for hours, with non-breaking spaces', () => {
    expect(wordedTime('09:30', 'fr')).toBe('9\u00a0h\u00a030');
    expect(wordedTime('17:00', 'fr')).toBe('17\u00a0h');
  });

  it('joins the date with a start time, or a range', () => {
    expect(wordedWhen({ date: '2026-05-14', startTime: '09:30', endTime: '17:00' }, 'fr')).toBe(
      'jeudi 14 mai 2026, de 9\u00a0h\u00a030 à 17\u00a0h',
    );
    expect(wordedWhen({ date: '2026-05-14', startTime: '09:30' }, 'ar')).toMatch(/، على الساعة 09:30$/);
    expect(wordedWhen({ date: '2026-05-14', startTime: '09:30' }, 'fr')).toBe('jeudi 14 mai 2026 à 9\u00a0h\u00a030');
    expect(wordedWhen({ startTime: '09:30', endTime: '11:00' }, 'ar')).toBe('من 09:30 إلى 11:00');
    // An end time without a start says nothing on its own.
    expect(wordedWhen({ endTime: '11:00' }, 'fr')).toBeUndefined();
    expect(wordedWhen({}, 'fr')).toBeUndefined();
  });

  it('joins a place and a date with the comma of each language', () => {
    expect(joinedLine('Sfax', 'jeudi 14 mai 2026', 'fr')).toBe('Sfax, jeudi 14 mai 2026');
    expect(joinedLine('صفاقس', 'الخميس', 'ar')).toBe('صفاقس، الخميس');
    expect(joinedLine(undefined, 'x', 'fr')).toBe('x');
  });
});
